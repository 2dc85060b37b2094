package org.civicloop.notifications.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code civicloop.notifications.*}: how voter notifications are sent and retried.
 *
 * @param mailFrom      the From address of e-mails (the SMTP server itself is {@code spring.mail.*})
 * @param retryInterval how often failed notifications are tried again
 * @param maxAttempts   attempts per channel before a notification is given up (stays FAILED)
 * @param stuckAfter    a notification neither completed nor failed after this long (its node died
 *                      while sending, say) is handed out again
 */
@ConfigurationProperties("civicloop.notifications")
public record NotificationProperties(String mailFrom, Duration retryInterval, Integer maxAttempts, Duration stuckAfter) {

    public NotificationProperties {
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "civicloop@localhost" : mailFrom;
        retryInterval = retryInterval == null ? Duration.ofMinutes(1) : retryInterval;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 5 : maxAttempts;
        stuckAfter = stuckAfter == null ? Duration.ofMinutes(5) : stuckAfter;
    }
}
