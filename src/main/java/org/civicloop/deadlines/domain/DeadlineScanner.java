package org.civicloop.deadlines.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.DeadlineApproaching;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.shared.Batches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds running clocks past their due time and running clocks inside their warning window, marks
 * them and announces {@link DeadlineMissed} and {@link DeadlineApproaching}, in batches, each batch
 * in one transaction with its marks and audit rows. The mark is taken by the same statement that
 * finds the clock ({@code update … returning}, rows locked with {@code skip locked}), so each event
 * fires once per clock and due time even when two nodes scan at once. Misses go first: a clock found
 * already past due is marked as warned too, and gets no late warning.
 *
 * <p>The scheduler calls {@link #scan(Instant)} with the current time; tests call it with theirs.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DeadlineScanner {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScanner.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    /** Scans as of {@code now}; answers how many clocks were found approaching and missed. */
    public Result scan(Instant now) {
        int missed = drain("""
                update deadline_clock set missed_at = :now, warned_at = coalesce(warned_at, :now), version = version + 1
                where id in (select id from deadline_clock
                             where status = 'RUNNING' and missed_at is null and due_at < :now
                             order by due_at limit :batch for update skip locked)
                returning subject_type, subject_id, due_at""", now, DeadlineMissed::new);
        int approaching = drain("""
                update deadline_clock set warned_at = :now, version = version + 1
                where id in (select id from deadline_clock
                             where status = 'RUNNING' and warned_at is null and warn_at < :now
                             order by warn_at limit :batch for update skip locked)
                returning subject_type, subject_id, due_at""", now, DeadlineApproaching::new);
        if (missed + approaching > 0) {
            log.info("Deadline scan at {}: {} approaching, {} missed", now, approaching, missed);
        }
        return new Result(approaching, missed);
    }

    private int drain(String sql, Instant now, Factory factory) {
        return Batches.untilShort(BATCH, () -> {
            Integer batch = tx.execute(status -> {
                List<Object> marked = jdbc.sql(sql)
                        .param("now", Timestamp.from(now)).param("batch", BATCH)
                        .query((rs, n) -> factory.apply(rs.getString(1), rs.getString(2),
                                rs.getTimestamp(3).toInstant()))
                        .list();
                marked.forEach(events::publishEvent);
                return marked.size();
            });
            return batch == null ? 0 : batch;
        });
    }

    @FunctionalInterface
    private interface Factory {
        Object apply(String subjectType, String subjectId, Instant dueAt);
    }

    /** How many clocks one scan announced. */
    public record Result(int approaching, int missed) {
    }
}
