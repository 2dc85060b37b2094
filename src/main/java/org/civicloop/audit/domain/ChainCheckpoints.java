package org.civicloop.audit.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An append-only file outside the database that records the chain head from time to time: one
 * line {@code v1 <time> <position> <hash> <keyed_from> <mac>} per checkpoint, the mac being
 * HMAC-SHA256 under the audit key over the rest of the line, so that lines cannot be forged
 * without the key. Verification compares the chain with every line: a missing position means the
 * chain was truncated, a different hash that it was re-sealed. Default file:
 * {@code <data-dir>/audit/checkpoints.log} ({@code civicloop.audit.checkpoint-file}).
 */
@Component
class ChainCheckpoints {

    record Checkpoint(Instant at, long seq, String hash, long keyedFrom) {
    }

    /** Every line of the file: the valid checkpoints, and how many lines did not hold. */
    record Read(List<Checkpoint> valid, int invalid) {
    }

    private static final Set<StandardOpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);

    private final Path file;
    private final AuditKey key;
    private volatile Checkpoint last;
    private volatile boolean lastKnown;

    ChainCheckpoints(@Value("${civicloop.audit.checkpoint-file:${civicloop.data-dir:./data}/audit/checkpoints.log}") Path file,
                     AuditKey key) {
        this.file = file.toAbsolutePath().normalize();
        this.key = key;
    }

    Path file() {
        return file;
    }

    synchronized void append(long seq, String hash, long keyedFrom) {
        String body = "v1 " + Instant.now() + " " + seq + " " + hash + " " + keyedFrom;
        String line = body + " " + mac(body) + "\n";
        try {
            Path dir = file.getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            try (FileChannel channel = FileChannel.open(file, APPEND,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit checkpoint file " + file, e);
        }
        last = new Checkpoint(Instant.now(), seq, hash, keyedFrom);
        lastKnown = true;
    }

    /** The newest valid checkpoint (highest position), read from the file once and then kept. */
    Checkpoint last() {
        if (!lastKnown) {
            synchronized (this) {
                if (!lastKnown) {
                    last = read().valid().stream().max(java.util.Comparator.comparingLong(Checkpoint::seq)).orElse(null);
                    lastKnown = true;
                }
            }
        }
        return last;
    }

    Read read() {
        if (!Files.exists(file)) {
            return new Read(List.of(), 0);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (java.nio.charset.MalformedInputException e) {
            return new Read(List.of(), 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoint file " + file, e);
        }
        List<Checkpoint> valid = new ArrayList<>();
        int invalid = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Checkpoint c = parse(line);
            if (c == null) {
                invalid++;
            } else {
                valid.add(c);
            }
        }
        return new Read(valid, invalid);
    }

    private Checkpoint parse(String line) {
        String[] p = line.strip().split(" ");
        if (p.length != 6 || !"v1".equals(p[0])) {
            return null;
        }
        String body = line.strip().substring(0, line.strip().lastIndexOf(' '));
        if (!java.security.MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
                p[5].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return new Checkpoint(Instant.parse(p[1]), Long.parseLong(p[2]), p[3], Long.parseLong(p[4]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String mac(String body) {
        Mac mac = key.mac();
        return HexFormat.of().formatHex(mac.doFinal(("checkpoint|" + body).getBytes(StandardCharsets.US_ASCII)));
    }
}
