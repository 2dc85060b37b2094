package org.civicloop.organization.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.security.*}: how many wrong passwords lock an account, for how long, and how
 * long a password must be.
 */
@ConfigurationProperties("civicloop.security")
public record SecurityProperties(@DefaultValue("5") int maxFailedLogins,
                                 @DefaultValue("30m") Duration lockDuration,
                                 @DefaultValue("8") int minPasswordLength) {
}
