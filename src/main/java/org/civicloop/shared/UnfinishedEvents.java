package org.civicloop.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Hands a module's asynchronous listeners ({@code @ApplicationModuleListener}) again the events they have not
 * finished with after {@code stuckAfter}: one whose work failed (the database away for a moment), and one
 * never handled or never finished because its node was stopped after the publishing transaction had
 * committed. Spring Modulith's event publication registry keeps them but resubmits nothing by itself here
 * (outstanding publications are not republished at start-up). Only the publications of the listener class
 * given are handed again, found by their listener id in the registry's table; each module calls this from a
 * scheduled method of its own. Several nodes may hand the same event again: the listeners must count an
 * event once however often it comes.
 */
public final class UnfinishedEvents {

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final String listeners;
    private final Duration stuckAfter;

    public UnfinishedEvents(IncompleteEventPublications incomplete, JdbcClient jdbc, Class<?> listener, Duration stuckAfter) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.listeners = listener.getName() + ".%";
        this.stuckAfter = stuckAfter;
    }

    /** Resubmits what has been unfinished for longer than {@code stuckAfter}; answers how many. */
    public int resubmit() {
        Set<UUID> stuck = new HashSet<>(jdbc.sql("""
                        select id from event_publication
                         where listener_id like :listeners and completion_date is null
                           and coalesce(last_resubmission_date, publication_date) < :cutoff""")
                .param("listeners", listeners).param("cutoff", Timestamp.from(Instant.now().minus(stuckAfter)))
                .query(UUID.class).list());
        if (!stuck.isEmpty()) {
            incomplete.resubmitIncompletePublications(p -> stuck.contains(p.getIdentifier()));
        }
        return stuck.size();
    }
}
