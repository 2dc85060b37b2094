package org.civicloop.system.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, CivicLoop runs on its own PostgreSQL under
 * {@code civicloop.data-dir}/pgdata. Set the standard datasource properties to use an external
 * PostgreSQL 15+ instead; nothing else changes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${civicloop.data-dir}") Path dataDir,
                                      @Value("${civicloop.embedded-db.port:0}") int port,
                                      @Value("${civicloop.embedded-db.shared-buffers:}") String sharedBuffers) {
        Path pgdata = EmbeddedDatabaseEarlyStart.pgdata(dataDir.toString());
        EmbeddedDatabase early = EmbeddedDatabaseEarlyStart.take(pgdata);
        return early != null ? early : EmbeddedDatabase.startOrAttach(pgdata, port, sharedBuffers);
    }

    /** The pool's spring.datasource.hikari.* settings (timeouts, driver properties) apply here too, as to an external database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(database.jdbcUrl());
        ds.setUsername(EmbeddedDatabase.USER);
        ds.setPassword(database.password());
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("civicloop-embedded");
        return ds;
    }
}
