package org.civicloop.testing;

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

/**
 * Registered in {@code META-INF/spring.factories}: points every test application context at the
 * JVM's single {@link TestDatabase}, through the same {@code spring.datasource.*} settings a
 * production deployment uses for an external PostgreSQL, and gives each context a vector index folder of its own
 * ({@link TestDatabase#vectorIndexDir}).
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
                properties.put("civicloop.language.index-dir",
                        TestDatabase.vectorIndexDir("context-" + contexts.incrementAndGet()).toString());
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
