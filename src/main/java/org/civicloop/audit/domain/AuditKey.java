package org.civicloop.audit.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit chain's HMAC key, which lives outside the database: {@code civicloop.audit.key}
 * (base64, at least 32 bytes; from the environment as {@code CIVICLOOP_AUDIT_KEY}) or else the
 * file {@code civicloop.audit.key-file} (default {@code <data-dir>/secrets/audit.key}), created
 * with 32 random bytes at first use, readable and writable by its owner only.
 *
 * <p>Loaded lazily: a restore puts the backed-up key file in place before anything needs it.
 */
@Component
class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);
    static final int MIN_BYTES = 32;
    private static final String CHECK = "civicloop audit key check";

    private final String configured;
    private final Path file;
    private volatile byte[] key;

    AuditKey(@Value("${civicloop.audit.key:}") String configured,
             @Value("${civicloop.audit.key-file:${civicloop.data-dir:./data}/secrets/audit.key}") Path file) {
        this.configured = configured == null ? "" : configured.strip();
        this.file = file.toAbsolutePath().normalize();
    }

    /** HMAC-SHA256 under this key, ready to be fed. */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes(), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What the chain's epoch row stores to tell this key from another, revealing nothing of it. */
    String check() {
        return HexFormat.of().formatHex(mac().doFinal(CHECK.getBytes(StandardCharsets.UTF_8)));
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
            return decode(configured, "civicloop.audit.key");
        }
        try {
            if (!Files.exists(file)) {
                create();
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key " + file, e);
        }
    }

    private void create() throws IOException {
        Path dir = file.getParent();
        if (!Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] fresh = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return; // another process of this installation created it a moment ago: use theirs
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        log.warn("Created the audit chain key {} (owner-only). Back it up with the database: without it the chain "
                + "cannot be verified", file);
    }

    private static byte[] decode(String base64, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit key in " + where + " is not base64", e);
        }
        if (k.length < MIN_BYTES) {
            throw new IllegalStateException("The audit key in " + where + " has " + k.length + " bytes; at least "
                    + MIN_BYTES + " are needed");
        }
        return k;
    }
}
