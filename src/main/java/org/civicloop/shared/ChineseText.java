package org.civicloop.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese word segmentation with Lucene's smartcn (HMM over a dictionary; no network, no model
 * download). Tokens are stored in PostgreSQL as a tsvector so every node searches one index.
 */
public final class ChineseText {

    private static final SmartChineseAnalyzer ANALYZER = new SmartChineseAnalyzer(true);

    private ChineseText() {
    }

    /**
     * The distinct words of a text worth matching on: single characters (的, 了, 我…) and
     * punctuation say little about what an opinion is about and are dropped; numbers and Latin
     * words are kept.
     */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream stream = ANALYZER.tokenStream("content", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString().toLowerCase(Locale.ROOT);
                if (word.codePointCount(0, word.length()) >= 2 || word.chars().allMatch(Character::isDigit)) {
                    words.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Dice's coefficient of two word sets: 1 for the same words, 0 for none in common. */
    public static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return 2.0 * common / (a.size() + b.size());
    }
}
