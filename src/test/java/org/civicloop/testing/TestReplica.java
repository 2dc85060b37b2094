package org.civicloop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 14, item 5: a second real PostgreSQL, a hot-standby streaming replica of {@link TestDatabase}, made with
 * the same binaries as the primary. The zonky binaries have no pg_basebackup (and Debian's is another major
 * version), so the base backup is PostgreSQL's own low-level protocol: a physical replication slot (keeps the
 * WAL the copy needs), {@code pg_backup_start}, a file copy of the data directory without its WAL,
 * {@code pg_backup_stop} whose label file goes into the copy, then {@code standby.signal} and
 * {@code primary_conninfo}. The primary needs nothing more than PostgreSQL 17's defaults ({@code wal_level=replica},
 * ten WAL senders, a {@code trust} replication line for loopback from initdb).
 */
public final class TestReplica implements AutoCloseable {

    private static final String SLOT = "civicloop_test_replica";
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "backup_label.old", "tablespace_map", "standby.signal", "recovery.signal");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private final Path directory;
    private final Path postgres;
    private final int port;
    private Process process;

    private TestReplica(Path directory, Path postgres, int port) {
        this.directory = directory;
        this.postgres = postgres;
        this.port = port;
    }

    /** Copies the running test database and starts the copy as its streaming replica; returns once it serves reads. */
    public static TestReplica start() {
        try {
            Path primary = TestDatabase.dataDirectory();
            long postmaster = Long.parseLong(Files.readAllLines(primary.resolve("postmaster.pid")).get(0).strip());
            Path bin = Path.of("/proc/" + postmaster + "/exe").toRealPath().getParent();
            int primaryPort = TestDatabase.instance().getPort();
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path directory = primary.resolveSibling(primary.getFileName() + "-replica");
            deleteRecursively(directory);
            try (Connection c = TestDatabase.connection(); Statement s = c.createStatement()) {
                s.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + SLOT + "'");
                s.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
                s.execute("select pg_backup_start('civicloop-test-replica', true)");
                copy(primary, directory);
                try (ResultSet rs = s.executeQuery("select labelfile from pg_backup_stop(true)")) {
                    rs.next();
                    Files.writeString(directory.resolve("backup_label"), rs.getString(1));
                }
            }
            Files.writeString(directory.resolve("standby.signal"), "");
            Files.writeString(directory.resolve("postgresql.auto.conf"), String.format(
                    "%nprimary_conninfo = 'host=localhost port=%d user=postgres application_name=civicloop_test_replica'%n"
                            + "primary_slot_name = '%s'%nhot_standby = on%n", primaryPort, SLOT),
                    java.nio.file.StandardOpenOption.APPEND);
            Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            TestReplica replica = new TestReplica(directory, bin.resolve("postgres"), port);
            Runtime.getRuntime().addShutdownHook(new Thread(replica::stop));
            java.util.List<String> command = new java.util.ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; as zonky does for the primary, in a user namespace where it is not
                command.addAll(java.util.List.of("unshare", "-U"));
            }
            command.addAll(java.util.List.of(replica.postgres.toString(), "-D", directory.toString(), "-p", String.valueOf(port),
                    "-c", "listen_addresses=localhost", "-c", "fsync=off", "-c", "max_connections=300"));
            replica.process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolveSibling(directory.getFileName() + ".log").toFile())
                    .start();
            replica.awaitRecovery();
            return replica;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test replica", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start the test replica", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    private void awaitRecovery() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The test replica stopped; see " + directory + ".log");
            }
            try (Connection c = connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
                throw new IllegalStateException("The test replica is not in recovery");
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Stops the replica (immediately: nothing of it is kept), removes it, and frees the primary's slot. */
    @Override
    public void close() {
        stop();
        try (Connection c = TestDatabase.connection(); Statement s = c.createStatement()) {
            s.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + SLOT + "'");
        } catch (SQLException ignored) {
            // the primary is on its way down as well
        }
    }

    private synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: a smart shutdown, nothing of it is kept anyway
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            deleteRecursively(directory);
        } catch (IOException ignored) {
            // target/ is cleaned by the next build
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                if (!dir.equals(from) && EMPTIED_DIRECTORIES.contains(from.relativize(dir).toString())) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!SKIPPED_FILES.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException gone) {
                        // a file removed during the backup: the WAL replay knows it is gone
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
