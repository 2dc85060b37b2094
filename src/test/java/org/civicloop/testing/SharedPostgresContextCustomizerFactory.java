package org.civicloop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.FileSystemUtils;

/**
 * Registered in {@code META-INF/spring.factories}: points every test application context at the
 * JVM's single {@link TestDatabase}, through the same {@code spring.datasource.*} settings a
 * production deployment uses for an external PostgreSQL. Each context gets a vector index folder of its own, as each
 * node of an installation has: contexts sharing one folder could not open it (Lucene's write lock is the JVM's)
 * and matched by words alone, with some twenty "Lock held by this virtual machine" errors a run.
 */
public class SharedPostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SharedPostgres();
    }

    static final class SharedPostgres implements ContextCustomizer {

        private static final AtomicInteger contexts = new AtomicInteger();

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.datasource.url", TestDatabase.jdbcUrl(),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "",
                    "civicloop.audit.checkpoint-file", TestDatabase.auditCheckpointFile().toString()));
            if (!context.getEnvironment().containsProperty("civicloop.language.index-dir")) {
                Path vectors = Path.of(TestDatabase.dataDir()).toAbsolutePath()
                        .resolve("vectors-context-" + contexts.incrementAndGet());
                try {
                    // one left by an earlier run was built beside another database: its ids name other texts
                    FileSystemUtils.deleteRecursively(vectors);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                properties.put("civicloop.language.index-dir", vectors.toString());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("civicloop-test-database", properties));
            TestDatabase.register(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SharedPostgres;
        }

        @Override
        public int hashCode() {
            return SharedPostgres.class.hashCode();
        }
    }
}
