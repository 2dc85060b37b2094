package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.PrivacyProperties;
import org.civicloop.opinions.domain.SourceAddressRetention;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The address an opinion was sent from is kept for {@code civicloop.privacy.ip-retention} (30 days)
 * and then cleared, idempotently; time is passed in.
 */
@IntegrationTest
class SourceAddressRetentionIntegrationTests {

    @Autowired
    OpinionService service;
    @Autowired
    SourceAddressRetention retention;
    @Autowired
    PrivacyProperties privacy;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void addressesAreKeptThirtyDaysThenClearedAndASecondRunClearsNothing() {
        assertThat(privacy.ipRetention()).isEqualTo(Duration.ofDays(30));
        OpinionFixtures f = new OpinionFixtures(service, users, jdbc);
        Instant now = Instant.now();
        Opinion old = f.submitted("青岩镇东街的路面坑洼不平已久");
        Opinion recent = f.submitted("青岩镇东街的路灯晚上不亮");
        submittedAt(old.id(), now.minus(Duration.ofDays(31)));
        submittedAt(recent.id(), now.minus(Duration.ofDays(29)));
        assertThat(ip(old.id())).isEqualTo("127.0.0.1");

        while (retention.clearExpired(now) > 0) {
            // other tests' opinions from long ago may be cleared too
        }
        assertThat(ip(old.id())).isNull();
        assertThat(ip(recent.id())).isEqualTo("127.0.0.1");
        assertThat(retention.clearExpired(now)).as("idempotent").isZero();

        // two days later the recent one has had its thirty days as well
        while (retention.clearExpired(now.plus(Duration.ofDays(2))) > 0) {
            // batches
        }
        assertThat(ip(recent.id())).isNull();
        assertThat(jdbc.sql("select content from opinion where id = :id").param("id", recent.id()).query(String.class).single())
                .as("only the address goes").isEqualTo("青岩镇东街的路灯晚上不亮");
    }

    private void submittedAt(long id, Instant at) {
        jdbc.sql("update opinion set submitted_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", id).update();
    }

    private String ip(long id) {
        return jdbc.sql("select source_ip from opinion where id = :id").param("id", id).query(String.class).optional().orElse(null);
    }
}
