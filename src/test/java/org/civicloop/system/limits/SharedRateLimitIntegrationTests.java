package org.civicloop.system.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.civicloop.shared.RateLimit;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, item 3: a limit's buckets are rows in PostgreSQL, so two instances of one limit (as on two nodes)
 * share one allowance; the limits of the application's beans are bound at start-up; expired rows are purged.
 */
@IntegrationTest
class SharedRateLimitIntegrationTests {

    @Autowired
    RateLimitBuckets buckets;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesOfOneLimitShareTheAllowance() {
        RateLimit nodeA = new RateLimit("error.429.detail");
        RateLimit nodeB = new RateLimit("error.429.detail");
        nodeA.bind(buckets, "Test.shared");
        nodeB.bind(buckets, "Test.shared");
        String key = UUID.randomUUID().toString();

        for (int i = 0; i < 3; i++) {
            (i % 2 == 0 ? nodeA : nodeB).take(key, 3, Duration.ofHours(1));
        }

        assertThatThrownBy(() -> nodeB.take(key, 3, Duration.ofHours(1)))
                .isInstanceOfSatisfying(RateLimit.TooManyRequests.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.429.detail");
                    // one token of 3 per hour comes back after 20 minutes
                    assertThat(e.retryAfterSeconds()).isBetween(1100L, 1200L);
                });
        // another key, another limit: their own allowances
        nodeA.take(UUID.randomUUID().toString(), 3, Duration.ofHours(1));
        RateLimit other = new RateLimit();
        other.bind(buckets, "Test.other");
        other.take(key, 3, Duration.ofHours(1));
    }

    @Autowired
    org.civicloop.opinions.domain.SubmissionLimits submissionLimits;

    @Test
    void theApplicationsLimitsAreBoundToTheDatabaseAsBeanDotField() {
        String address = "198.51.100." + UUID.randomUUID().toString().substring(0, 8);

        submissionLimits.checkLookup(address);

        assertThat(jdbc.sql("select limit_name from rate_limit_bucket where bucket_key = :k").param("k", address)
                .query(String.class).list()).containsExactly("SubmissionLimits.lookupsByIp");
    }

    @Test
    void expiredBucketsArePurged() {
        RateLimit limit = new RateLimit();
        limit.bind(buckets, "Test.purge");
        String key = UUID.randomUUID().toString();
        limit.take(key, 5, Duration.ofMinutes(1));

        buckets.purgeExpired(Instant.now());
        assertThat(count(key)).isOne();
        buckets.purgeExpired(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(count(key)).isZero();
    }

    private long count(String key) {
        return jdbc.sql("select count(*) from rate_limit_bucket where bucket_key = :k").param("k", key).query(Long.class).single();
    }
}
