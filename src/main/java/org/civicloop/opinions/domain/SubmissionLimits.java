package org.civicloop.opinions.domain;

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
 * Rate limits for the public endpoints, without any third-party service: token buckets per IP
 * address and per phone number. Buckets live in memory on each node (at most 100,000 keys each,
 * least recently used first out), so N nodes allow up to N times the limit — acceptable for
 * keeping out floods; a shared bucket store would be the next step.
 */
@Component
public class SubmissionLimits {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> submissionsByIp = lru();
    private final Map<String, Bucket> submissionsByPhone = lru();
    private final Map<String, Bucket> lookupsByIp = lru();
    private final OpinionsProperties properties;

    SubmissionLimits(OpinionsProperties properties) {
        this.properties = properties;
    }

    public void checkSubmission(String ip, String phone) {
        take(submissionsByIp, ip, () -> bucket(properties.submissionsPerIpPerHour(), Duration.ofHours(1)));
        if (phone != null) {
            take(submissionsByPhone, phone, () -> bucket(properties.submissionsPerPhonePerDay(), Duration.ofDays(1)));
        }
    }

    public void checkLookup(String ip) {
        take(lookupsByIp, ip, () -> bucket(properties.lookupsPerIpPerMinute(), Duration.ofMinutes(1)));
    }

    private static void take(Map<String, Bucket> buckets, String key, Supplier<Bucket> create) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key == null ? "-" : key, k -> create.get());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequests(RetryAfter.seconds(probe.getNanosToWaitForRefill()));
        }
    }

    private static Bucket bucket(int capacity, Duration period) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_KEYS;
            }
        });
    }

    /** 429 with a message in the user's language and, as {@code Retry-After}, when to try again. */
    public static final class TooManyRequests extends BusinessException implements RetryAfter {
        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super(429, "error.429.detail");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
