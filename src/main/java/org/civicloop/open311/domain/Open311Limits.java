package org.civicloop.open311.domain;

import java.time.Duration;
import org.civicloop.shared.RateLimit;
import org.springframework.stereotype.Component;

/**
 * Token buckets for the Open311 API, in memory on each node as in the opinions module: POSTs per
 * partner (its own hourly limit, else {@code civicloop.open311.requests-per-hour}) and GETs per
 * address. N nodes allow up to N times the limit, which is enough to keep floods out.
 */
@Component
public class Open311Limits {

    private final RateLimit postsByPartner = new RateLimit("open311.error.tooManyRequests");
    private final RateLimit readsByIp = new RateLimit("open311.error.tooManyRequests");
    private final Open311Properties properties;

    Open311Limits(Open311Properties properties) {
        this.properties = properties;
    }

    /** Refuses with 429 when the partner has used up its hour. */
    public void checkPost(Partners.Partner partner) {
        int perHour = partner.requestsPerHour() != null ? partner.requestsPerHour() : properties.requestsPerHour();
        // the limit is part of the key, so a partner recreated with another limit gets a fresh bucket
        postsByPartner.take(partner.id() + "/" + perHour, perHour, Duration.ofHours(1));
    }

    /** Refuses with 429 when the address has read too much this minute. */
    public void checkRead(String ip) {
        readsByIp.take(ip, properties.readsPerIpPerMinute(), Duration.ofMinutes(1));
    }
}
