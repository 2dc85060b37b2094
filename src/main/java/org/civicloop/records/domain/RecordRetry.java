package org.civicloop.records.domain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands {@link RecordEntries} again the events it has not finished with after {@code stuck-after}: one whose
 * line failed (the database away for a moment), and one never handled or never finished because its node
 * was stopped after the publishing transaction had committed. Spring Modulith's event publication registry
 * keeps them, but resubmits nothing by itself here (outstanding publications are not republished at
 * start-up, and the notifications' retry hands out only its own). Only this module's publications are
 * handed again, found by their listener in the registry's table. Several nodes may hand the same event
 * again: a line counts once anyway.
 */
@Component
class RecordRetry {

    private static final String LISTENERS = RecordEntries.class.getName() + ".%";

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Duration stuckAfter;

    RecordRetry(IncompleteEventPublications incomplete, JdbcClient jdbc,
                @Value("${civicloop.records.stuck-after:5m}") Duration stuckAfter) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.stuckAfter = stuckAfter;
    }

    @Scheduled(fixedDelayString = "${civicloop.records.retry-interval:1m}",
            initialDelayString = "${civicloop.records.retry-interval:1m}")
    void retry() {
        Set<UUID> stuck = new HashSet<>(jdbc.sql("""
                        select id from event_publication
                         where listener_id like :listeners and completion_date is null
                           and coalesce(last_resubmission_date, publication_date) < :cutoff""")
                .param("listeners", LISTENERS).param("cutoff", Timestamp.from(Instant.now().minus(stuckAfter)))
                .query(UUID.class).list());
        if (!stuck.isEmpty()) {
            incomplete.resubmitIncompletePublications(p -> stuck.contains(p.getIdentifier()));
        }
    }
}
