package org.civicloop.legislation.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The articles of a law's final text as the legislature published it: lines starting 第…章 open a chapter, lines
 * starting 第…条 an article; other lines continue the article before them, and anything before the first article
 * (the title, the preamble) is left out. The numbers may be written in Chinese numerals or digits.
 */
public final class FinalText {

    /** 第 (number) 章 (title) */
    private static final Pattern CHAPTER = Pattern.compile("^\\s*\u7b2c([\\d\u96f6\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343\u4e24]+)\u7ae0\\s*(.*)$");
    /** 第 (number) 条 (body) */
    private static final Pattern ARTICLE = Pattern.compile("^\\s*\u7b2c([\\d\u96f6\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343\u4e24]+)\u6761[\\s\u3000]*(.*)$");
    private static final String DIGITS = "\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d";

    private FinalText() {
    }

    /** One article of the final text. */
    public record Article(int articleNo, Integer chapterNo, String chapterTitle, String body) {
    }

    public static List<Article> articles(String text) {
        List<Article> articles = new ArrayList<>();
        if (text == null) {
            return articles;
        }
        Integer chapterNo = null;
        String chapterTitle = null;
        Integer no = null;
        StringBuilder body = new StringBuilder();
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher chapter = CHAPTER.matcher(line);
            Matcher article = ARTICLE.matcher(line);
            if (chapter.matches()) {
                if (no != null) {
                    articles.add(new Article(no, chapterNo, chapterTitle, body.toString().strip()));
                    no = null;
                }
                chapterNo = number(chapter.group(1));
                chapterTitle = chapter.group(2).strip().isEmpty() ? null : chapter.group(2).strip();
            } else if (article.matches()) {
                if (no != null) {
                    articles.add(new Article(no, chapterNo, chapterTitle, body.toString().strip()));
                }
                no = number(article.group(1));
                body.setLength(0);
                body.append(article.group(2).strip());
            } else if (no != null) {
                body.append('\n').append(line);
            }
        }
        if (no != null) {
            articles.add(new Article(no, chapterNo, chapterTitle, body.toString().strip()));
        }
        return articles;
    }

    /** 十二 → 12, 一百零五 → 105, 二十 → 20, 12 → 12. */
    static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (c == '\u3007') {
                d = 0;
            } else if (c == '\u4e24') {
                d = 2;
            }
            if (d >= 0) {
                current = d;
            } else if (c == '\u5341') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '\u767e') {
                total += current * 100;
                current = 0;
            } else if (c == '\u5343') {
                total += current * 1000;
                current = 0;
            }
        }
        return total + current;
    }
}
