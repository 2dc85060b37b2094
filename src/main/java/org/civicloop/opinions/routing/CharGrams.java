package org.civicloop.opinions.routing;

import java.util.HashSet;
import java.util.Set;

/**
 * Character n-grams of a text, what matching by words reads when the sentence model is not ready and
 * what the linear model weighs: bigrams of the letters and digits (Chinese has no spaces), lower case.
 */
final class CharGrams {

    /** Texts are read up to this many characters for n-grams: a long letter's opening says what it is about. */
    static final int READ = 2000;

    private CharGrams() {
    }

    static Set<String> of(String text) {
        Set<String> grams = new HashSet<>();
        if (text == null) {
            return grams;
        }
        StringBuilder clean = new StringBuilder();
        int end = Math.min(text.length(), READ);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                clean.append(Character.toLowerCase(c));
            }
        }
        for (int i = 0; i + 1 < clean.length(); i++) {
            grams.add(clean.substring(i, i + 2));
        }
        return grams;
    }

    /** Dice's coefficient of two gram sets. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String g : small) {
            if (large.contains(g)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }
}
