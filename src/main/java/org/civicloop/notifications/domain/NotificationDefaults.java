package org.civicloop.notifications.domain;

import org.civicloop.notifications.SmsSender;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Defaults that step aside for a bean of the same type declared anywhere else. Registered as an
 * auto-configuration (META-INF/spring/...AutoConfiguration.imports) because only there is
 * {@code @ConditionalOnMissingBean} evaluated after every application bean is known.
 */
@AutoConfiguration
public class NotificationDefaults {

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    LoggingSmsSender loggingSmsSender() {
        return new LoggingSmsSender();
    }
}
