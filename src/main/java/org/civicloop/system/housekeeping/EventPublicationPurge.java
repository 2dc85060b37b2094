package org.civicloop.system.housekeeping;

import java.time.Instant;
import org.civicloop.shared.BatchedPurge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 14, item 4: Spring Modulith keeps every completed event publication; under load that is one row per
 * event and listener, for ever. Completed ones older than the retention go, a batch per transaction;
 * incomplete ones (no completion date: still to run, or failed and waiting for a retry) always stay.
 */
@Component
public class EventPublicationPurge {

    private final JdbcClient jdbc;

    EventPublicationPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes completed publications finished before {@code cutoff}; returns how many. */
    public int purgeCompletedBefore(Instant cutoff) {
        return BatchedPurge.run(jdbc, """
                            delete from event_publication where id in (
                                select id from event_publication
                                where completion_date is not null and completion_date < :cutoff
                                limit :batch)""", cutoff);
    }
}
