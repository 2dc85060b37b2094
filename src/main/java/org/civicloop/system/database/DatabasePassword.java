package org.civicloop.system.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The embedded PostgreSQL's superuser password: generated once, kept in an owner-only file. */
final class DatabasePassword {

    private DatabasePassword() {
    }

    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path dir = file.getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            // URL-safe base64: no quote, no backslash, nothing a connection string or SQL literal would mind
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = Files.createTempFile(dir, ".db.password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, password + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.createLink(file, tmp); // atomic, and fails if another process got there first
            } catch (FileAlreadyExistsException e) {
                // keep theirs
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("The database password file " + file + " is empty");
        }
        return password;
    }
}
