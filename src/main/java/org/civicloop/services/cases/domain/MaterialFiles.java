package org.civicloop.services.cases.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civicloop.shared.SqlTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Uploaded materials: PDF, JPEG or PNG only, judged by their first bytes (a {@code .pdf} that is
 * really a PNG or a program is refused, saying what it really is), at most {@code max-bytes}; the
 * file is kept under {@code civicloop.data-dir/services/materials/<case>/}, its facts in
 * {@code service_case_material}. Who may read one is {@link CasePermissions#canReadMaterials}.
 */
@Component
public class MaterialFiles {

    /** The kinds accepted, by their magic bytes. */
    public enum Kind {
        PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg", "jpeg"), PNG("image/png", "png");

        final String contentType;
        final List<String> extensions;

        Kind(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = List.of(extensions);
        }
    }

    /** One stored file's facts. */
    public record StoredMaterial(long id, long caseId, String materialCode, String fileName, String contentType, long size,
                                 Instant uploadedAt, boolean superseded) {
    }

    /** A file as it arrives, before any check. */
    public record Upload(String materialCode, String fileName, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final Path root;
    private final long maxBytes;

    MaterialFiles(JdbcClient jdbc, @Value("${civicloop.data-dir:./data}") Path dataDir,
                  @Value("${civicloop.services.max-material-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.root = dataDir.resolve("services").resolve("materials");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * What is wrong with a file, as a message key for the material's field, or empty when it may be
     * kept: empty, too large, an extension not allowed, or content that is not what its name says.
     */
    public Optional<String> problem(Upload upload) {
        if (upload.bytes() == null || upload.bytes().length == 0) {
            return Optional.of("services.case.upload.empty");
        }
        if (upload.bytes().length > maxBytes) {
            return Optional.of("services.case.upload.tooLarge");
        }
        String name = upload.fileName() == null ? "" : upload.fileName().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        Optional<Kind> claimed = java.util.Arrays.stream(Kind.values()).filter(k -> k.extensions.contains(ext)).findFirst();
        if (claimed.isEmpty()) {
            return Optional.of("services.case.upload.type");
        }
        Optional<Kind> actual = sniff(upload.bytes());
        if (actual.isEmpty()) {
            byte[] b = upload.bytes();
            boolean program = b.length >= 2 && b[0] == 'M' && b[1] == 'Z'
                    || b.length >= 4 && b[0] == 0x7F && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
            return Optional.of(program ? "services.case.upload.program" : "services.case.upload.notWhatItSays");
        }
        if (actual.get() != claimed.get()) {
            return Optional.of("services.case.upload.mislabelled." + actual.get().name());
        }
        return Optional.empty();
    }

    /** The kind the first bytes show, whatever the name says. */
    public static Optional<Kind> sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Optional.of(Kind.PDF);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of(Kind.JPEG);
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of(Kind.PNG);
        }
        return Optional.empty();
    }

    /** Keeps a checked file; earlier files of the same material are marked superseded, not removed. */
    public long store(long caseId, Upload upload, long uploadedBy, Instant now) {
        Kind kind = sniff(upload.bytes()).orElseThrow(() -> new IllegalArgumentException("check the upload first"));
        String storedAs = caseId + "/" + UUID.randomUUID() + "." + kind.extensions.get(0);
        Path target = root.resolve(storedAs);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, upload.bytes(), StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a material of application " + caseId, e);
        }
        jdbc.sql("update service_case_material set superseded = true where case_id = :c and material_code = :m")
                .param("c", caseId).param("m", upload.materialCode()).update();
        return jdbc.sql("""
                insert into service_case_material (case_id, material_code, file_name, content_type, size_bytes, sha256, stored_as,
                    uploaded_by, uploaded_at) values (:c, :m, :name, :type, :size, :sha, :stored, :by, :at) returning id""")
                .param("c", caseId).param("m", upload.materialCode()).param("name", safeName(upload.fileName()))
                .param("type", kind.contentType).param("size", (long) upload.bytes().length).param("sha", sha256(upload.bytes()))
                .param("stored", storedAs).param("by", uploadedBy).param("at", SqlTimes.timestamp(now))
                .query(Long.class).single();
    }

    public List<StoredMaterial> of(long caseId) {
        return jdbc.sql("""
                select id, case_id, material_code, file_name, content_type, size_bytes, uploaded_at, superseded
                  from service_case_material where case_id = :c order by material_code, uploaded_at""")
                .param("c", caseId).query((rs, n) -> new StoredMaterial(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), SqlTimes.instant(rs, "uploaded_at"), rs.getBoolean(8))).list();
    }

    public Optional<StoredMaterial> find(long caseId, long materialId) {
        return of(caseId).stream().filter(m -> m.id() == materialId).findFirst();
    }

    public byte[] read(long materialId) {
        String storedAs = jdbc.sql("select stored_as from service_case_material where id = :id").param("id", materialId)
                .query(String.class).single();
        try {
            return Files.readAllBytes(root.resolve(storedAs));
        } catch (IOException e) {
            throw new UncheckedIOException("Material " + materialId + " is missing from the data directory", e);
        }
    }

    private static String safeName(String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        n = n.length() > 120 ? n.substring(n.length() - 120) : n;
        return n.isEmpty() ? "file" : n;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
