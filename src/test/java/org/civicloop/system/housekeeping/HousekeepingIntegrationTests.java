package org.civicloop.system.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.civicloop.notifications.domain.NotificationLogRetention;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 14, item 4: old completed event publications and old notification log rows go; the rest stays. */
@IntegrationTest
class HousekeepingIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventPublicationPurge eventPublications;
    @Autowired
    NotificationLogRetention notificationLog;
    @Autowired
    HousekeepingProperties properties;

    @Test
    void completedPublicationsPastTheRetentionGoIncompleteOnesStay() {
        Instant now = Instant.now();
        Instant old = now.minus(properties.eventPublicationRetention()).minus(Duration.ofDays(1));
        UUID oldCompleted = publication(old, old);
        UUID recentCompleted = publication(now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)));
        UUID oldIncomplete = publication(old, null);

        int deleted = eventPublications.purgeCompletedBefore(now.minus(properties.eventPublicationRetention()));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(exists("event_publication", oldCompleted)).isFalse();
        assertThat(exists("event_publication", recentCompleted)).isTrue();
        assertThat(exists("event_publication", oldIncomplete)).isTrue();
        jdbc.sql("delete from event_publication where id in (:ids)").param("ids", java.util.List.of(recentCompleted, oldIncomplete)).update();
    }

    @Test
    void notificationLogRowsPastTheRetentionGo() {
        Instant now = Instant.now();
        Duration retention = Duration.ofDays(180);
        UUID old = logRow(now.minus(retention).minus(Duration.ofDays(1)));
        UUID recent = logRow(now.minus(Duration.ofDays(1)));

        notificationLog.purgeCreatedBefore(now.minus(retention));

        assertThat(jdbc.sql("select count(*) from notification_log where notification_id = :id").param("id", old).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from notification_log where notification_id = :id").param("id", recent).query(Long.class).single()).isOne();
    }

    @Test
    void theRetentionIsConfigured() {
        assertThat(properties.eventPublicationRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.notificationLogRetention()).isEqualTo(Duration.ofDays(180));
    }

    private UUID publication(Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status)
                        values (:id, 'housekeeping.test.listener', 'housekeeping.TestEvent', '{}', :published, :completed, :status)""")
                .param("id", id)
                .param("published", Timestamp.from(published))
                .param("completed", completed == null ? null : Timestamp.from(completed))
                .param("status", completed == null ? "FAILED" : "COMPLETED")
                .update();
        return id;
    }

    private UUID logRow(Instant created) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into notification_log (notification_id, channel, recipient, message_key, status, created_at)
                        values (:id, 'NONE', null, 'housekeeping.test', 'SKIPPED', :created)""")
                .param("id", id).param("created", Timestamp.from(created)).update();
        return id;
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single() > 0;
    }
}
