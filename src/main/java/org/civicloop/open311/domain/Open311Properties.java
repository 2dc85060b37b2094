package org.civicloop.open311.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.open311.*}.
 *
 * @param requestsPerHour      POSTs one partner's API key may make in an hour, unless the partner has its own limit
 * @param readsPerIpPerMinute  GETs (no API key needed) one address may make in a minute
 */
@ConfigurationProperties("civicloop.open311")
public record Open311Properties(@DefaultValue("600") int requestsPerHour,
                                @DefaultValue("120") int readsPerIpPerMinute) {
}
