package org.civicloop.opinions.domain;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Receipt codes: ten characters of Crockford's base-32 (no I, L, O or U, so nothing is misread),
 * shown as {@code XXXXX-XXXXX}. 50 random bits: short enough to write on a scrap of paper, far too
 * many to guess (and lookups are rate-limited).
 */
public final class ReceiptCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    public static String next() {
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return sb.toString();
    }

    /** What a person typed, tolerant of case, spaces, missing dash and look-alike letters. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (char c : typed.strip().toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            char d = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(d) >= 0) {
                sb.append(d);
            } else if (d != '-' && d != ' ') {
                return Optional.empty();
            }
        }
        if (sb.length() != 10) {
            return Optional.empty();
        }
        return Optional.of(sb.insert(5, '-').toString());
    }
}
