package org.civicloop.campaigns.domain;

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
 * Rate limits on the public voting pages per address, the way the opinion form does it
 * ({@code opinions.domain.SubmissionLimits}): token buckets in memory per node (at most 100,000
 * addresses, least recently used first out). SMS codes cost money and reach people, so they are the
 * tighter limit; the per-phone limits are in the database ({@link CampaignVoting}).
 */
@Component
public class VoteLimits {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> codesByIp = lru();
    private final Map<String, Bucket> votesByIp = lru();
    private final int codesPerIpPerHour;
    private final int votesPerIpPerHour;

    VoteLimits(@Value("${civicloop.campaigns.codes-per-ip-per-hour:20}") int codesPerIpPerHour,
               @Value("${civicloop.campaigns.votes-per-ip-per-hour:60}") int votesPerIpPerHour) {
        this.codesPerIpPerHour = codesPerIpPerHour;
        this.votesPerIpPerHour = votesPerIpPerHour;
    }

    public void checkCodeRequest(String ip) {
        take(codesByIp, ip, codesPerIpPerHour);
    }

    public void checkVote(String ip) {
        take(votesByIp, ip, votesPerIpPerHour);
    }

    private static void take(Map<String, Bucket> buckets, String key, int perHour) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key == null ? "-" : key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build()).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequests(RetryAfter.seconds(probe.getNanosToWaitForRefill()));
        }
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
