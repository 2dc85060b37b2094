package org.civicloop.opinions.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.privacy.*}: how long personal data kept only for abuse handling stays.
 *
 * @param ipRetention              how long the address an opinion was sent from is kept (the rate limits and
 *                                 abuse handling need it for days, not for ever); then it is cleared
 * @param ipRetentionCheckInterval how often addresses past their time are cleared
 */
@ConfigurationProperties("civicloop.privacy")
public record PrivacyProperties(@DefaultValue("30d") Duration ipRetention,
                                @DefaultValue("PT6H") Duration ipRetentionCheckInterval) {
}
