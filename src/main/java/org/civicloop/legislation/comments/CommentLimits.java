package org.civicloop.legislation.comments;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.RetryAfter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many public comments one address may leave in an hour ({@code civicloop.legislation.comments-per-address-per-hour},
 * 20 by default): token buckets in memory, as the public opinion form keeps them (at most 100,000 addresses, least
 * recently used first out).
 */
@Component
public class CommentLimits {

    private static final int MAX_KEYS = 100_000;

    private final int perHour;
    private final Map<String, Bucket> byAddress = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    });

    CommentLimits(@Value("${civicloop.legislation.comments-per-address-per-hour:20}") int perHour) {
        this.perHour = perHour;
    }

    /** Takes one comment from the address's allowance; 429 with {@code Retry-After} when it is used up. */
    public void take(String address) {
        Bucket bucket;
        synchronized (byAddress) {
            bucket = byAddress.computeIfAbsent(address == null ? "-" : address, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build()).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyComments(RetryAfter.seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /** 429 with a message in the user's language and, as {@code Retry-After}, when to try again. */
    public static final class TooManyComments extends BusinessException implements RetryAfter {
        private final long retryAfterSeconds;

        TooManyComments(long retryAfterSeconds) {
            super(429, "error.429.detail");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
