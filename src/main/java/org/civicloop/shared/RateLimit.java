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
 * address, a phone number, a partner). In the application every limit held in a bean's field is bound at
 * start-up to a {@link Store} in PostgreSQL under the name {@code Bean.field} (issue 14: N nodes allow the
 * limit once, not N times). An unbound limit (a plain unit test) keeps its buckets in memory, at most
 * 100,000 keys, least recently used first out.
 */
public final class RateLimit {

    private static final int MAX_KEYS = 100_000;

    private final String messageKey;
    private volatile Store store;
    private volatile String name;
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
        Store shared = store;
        if (shared != null) {
            long nanosToWait = shared.take(name, key == null ? "-" : key, capacity, period);
            if (nanosToWait > 0) {
                throw new TooManyRequests(messageKey, RetryAfter.seconds(nanosToWait));
            }
            return;
        }
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

    /**
     * Keeps this limit's buckets in {@code store} under {@code name} from now on (done once, at start-up, by the
     * application's binder for every limit in a bean's field).
     */
    public void bind(Store store, String name) {
        this.name = name;
        this.store = store;
    }

    /** Where bound limits keep their buckets: shared by every node. */
    public interface Store {

        /**
         * Takes one from the bucket {@code key} of the limit {@code limit} (a greedy refill of {@code capacity}
         * per {@code period}); 0 when taken, else the nanoseconds until one is there again.
         */
        long take(String limit, String key, int capacity, Duration period);
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
