package org.civicloop.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.civicloop.audit.AuditTrail;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Backs up the whole database together with the audit key and checkpoints into one archive.
 *
 * <p>The tables are read with PostgreSQL's own {@code COPY} inside one repeatable-read, read-only
 * transaction: a consistent snapshot, taken by the server itself, so it works the same for the
 * embedded and an external PostgreSQL and needs no client binaries (the embedded bundle ships
 * only {@code initdb}, {@code pg_ctl} and {@code postgres}; a distribution's older {@code pg_dump}
 * refuses a newer server). The schema is not dumped: a restore recreates it with the same Flyway
 * migrations, up to the version the backup was taken at.
 *
 * <p>Order matters for the audit chain: the pending rows are chained and a checkpoint written,
 * the checkpoint file is read, and only then the snapshot is taken; so every checkpoint in the
 * archive names a position the archived chain contains.
 */
@Service
public class DatabaseBackup {

    /** What a backup wrote. */
    public record Summary(Path file, int tables, long rows, long auditHeadSeq) {
    }

    private final DataSource dataSource;
    private final AuditTrail trail;
    private final Path keyFile;
    private final Path checkpointFile;
    private final Path dataDir;
    private final Path vectorIndexDir;

    DatabaseBackup(DataSource dataSource, AuditTrail trail,
                   @Value("${civicloop.audit.key-file:${civicloop.data-dir:./data}/secrets/audit.key}") Path keyFile,
                   @Value("${civicloop.audit.checkpoint-file:${civicloop.data-dir:./data}/audit/checkpoints.log}") Path checkpointFile,
                   @Value("${civicloop.data-dir:./data}") Path dataDir,
                   @Value("${civicloop.language.index-dir:${civicloop.data-dir:./data}/vectors}") Path vectorIndexDir) {
        this.dataSource = dataSource;
        this.trail = trail;
        this.keyFile = keyFile;
        this.checkpointFile = checkpointFile;
        this.dataDir = dataDir;
        this.vectorIndexDir = vectorIndexDir;
    }

    public Summary backup(Path target) {
        trail.chainPending();
        trail.checkpoint();
        try {
            byte[] key = Files.exists(keyFile) ? Files.readAllBytes(keyFile) : null;
            byte[] checkpoints = Files.exists(checkpointFile) ? Files.readAllBytes(checkpointFile) : null;
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".civicloop-backup", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Summary summary;
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    summary = write(zip, key, checkpoints, target);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return summary;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + target, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database for the backup", e);
        }
    }

