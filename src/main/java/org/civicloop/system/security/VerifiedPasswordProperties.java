package org.civicloop.system.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.security.verified-passwords.*}: how long a password found to match its stored hash
 * is taken as matching without BCrypt again ({@link VerifiedPasswords}; {@code 0} turns this off), and
 * for how many accounts at most.
 */
@ConfigurationProperties("civicloop.security.verified-passwords")
public record VerifiedPasswordProperties(@DefaultValue("5m") Duration remembered,
                                         @DefaultValue("10000") long maximumEntries) {
}
