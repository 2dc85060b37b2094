package org.civicloop.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One limit of the public forms and APIs, without any third-party service: a token bucket per key (a client
 * address, a phone number, a partner). The buckets live in memory on each node, at most 100,000 keys, least
 * recently used first out, so N nodes allow up to N times the limit: enough to keep floods out; a shared
 * bucket store would be the next step.
 */
public final class RateLimit {

    private static final int MAX_KEYS = 100_000;

    private final String messageKey;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    });

    /** A limit whose refusal says {@code messageKey} (the generic {@code error.429.detail} for most). */
    public RateLimit(String messageKey) {
        this.messageKey = messageKey;
    }

    public RateLimit() {
        this("error.429.detail");
    }

    /**
     * Takes one from the key's allowance of {@code capacity} per {@code period} (the bucket keeps the allowance it
     * was made with; a key that must follow a changed allowance names it); refuses with 429 and Retry-After once
     * it is used up.
     */
    public void take(String key, int capacity, Duration period) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key == null ? "-" : key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequests(messageKey, RetryAfter.seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /** 429 with a message in the user's language and, as {@code Retry-After}, when to try again. */
    public static final class TooManyRequests extends BusinessException implements RetryAfter {
        private final long retryAfterSeconds;

        TooManyRequests(String messageKey, long retryAfterSeconds) {
            super(429, messageKey);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
