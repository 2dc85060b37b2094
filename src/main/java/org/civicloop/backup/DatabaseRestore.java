package org.civicloop.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a {@link DatabaseBackup} archive into an empty database and a fresh data directory:
 * the audit key and checkpoint files are put in place, the schema is created by Flyway up to the
 * backup's version, every table is loaded in one transaction (user triggers off while loading, so
 * the audit trail's append-only trigger lets its rows back in unchanged), the sequences are set,
 * and Flyway then applies any newer migrations. Nothing is restored over existing data: a
 * database with tables, or a different key or checkpoint file already there, is refused.
 */
final class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

    /** What a restore loaded. */
    record Summary(int tables, long rows, long auditHeadSeq) {
    }

    private final Path archive;
    private final Path keyFile;
    private final Path checkpointFile;
    private final Path dataDir;

    DatabaseRestore(Path archive, Path keyFile, Path checkpointFile, Path dataDir) {
        this.archive = archive;
        this.keyFile = keyFile;
        this.checkpointFile = checkpointFile;
        this.dataDir = dataDir;
    }

    Summary restore(Flyway flyway) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            BackupArchive.Manifest manifest = manifest(zip);
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            requireEmpty(dataSource);
            putFile(zip, BackupArchive.KEY_ENTRY, keyFile);
            putFile(zip, BackupArchive.CHECKPOINTS_ENTRY, checkpointFile);
            putDataFiles(zip);
            Flyway.configure().configuration(flyway.getConfiguration()).target(manifest.flywayVersion()).load().migrate();
            long rows = load(zip, manifest, dataSource);
            flyway.migrate();
            log.info("Restored {} tables, {} rows from {}", manifest.tables().size(), rows, archive);
            return new Summary(manifest.tables().size(), rows, manifest.auditHeadSeq());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup " + archive, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot restore the backup " + archive + " into the database", e);
        }
    }

    private static BackupArchive.Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupArchive.MANIFEST);
        if (entry == null) {
            throw new IllegalArgumentException("not a CivicLoop backup: no " + BackupArchive.MANIFEST);
        }
        Properties p = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            p.load(in);
        }
        return BackupArchive.Manifest.from(p);
    }

    private static void requireEmpty(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                     + "where n.nspname = current_schema() and c.relkind in ('r', 'p')")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("A backup is restored only into an empty database; this one has "
                        + rs.getLong(1) + " tables. Use a fresh --civicloop.data-dir (or a new external database)");
            }
        }
    }

    /** The data directory's files (uploaded materials, the campaigns' phone key), each only inside the new data directory. */
    private void putDataFiles(ZipFile zip) throws IOException {
        Path root = dataDir.toAbsolutePath().normalize();
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            if (entry.isDirectory() || !entry.getName().startsWith(BackupArchive.DATA_PREFIX)) {
                continue;
            }
            Path target = root.resolve(entry.getName().substring(BackupArchive.DATA_PREFIX.length())).normalize();
            if (!target.startsWith(root) || target.startsWith(root.resolve("pgdata"))) {
                throw new IllegalArgumentException("not a CivicLoop backup: " + entry.getName() + " points outside the data directory");
            }
            putFile(zip, entry.getName(), target);
        }
    }

    private static void putFile(ZipFile zip, String entryName, Path target) throws IOException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            return;
        }
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
            content = in.readAllBytes();
        }
        if (Files.exists(target)) {
            if (Arrays.equals(Files.readAllBytes(target), content)) {
                return;
            }
            throw new IllegalStateException(target + " already exists and differs from the backup's; restore into a "
                    + "fresh data directory");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(target, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    private static long load(ZipFile zip, BackupArchive.Manifest manifest, DataSource dataSource) throws SQLException, IOException {
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                StringBuilder truncate = new StringBuilder();
                for (BackupArchive.Table t : manifest.tables()) {
                    s.execute("alter table " + DatabaseBackup.quote(t.name()) + " disable trigger user");
                    truncate.append(truncate.isEmpty() ? "" : ", ").append(DatabaseBackup.quote(t.name()));
                }
                if (!truncate.isEmpty()) {
                    // rows the migrations themselves inserted (dictionaries) come back from the backup
                    s.execute("truncate " + truncate);
                }
                for (BackupArchive.Table t : manifest.tables()) {
                    ZipEntry entry = zip.getEntry(BackupArchive.tableEntry(t.name()));
                    if (entry == null) {
                        throw new IllegalArgumentException("the backup lacks the data of table " + t.name());
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + DatabaseBackup.quote(t.name())
                                + " (" + String.join(", ", t.columns().stream().map(DatabaseBackup::quote).toList())
                                + ") from stdin (format text, encoding 'UTF8')", in);
                        if (rows != t.rows()) {
                            throw new IllegalStateException("table " + t.name() + ": " + rows + " rows loaded, the backup has "
                                    + t.rows());
                        }
                        total += rows;
                    }
                }
                for (BackupArchive.Table t : manifest.tables()) {
                    s.execute("alter table " + DatabaseBackup.quote(t.name()) + " enable trigger user");
                }
                for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                    try (var set = c.prepareStatement("select setval(cast(? as regclass), ?, true)")) {
                        set.setString(1, DatabaseBackup.quote(sequence.getKey()));
                        set.setLong(2, sequence.getValue());
                        set.execute();
                    }
                }
            }
            c.commit();
        }
        return total;
    }
}
