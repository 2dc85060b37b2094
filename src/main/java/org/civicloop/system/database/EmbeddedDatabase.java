package org.civicloop.system.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL whose data lives under the CivicLoop data directory and survives restarts.
 *
 * <p>Three cases on start: the data directory is free (start it); another live CivicLoop process
 * runs its postmaster (attach to it, as a second node would to an external database — this is how
 * the {@code verify-audit} command works beside a running app); or a postmaster was orphaned by a
 * hard kill of its JVM (stop it and remove the stale {@code postmaster.pid}, which would otherwise
 * block the start).
 *
 * <p>Only password authentication (scram-sha-256) is accepted, also from localhost. The password
 * is generated at first start and kept in {@code <data-dir>/secrets/db.password}, readable by its
 * owner only; a new cluster is created with it ({@code initdb --auth=scram-sha-256 --pwfile}). A
 * data directory created before (which trusted every local connection) is converted at its next
 * start: the superuser gets the password and {@code pg_hba.conf} is rewritten to scram-sha-256.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "civicloop";
    static final String USER = "postgres";

    static final String PASSWORD_FILE = "db.password";

    private final EmbeddedPostgres owned;
    private final int port;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres owned, int port, String password) {
        this.owned = owned;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the cluster in {@code dataDirectory} (or attaches to the one already running there) with
     * {@code sharedBuffers} of PostgreSQL's page cache ({@code civicloop.embedded-db.shared-buffers}, e.g.
     * {@code 512MB}; PostgreSQL's own default, 128MB, when blank): a start setting, applied at each start.
     */
    static EmbeddedDatabase startOrAttach(Path dataDirectory, int requestedPort, String sharedBuffers) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Path passwordFile = passwordFile(dataDirectory);
            String password = DatabasePassword.readOrCreate(passwordFile);
            Optional<Integer> runningPort = clearStalePidFile(dataDirectory);
            if (runningPort.isPresent()) {
                log.info("Using the embedded PostgreSQL already running for {} on port {}", dataDirectory, runningPort.get());
                return new EmbeddedDatabase(null, runningPort.get(), password).requirePassword(dataDirectory).ensureDatabase();
            }
            int port = requestedPort > 0 ? requestedPort : freePort();
            // zonky connects to see the server is up: with the password (a trusting old cluster ignores it)
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setConnectConfig("password", password);
            if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
                // a new cluster: password authentication only, from the first moment
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            EmbeddedPostgres pg = builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", sharedBuffers.isBlank() ? "128MB" : sharedBuffers)
                    // zonky's defaults suit throw-away test databases; this one holds real submissions
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Spring closes it (after the pool and the event registry); zonky's own hook would stop it first
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", port, dataDirectory);
            return new EmbeddedDatabase(pg, port, password).requirePassword(dataDirectory).ensureDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    /** {@code <data-dir>/secrets/db.password}, beside {@code <data-dir>/pgdata}. */
    static Path passwordFile(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize().getParent().resolve("secrets").resolve(PASSWORD_FILE);
    }

    /**
     * A cluster created before passwords (initdb {@code -A trust}) still trusts local connections:
     * give the superuser the password, rewrite {@code pg_hba.conf} to scram-sha-256 and reload. A
     * no-op once converted.
     */
    private EmbeddedDatabase requirePassword(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
        boolean trusting = lines.stream().map(String::strip).filter(l -> !l.startsWith("#") && !l.isEmpty())
                .anyMatch(l -> !l.endsWith("scram-sha-256"));
        if (!trusting) {
            return this;
        }
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, USER, password);
             var s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + USER + " with password '" + password.replace("'", "''") + "'");
            Files.writeString(hba, SCRAM_ONLY, StandardCharsets.UTF_8);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password of the embedded PostgreSQL", e);
        }
        log.warn("The embedded PostgreSQL in {} trusted local connections; it now requires the password in {}",
                dataDirectory, passwordFile(dataDirectory));
        return this;
    }

    private static final String SCRAM_ONLY = """
            # Written by CivicLoop: password authentication only (the password is in <data-dir>/secrets/db.password).
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    private EmbeddedDatabase ensureDatabase() {
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, USER, password);
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8'");
                    }
                }
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + DATABASE + " on the embedded PostgreSQL", e);
        }
    }

    /**
     * Reads {@code postmaster.pid}. zonky starts the postmaster through {@code pg_ctl}, so its
     * parent is always init and says nothing; what tells a live owner from a dead one is zonky's
     * {@code epg-lock}, an OS file lock its JVM holds while it runs and loses when it dies, even by
     * SIGKILL. Lock held: another live CivicLoop owns the server, return its port to attach.
     * Lock free: the postmaster is an orphan, stop it and delete the stale file.
     */
    static Optional<Integer> clearStalePidFile(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid = lines.isEmpty() ? -1 : parseLong(lines.get(0));
        Optional<ProcessHandle> postmaster = pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
        if (postmaster.isPresent() && isPostgres(postmaster.get())) {
            if (ownerIsAlive(dataDirectory) && lines.size() > 3) {
                return Optional.of(Integer.parseInt(lines.get(3).trim()));
            }
            log.warn("Stopping PostgreSQL process {} left behind by an earlier CivicLoop that did not shut down", pid);
            ProcessHandle orphan = postmaster.get();
            orphan.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, clean and quick with no clients
            try {
                orphan.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
        return Optional.empty();
    }

    private static boolean ownerIsAlive(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true; // another process holds it
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very JVM holds it
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(true);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
