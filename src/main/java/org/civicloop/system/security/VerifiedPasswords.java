package org.civicloop.system.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 14: a machine client on {@code /api/**} signs in with HTTP Basic on every request, and
 * BCrypt's deliberate 80–100 ms per check was most of every API figure in the benchmark. This
 * encoder remembers, for a short time, that a password matched a stored hash. It keeps neither:
 * the key is an HMAC of the two under a random secret made when the process starts, kept only in
 * memory. A changed password is a new hash, so what was remembered for the old one no longer
 * matches anything; a locked or disabled account is still refused, because the account is read
 * again on every request. Only matches are remembered: every wrong password costs the full BCrypt.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private final PasswordEncoder encoder;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec secret;

    VerifiedPasswords(PasswordEncoder encoder, Duration remembered, long maximumSize) {
        this.encoder = encoder;
        this.verified = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(maximumSize).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        if (verified.getIfPresent(key) != null) {
            return true;
        }
        boolean matches = encoder.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(key, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private String key(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
