package org.civicloop.open311.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys and request tokens. A key is 32 random bytes (256 bits) written as 43 URL-safe
 * characters; only its SHA-256 is stored. A plain hash without salt is enough here, unlike for
 * passwords: a random 256-bit key cannot be guessed from a dictionary, and the hash lets the
 * database find the partner by an index instead of checking every key.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    /** Tokens handed to partners for {@code GET tokens/{token}}: 128 random bits, 22 characters. */
    public static final String TOKEN_PATTERN = "[A-Za-z0-9_-]{22}";

    private ApiKeys() {
    }

    public static String newKey() {
        return random(32);
    }

    public static String newToken() {
        return random(16);
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL_SAFE.encodeToString(b);
    }
}
