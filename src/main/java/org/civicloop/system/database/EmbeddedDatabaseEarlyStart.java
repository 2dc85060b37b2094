package org.civicloop.system.database;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL as soon as the configuration is known, on its own thread, so that
 * it boots while Spring builds the web server and the beans (about two seconds saved on a first
 * start, half a second after). {@link EmbeddedDatabaseConfiguration} then takes the running
 * database instead of starting one. Registered in {@code META-INF/spring.factories}.
 */
class EmbeddedDatabaseEarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static CompletableFuture<EmbeddedDatabase> starting;
    private static Path startingFor;
    private static boolean hooked;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.isBlank() || !env.getProperty("civicloop.embedded-db.early-start", Boolean.class, true)) {
            return;
        }
        Path dir = pgdata(env.getProperty("civicloop.data-dir", "./data"));
        int port = env.getProperty("civicloop.embedded-db.port", Integer.class, 0);
        String sharedBuffers = env.getProperty("civicloop.embedded-db.shared-buffers", "");
        synchronized (EmbeddedDatabaseEarlyStart.class) {
            if (starting == null) {
                startingFor = dir;
                starting = CompletableFuture.supplyAsync(() -> EmbeddedDatabase.startOrAttach(dir, port, sharedBuffers));
                if (!hooked) {
                    hooked = true;
                    Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabaseEarlyStart::closeUntaken));
                }
            }
        }
    }

    /** The database started early for this directory, if any; hands it over once. */
    static synchronized EmbeddedDatabase take(Path dir) {
        if (starting == null || !dir.equals(startingFor)) {
            return null;
        }
        CompletableFuture<EmbeddedDatabase> future = starting;
        starting = null;
        startingFor = null;
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * A database started early but never taken (a data source URL arrived later, as the tests'
     * shared PostgreSQL does, or the context failed) would otherwise keep running after the JVM,
     * since pg_ctl starts it as a daemon: it was found orphaned after a test run.
     */
    private static void closeUntaken() {
        CompletableFuture<EmbeddedDatabase> future;
        synchronized (EmbeddedDatabaseEarlyStart.class) {
            future = starting;
            starting = null;
            startingFor = null;
        }
        if (future != null) {
            try {
                future.join().close();
            } catch (Exception ignored) {
                // the JVM is exiting; a database that failed to start needs no stopping
            }
        }
    }

    static Path pgdata(String dataDir) {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("pgdata");
    }
}
