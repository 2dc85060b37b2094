package org.civicloop.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One real PostgreSQL 17 for the whole test JVM, started on first use in a temporary directory and
 * stopped when the JVM exits. Every Spring test context points at it (see
 * {@link SharedPostgresContextCustomizerFactory}); plain tests may open connections directly.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setLocaleConfig("encoding", "UTF8")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; zonky cleans up its temporary directory itself
                }
            }));
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return instance().getJdbcUrl("postgres", "postgres");
    }

    public static Connection connection() throws SQLException {
        return instance().getPostgresDatabase().getConnection();
    }
}
