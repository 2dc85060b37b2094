package org.civicloop.briefings.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
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
 * A briefing's materials: PDF or Office files (Word, Excel, PowerPoint, old and new), judged by their
 * name and their first bytes (a {@code .pdf} that is really a program is refused), at most
 * {@code civicloop.briefings.max-material-bytes}. Files live under {@code <data-dir>/briefings/<id>/},
 * their facts in {@code briefing_material}. Who may read one: {@link BriefingPermissions#mayRead}.
 */
@Component
public class BriefingMaterials {

    /** The kinds accepted: the extension, its content type and the signature its first bytes must show. */
    public enum Kind {
        PDF("pdf", "application/pdf", Signature.PDF),
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Signature.ZIP),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Signature.ZIP),
        PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", Signature.ZIP),
        DOC("doc", "application/msword", Signature.OLE),
        XLS("xls", "application/vnd.ms-excel", Signature.OLE),
        PPT("ppt", "application/vnd.ms-powerpoint", Signature.OLE);

        final String extension;
        final String contentType;
        final Signature signature;

        Kind(String extension, String contentType, Signature signature) {
            this.extension = extension;
            this.contentType = contentType;
            this.signature = signature;
        }
    }

    enum Signature {
        PDF(new byte[] {'%', 'P', 'D', 'F', '-'}),
        ZIP(new byte[] {'P', 'K', 3, 4}),
        OLE(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});

        final byte[] magic;

        Signature(byte[] magic) {
            this.magic = magic;
        }

        boolean matches(byte[] b) {
            return b.length >= magic.length && Arrays.equals(Arrays.copyOf(b, magic.length), magic);
        }
    }

    public record StoredMaterial(long id, long briefingId, String fileName, String contentType, long size, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;
    private final Path root;
    private final long maxBytes;

    BriefingMaterials(JdbcClient jdbc, @Value("${civicloop.data-dir:./data}") Path dataDir,
                      @Value("${civicloop.briefings.max-material-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.root = dataDir.resolve("briefings");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** What is wrong with a file as a message key, or empty when it may be kept. */
    public Optional<String> problem(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.of("briefing.material.error.empty");
        }
        if (bytes.length > maxBytes) {
            return Optional.of("briefing.material.error.tooLarge");
        }
        Optional<Kind> kind = kindOf(fileName);
        if (kind.isEmpty()) {
            return Optional.of("briefing.material.error.type");
        }
        if (!kind.get().signature.matches(bytes)) {
            return Optional.of("briefing.material.error.notWhatItSays");
        }
        return Optional.empty();
    }

    static Optional<Kind> kindOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return Arrays.stream(Kind.values()).filter(k -> k.extension.equals(ext)).findFirst();
    }

    /** Keeps a checked file and returns its id. */
    long store(long briefingId, String fileName, byte[] bytes, Long uploadedBy, Instant now) {
        Kind kind = kindOf(fileName).orElseThrow(() -> new IllegalArgumentException("check the file first"));
        String storedAs = briefingId + "/" + UUID.randomUUID() + "." + kind.extension;
        Path target = root.resolve(storedAs);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a material of briefing " + briefingId, e);
        }
        return jdbc.sql("""
                        insert into briefing_material (briefing_id, file_name, content_type, size_bytes, sha256, stored_as,
                            uploaded_by, uploaded_at) values (:b, :name, :type, :size, :sha, :stored, :by, :at) returning id""")
                .param("b", briefingId).param("name", safeName(fileName)).param("type", kind.contentType)
                .param("size", (long) bytes.length).param("sha", sha256(bytes)).param("stored", storedAs)
                .param("by", uploadedBy).param("at", SqlTimes.timestamp(now))
                .query(Long.class).single();
    }

    public List<StoredMaterial> of(long briefingId) {
        return jdbc.sql("""
                        select id, briefing_id, file_name, content_type, size_bytes, uploaded_at
                          from briefing_material where briefing_id = :b order by uploaded_at, id""")
                .param("b", briefingId).query((rs, n) -> new StoredMaterial(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), SqlTimes.instant(rs, "uploaded_at"))).list();
    }

    public Optional<StoredMaterial> find(long briefingId, long materialId) {
        return of(briefingId).stream().filter(m -> m.id() == materialId).findFirst();
    }

    byte[] read(long materialId) {
        String storedAs = jdbc.sql("select stored_as from briefing_material where id = :id").param("id", materialId)
                .query(String.class).single();
        try {
            return Files.readAllBytes(root.resolve(storedAs));
        } catch (IOException e) {
            throw new UncheckedIOException("Material " + materialId + " is missing from the data directory", e);
        }
    }

    static String safeName(String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
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
