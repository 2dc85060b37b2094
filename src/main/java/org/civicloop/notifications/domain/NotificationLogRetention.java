package org.civicloop.notifications.domain;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.civicloop.shared.BatchedPurge;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, item 4: rows of the notification log older than {@code civicloop.housekeeping.notification-log-retention}
 * (180 days by default) are deleted, a batch per transaction, on one node at a time (db-scheduler). A failed row
 * that old is past any retry (the retry runs on incomplete event publications, not on this log).
 */
@Configuration(proxyBeanMethods = false)
public class NotificationLogRetention {

    private final JdbcClient jdbc;

    NotificationLogRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes log rows created before {@code cutoff}; returns how many. */
    public int purgeCreatedBefore(Instant cutoff) {
        return BatchedPurge.run(jdbc, """
                            delete from notification_log where id in (
                                select id from notification_log where created_at < :cutoff limit :batch)""", cutoff);
    }

    @Bean
    RecurringTask<Void> notificationLogPurgeTask(@Value("${civicloop.housekeeping.notification-log-retention:180d}") Duration retention,
                                                 @Value("${civicloop.housekeeping.interval:1h}") Duration interval) {
        return Tasks.recurring("housekeeping-notification-log", FixedDelay.of(interval))
                .execute((instance, context) -> purgeCreatedBefore(Instant.now().minus(retention)));
    }
}
