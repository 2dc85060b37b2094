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

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.isBlank()) {
            return;
        }
        Path dir = pgdata(env.getProperty("civicloop.data-dir", "./data"));
        int port = env.getProperty("civicloop.embedded-db.port", Integer.class, 0);
        synchronized (EmbeddedDatabaseEarlyStart.class) {
            if (starting == null) {
                startingFor = dir;
                starting = CompletableFuture.supplyAsync(() -> EmbeddedDatabase.startOrAttach(dir, port));
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

    static Path pgdata(String dataDir) {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("pgdata");
    }
}
