package org.civicloop.open311.domain;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.RetryAfter;
import org.springframework.stereotype.Component;

/**
 * Token buckets for the Open311 API, in memory on each node as in the opinions module: POSTs per
 * partner (its own hourly limit, else {@code civicloop.open311.requests-per-hour}) and GETs per
 * address. N nodes allow up to N times the limit, which is enough to keep floods out.
 */
@Component
public class Open311Limits {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> postsByPartner = lru();
    private final Map<String, Bucket> readsByIp = lru();
    private final Open311Properties properties;

    Open311Limits(Open311Properties properties) {
        this.properties = properties;
    }

    /** Refuses with 429 when the partner has used up its hour. */
    public void checkPost(Partners.Partner partner) {
        int perHour = partner.requestsPerHour() != null ? partner.requestsPerHour() : properties.requestsPerHour();
        // the limit is part of the key, so a partner recreated with another limit gets a fresh bucket
        take(postsByPartner, partner.id() + "/" + perHour, () -> bucket(perHour, Duration.ofHours(1)));
    }

    /** Refuses with 429 when the address has read too much this minute. */
    public void checkRead(String ip) {
        take(readsByIp, ip == null ? "-" : ip,
                () -> bucket(properties.readsPerIpPerMinute(), Duration.ofMinutes(1)));
    }

    private static void take(Map<String, Bucket> buckets, String key, Supplier<Bucket> create) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> create.get());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequests(RetryAfter.seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /** 429 in GeoReport's error format, with {@code Retry-After}. */
    public static final class TooManyRequests extends BusinessException implements RetryAfter {
        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super(429, "open311.error.tooManyRequests");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static Bucket bucket(int capacity, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_KEYS;
            }
        });
    }
}
