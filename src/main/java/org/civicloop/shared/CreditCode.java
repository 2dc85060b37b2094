package org.civicloop.shared;

import java.util.Locale;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@code 0-9A-Y} without I, O, S, V and Z, the last a check character over the first seventeen
 * (weights 3^i mod 31). Shared so that every module checks a code the same way; the services
 * catalogue has the same rule in its field checker.
 */
public final class CreditCode {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The code as kept: trimmed, letters upper case; null stays null. */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether the (normalised) code has 18 allowed characters and the right check character. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int check = check(code.substring(0, 17));
        return check >= 0 && CHARS.charAt(check) == code.charAt(17);
    }

    /** The check character for seventeen allowed characters: what demo data and tests use to make valid codes. */
    public static String withCheck(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("seventeen characters expected: " + first17);
        }
        int check = check(first17);
        if (check < 0) {
            throw new IllegalArgumentException("characters outside GB 32100: " + first17);
        }
        return first17 + CHARS.charAt(check);
    }

    private static int check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int c = CHARS.indexOf(first17.charAt(i));
            if (c < 0) {
                return -1;
            }
            sum += c * WEIGHTS[i];
        }
        return (31 - sum % 31) % 31;
    }
}
