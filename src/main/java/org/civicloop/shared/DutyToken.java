package org.civicloop.shared;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code behind a duty QR code (履职二维码) of a deputy or a liaison site: the last part of
 * {@code /o/{token}}. Exactly 12 characters, lower-case letters and digits, so it survives being
 * read aloud, typed from a poster's small print (lookups ignore case) and put in any URL.
 * New tokens come from {@link SecureRandom} over an alphabet without the look-alikes 0/o, 1/l/i:
 * 31 symbols, about 59 bits, far beyond guessing by enumeration. Fixed demo tokens such as
 * {@code wangjg2026hx} obey the same 12-character rule.
 */
public final class DutyToken {

    public static final int LENGTH = 12;

    /** Lower-case letters and digits without 0, 1, i, l, o. */
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DutyToken() {
    }

    public static String generate() {
        char[] token = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            token[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(token);
    }

    /** A new token that {@code taken} does not already know; five draws, then it gives up. */
    public static String generateUnused(java.util.function.Predicate<String> taken) {
        for (int i = 0; i < 5; i++) {
            String token = generate();
            if (!taken.test(token)) {
                return token;
            }
        }
        throw new IllegalStateException("No free duty token after 5 attempts");
    }

    public static boolean isWellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** The token as stored (lower case), or empty when the text cannot be a token at all. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String token = text.strip().toLowerCase(Locale.ROOT);
        return isWellFormed(token) ? Optional.of(token) : Optional.empty();
    }
}
