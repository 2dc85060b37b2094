package org.civicloop.system.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.civicloop.shared.ReportReads;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Issue 14, item 5: with {@code civicloop.datasource.replica.url} set, the application's one {@link DataSource}
 * becomes a {@link LazyConnectionDataSourceProxy} over the primary whose read-only connections come from the
 * replica, but only inside a {@link ReportReads} method: the many other read-only transactions (a form shown
 * again after its own save) stay on the primary. The proxy takes its real connection at the first statement,
 * when the transaction is known to be read-only and the report's flag is set. Without the property nothing
 * changes: no proxy, no advisor, every read on the primary.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("civicloop.datasource.replica.url")
@EnableConfigurationProperties(ReplicaReads.ReplicaProperties.class)
class ReplicaReads {

    private static final ThreadLocal<Boolean> REPORT = new ThreadLocal<>();

    /** {@code civicloop.datasource.replica.*}: the streaming replica reports read from. */
    @ConfigurationProperties("civicloop.datasource.replica")
    record ReplicaProperties(String url, String username, String password, @DefaultValue("5") int maximumPoolSize) {
    }

    /** The replica's own pool, closed with the context; not a DataSource bean (the primary's auto-configuration stays). */
    static final class ReplicaPool implements AutoCloseable {
        final HikariDataSource dataSource = new HikariDataSource();

        ReplicaPool(ReplicaProperties properties) {
            dataSource.setPoolName("replica");
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.username());
            dataSource.setPassword(properties.password());
            dataSource.setMaximumPoolSize(properties.maximumPoolSize());
            dataSource.setReadOnly(true);
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    @Bean(destroyMethod = "close")
    ReplicaPool replicaPool(ReplicaProperties properties) {
        return new ReplicaPool(properties);
    }

    @Bean
    static BeanPostProcessor replicaRouting(ObjectProvider<ReplicaPool> replica) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource primary) || !"dataSource".equals(beanName)) {
                    return bean;
                }
                DataSource replicaDataSource = replica.getObject().dataSource;
                LazyConnectionDataSourceProxy routed = new LazyConnectionDataSourceProxy(primary);
                routed.setReadOnlyDataSource(new DelegatingDataSource(primary) {
                    @Override
                    public DataSource getTargetDataSource() {
                        return Boolean.TRUE.equals(REPORT.get()) ? replicaDataSource : primary;
                    }

                    @Override
                    public java.sql.Connection getConnection() throws java.sql.SQLException {
                        return getTargetDataSource().getConnection();
                    }

                    @Override
                    public java.sql.Connection getConnection(String username, String password) throws java.sql.SQLException {
                        return getTargetDataSource().getConnection(username, password);
                    }
                });
                return routed;
            }
        };
    }

    /** Marks the thread while a {@link ReportReads} method runs, outermost first. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor reportReadsAdvisor() {
        MethodInterceptor flag = invocation -> {
            Boolean before = REPORT.get();
            REPORT.set(Boolean.TRUE);
            try {
                return invocation.proceed();
            } finally {
                if (before == null) {
                    REPORT.remove();
                } else {
                    REPORT.set(before);
                }
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new ComposablePointcut(new AnnotationMatchingPointcut(ReportReads.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(ReportReads.class)), flag);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
