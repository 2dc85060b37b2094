package org.civicloop.deadlines.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduler as the application builds it, on the real {@code scheduled_tasks} table: the
 * recurring scan is registered at start-up and runs. (The shared test context keeps the scheduler
 * off, so this test starts and stops its own, with a fixed "now" for the scan.)
 */
@IntegrationTest
class DeadlineSchedulerIntegrationTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    DeadlineScanner scanner;
    @Autowired
    Deadlines deadlines;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRecurringScanIsScheduledAtStartAndMarksAMissedClock() throws InterruptedException {
        String type = "scheduled" + System.nanoTime();
        Instant received = ZonedDateTime.of(2026, 2, 13, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
        deadlines.start(type, "1", "opinion.default", "opinion.default", received); // due Thu 12 Mar 2026
        Clock now = Clock.fixed(Instant.parse("2026-03-20T01:00:00Z"), ZoneOffset.UTC);
        DeadlineProperties properties = new DeadlineProperties(Map.of(), Duration.ofSeconds(1), Duration.ofMinutes(5));
        Scheduler scheduler = DeadlineScheduling.build(dataSource,
                List.of(DeadlineScheduling.scanTask(scanner, properties, now)),
                new SchedulerProperties(true, Duration.ofMillis(200), 1, Duration.ofSeconds(5), Duration.ofSeconds(30)));
        scheduler.start();
        try {
            Instant giveUp = Instant.now().plusSeconds(30);
            while (missedAt(type) == null && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
            }
        } finally {
            scheduler.stop();
        }
        assertThat(missedAt(type)).isEqualTo(now.instant());
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = :name and last_success is not null")
                .param("name", DeadlineScheduling.SCAN_TASK).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anExecutionLeftPickedByANodeThatStoppedIsTakenUpAfterSixMissedHeartbeats() throws InterruptedException {
        // as the ledger's catch-up was left when its node stopped in the middle of it
        String name = "left-picked-" + System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        var task = com.github.kagkarlsson.scheduler.task.helper.Tasks
                .recurring(name, com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> ran.set(true));
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version)
                        values (:name, 'recurring', now() - interval '1 hour', true, 'a-stopped-node', now() - interval '2 seconds', 1)""")
                .param("name", name).update();
        Scheduler scheduler = DeadlineScheduling.build(dataSource, List.of(task),
                new SchedulerProperties(true, Duration.ofMillis(200), 1, Duration.ofSeconds(5), Duration.ofMillis(500)));
        scheduler.start();
        try {
            Instant giveUp = Instant.now().plusSeconds(30);
            while (!ran.get() && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
            }
        } finally {
            scheduler.stop();
        }
        assertThat(ran).as("revived and run within 30 s (six heartbeats of 0.5 s)").isTrue();
        jdbc.sql("delete from scheduled_tasks where task_name = :name").param("name", name).update();
    }

    private Instant missedAt(String type) {
        return jdbc.sql("select missed_at from deadline_clock where subject_type = :t")
                .param("t", type).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }
}
