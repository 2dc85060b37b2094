package org.civicloop.campaigns.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a voter's phone number into what the vote tables keep: HMAC-SHA256 under a key that lives
 * outside the database ({@code civicloop.campaigns.phone-key}, base64, or else the file
 * {@code <data-dir>/secrets/campaign-phones.key}, created with 32 random bytes at first use). A plain
 * hash of an 11-digit number is reversed by trying them all; a keyed one is not, without the key.
 * The same number always gives the same hash, which is what "one vote per phone per day" needs.
 */
@Component
class PhoneKey {

    private final String configured;
    private final Path file;
    private volatile byte[] key;

    PhoneKey(@Value("${civicloop.campaigns.phone-key:}") String configured,
             @Value("${civicloop.campaigns.phone-key-file:${civicloop.data-dir:./data}/secrets/campaign-phones.key}") Path file) {
        this.configured = configured == null ? "" : configured.strip();
        this.file = file.toAbsolutePath().normalize();
    }

    String hash(String normalisedPhone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalisedPhone.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] bytes() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        if (!configured.isEmpty()) {
            return Base64.getDecoder().decode(configured);
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException e) {
                    // another process created it a moment ago: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the campaign phone key " + file, e);
        }
    }
}
