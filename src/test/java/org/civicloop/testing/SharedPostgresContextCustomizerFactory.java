package org.civicloop.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registered in {@code META-INF/spring.factories}: points every test application context at the
 * JVM's single {@link TestDatabase}, through the same {@code spring.datasource.*} settings a
 * production deployment uses for an external PostgreSQL.
 */
public class SharedPostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SharedPostgres();
    }

    static final class SharedPostgres implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("civicloop-test-database", Map.of(
                    "spring.datasource.url", TestDatabase.jdbcUrl(),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "",
                    "civicloop.audit.checkpoint-file", TestDatabase.auditCheckpointFile().toString())));
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
