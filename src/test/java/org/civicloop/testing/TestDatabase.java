package org.civicloop.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.util.FileSystemUtils;

/**
 * One real PostgreSQL 17 for the whole test JVM, started on first use in a temporary directory and
 * stopped when the JVM exits. Every Spring test context points at it (see
 * {@link SharedPostgresContextCustomizerFactory}); plain tests may open connections directly.
 */
public final class TestDatabase {

    private static final java.util.concurrent.atomic.AtomicInteger OPEN_CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static Path directory;

    private TestDatabase() {
    }

    /**
     * The application's data directory for this test JVM. Surefire runs two JVMs side by side
     * (one per core); each has its own database, so each needs its own audit key and files too.
     */
    public static String dataDir() {
        return System.getProperty("civicloop.test.data-dir", "target/test-data");
    }

    public static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                Path dataDirectory = Files.createDirectories(Path.of("target")).toAbsolutePath()
                        .resolve("test-postgres-" + ProcessHandle.current().pid());
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setLocaleConfig("encoding", "UTF8")
                        // zonky's own hook would stop it while Spring contexts are still closing; ours waits
                        .setRegisterShutdownHook(false)
                        .start();
                directory = dataDirectory;
                watch(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitContextsClosed();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; zonky cleans up its temporary directory itself
                }
            }));
        }
        return postgres;
    }

    /**
     * Called for every Spring test context on this database. The JVM runs shutdown hooks at the
     * same time, so Spring's (closing contexts, whose beans still query on the way out: the event
     * publication registry lists unfinished publications) would race this class's (stopping
     * PostgreSQL) and wait 30 s for a connection. The database therefore stops only once every
     * context is closed: a bean registered first is destroyed last.
     */
    static void register(org.springframework.context.ConfigurableApplicationContext context) {
        OPEN_CONTEXTS.incrementAndGet();
        if (context.getBeanFactory() instanceof org.springframework.beans.factory.support.DefaultListableBeanFactory factory) {
            factory.registerDisposableBean("civicloopTestDatabaseGuard", () -> {
                synchronized (OPEN_CONTEXTS) {
                    OPEN_CONTEXTS.decrementAndGet();
                    OPEN_CONTEXTS.notifyAll();
                }
            });
        } else {
            OPEN_CONTEXTS.decrementAndGet();
        }
    }

    private static void awaitContextsClosed() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        synchronized (OPEN_CONTEXTS) {
            while (OPEN_CONTEXTS.get() > 0 && System.nanoTime() < deadline) {
                try {
                    OPEN_CONTEXTS.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * pg_ctl starts PostgreSQL as a daemon (parent 1), so nothing stops it when this JVM dies without
     * running its shutdown hooks: Surefire kills a fork that takes longer than 30 s to exit, and
     * an interrupted build kills it at once. A detached watchdog shell waits for this JVM to end,
     * however it ends, then stops the postmaster (SIGINT: fast shutdown) and removes its data
     * directory under target/. After a clean exit the hook above has already done both.
     */
    private static void watch(Path dataDirectory) {
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "pid=$(head -1 '" + dataDirectory + "/postmaster.pid' 2>/dev/null); "
                + "if [ -n \"$pid\" ]; then kill -INT \"$pid\" 2>/dev/null; "
                + "for i in $(seq 1 30); do kill -0 \"$pid\" 2>/dev/null || break; sleep 0.2; done; fi; "
                + "rm -rf '" + dataDirectory + "'";
        try {
            new ProcessBuilder("setsid", "sh", "-c", script)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // no watchdog (no sh/setsid): the shutdown hook still stops PostgreSQL on a normal exit
        }
    }

    /**
     * A file beside this JVM's database, removed with it: the audit checkpoints of the shared
     * contexts describe this database's chain and no other (target/test-data outlives it).
     */
    public static Path auditCheckpointFile() {
        return instance() == null ? null : directory.resolve("civicloop-audit-checkpoints.log");
    }

    /**
     * An empty vector index folder of its own for one application in this JVM, as each node of an installation
     * has: applications sharing one could not open it (Lucene's write lock is the JVM's) and matched by words
     * alone. Emptied first: one left by an earlier run was built beside another database, its ids name other
     * texts.
     */
    public static Path vectorIndexDir(String name) {
        Path folder = Path.of(dataDir()).toAbsolutePath().resolve("vectors-" + name);
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The test PostgreSQL's data directory (a {@link TestReplica} is copied from it). */
    public static Path dataDirectory() {
        instance();
        return directory;
    }

    public static String jdbcUrl() {
        return instance().getJdbcUrl("postgres", "postgres");
    }

    public static Connection connection() throws SQLException {
        return instance().getPostgresDatabase().getConnection();
    }
}