    private Summary write(ZipOutputStream zip, byte[] key, byte[] checkpoints, Path target) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            List<BackupArchive.Table> tables = new ArrayList<>();
            long total = 0;
            for (String table : tablesInLoadOrder(c)) {
                List<String> columns = columns(c, table);
                zip.putNextEntry(new ZipEntry(BackupArchive.tableEntry(table)));
                long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + quote(table) + " ("
                        + String.join(", ", columns.stream().map(DatabaseBackup::quote).toList())
                        + ") to stdout (format text, encoding 'UTF8')", new NonClosing(zip));
                zip.closeEntry();
                tables.add(new BackupArchive.Table(table, columns, rows));
                total += rows;
            }
            Map<String, Long> sequences = new LinkedHashMap<>();
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "select sequencename, last_value from pg_sequences where schemaname = current_schema() "
                            + "and last_value is not null order by sequencename")) {
                while (rs.next()) {
                    sequences.put(rs.getString(1), rs.getLong(2));
                }
            }
            String flywayVersion;
            try (var s = c.createStatement(); var rs = s.executeQuery("select version from flyway_schema_history "
                    + "where success and version is not null order by installed_rank desc limit 1")) {
                rs.next();
                flywayVersion = rs.getString(1);
            }
            long headSeq = 0;
            String headHash = null;
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "select chain_seq, hash from audit_entry where chain_seq is not null order by chain_seq desc limit 1")) {
                if (rs.next()) {
                    headSeq = rs.getLong(1);
                    headHash = rs.getString(2);
                }
            }
            c.commit();
            if (key != null) {
                zip.putNextEntry(new ZipEntry(BackupArchive.KEY_ENTRY));
                zip.write(key);
                zip.closeEntry();
            }
            if (checkpoints != null) {
                zip.putNextEntry(new ZipEntry(BackupArchive.CHECKPOINTS_ENTRY));
                zip.write(checkpoints);
                zip.closeEntry();
            }
            writeDataFiles(zip, target);
            var manifest = new BackupArchive.Manifest(flywayVersion, tables, sequences, headSeq, headHash,
                    Instant.now().toString());
            zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
            manifest.toProperties().store(zip, "CivicLoop backup");
            zip.closeEntry();
            return new Summary(target, tables.size(), total, headSeq);
        }
    }

    /**
     * Every file of the data directory that is not the database's own (its files, its password), the audit key or
     * checkpoints (stored above, wherever they are configured) or the archive being written: uploaded materials,
     * the campaigns' phone key. Written after the database's snapshot, so a file uploaded meanwhile may be in the
     * archive without its row, never the other way round.
     */
    private void writeDataFiles(ZipOutputStream zip, Path target) throws IOException {
        Path root = dataDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return;
        }
        Set<Path> skipped = Set.of(keyFile.toAbsolutePath().normalize(), checkpointFile.toAbsolutePath().normalize(),
                target.toAbsolutePath().normalize(), root.resolve("secrets/db.password"));
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(root.resolve("pgdata")))
                    // the vector index (wherever it is configured) is rebuilt from the text_vector table, which the
                    // archive carries; its files change under a running node
                    .filter(f -> !f.startsWith(vectorIndexDir.toAbsolutePath().normalize()))
                    .filter(f -> !skipped.contains(f) && !f.getFileName().toString().startsWith(".civicloop-backup"))
                    .sorted().toList();
        }
        for (Path f : files) {
            zip.putNextEntry(new ZipEntry(BackupArchive.DATA_PREFIX + root.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, zip);
            zip.closeEntry();
        }
    }

    /** The schema's tables, each after the tables its foreign keys point to (Flyway's history excluded). */
    static List<String> tablesInLoadOrder(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                order by c.relname""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("""
                select src.relname, dst.relname from pg_constraint k
                join pg_class src on src.oid = k.conrelid join pg_class dst on dst.oid = k.confrelid
                join pg_namespace n on n.oid = src.relnamespace
                where k.contype = 'f' and n.nspname = current_schema() and src.oid <> dst.oid""")) {
            while (rs.next()) {
                references.computeIfAbsent(rs.getString(1), t -> new LinkedHashSet<>()).add(rs.getString(2));
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : tables) {
            visit(table, references, ordered, visiting, tables);
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(String table, Map<String, Set<String>> references, Set<String> ordered, Set<String> visiting,
                              List<String> tables) {
        if (ordered.contains(table) || !visiting.add(table)) {
            return; // done, or a cycle: the restore's foreign keys will say so
        }
        for (String referenced : references.getOrDefault(table, Set.of())) {
            if (tables.contains(referenced)) {
                visit(referenced, references, ordered, visiting, tables);
            }
        }
        ordered.add(table);
    }

    /**
     * The columns a backup carries: not generated ones (recomputed on loading), nor transaction ids
     * ({@code xid8}), which name transactions of this cluster only; loaded elsewhere they take their default,
     * the loading transaction.
     */
    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var s = c.prepareStatement("""
                select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relname = ? and a.attnum > 0 and not a.attisdropped
                  and a.attgenerated = '' and a.atttypid <> 'xid8'::regtype order by a.attnum""")) {
            s.setString(1, table);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** COPY closes nothing, but be sure: the zip stream must stay open for the next entry. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
