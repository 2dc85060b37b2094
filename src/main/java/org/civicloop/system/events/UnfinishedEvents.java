package org.civicloop.system.events;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civicloop.shared.HandedAgainWhenUnfinished;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Hands the listeners of every class marked {@link HandedAgainWhenUnfinished} again the events they have not
 * finished with after {@code stuck-after}, found by their listener id in the publication registry's table
 * (the id is the listener method's name, so a class's name followed by a dot is its prefix). Listeners of
 * other classes are left alone: the notifications keep their own attempts.
 */
@Component
class UnfinishedEvents {

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Duration stuckAfter;
    private final ApplicationContext context;
    private volatile List<String> listeners;

    UnfinishedEvents(IncompleteEventPublications incomplete, JdbcClient jdbc, ApplicationContext context,
                     @Value("${civicloop.events.stuck-after:5m}") Duration stuckAfter) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.context = context;
        this.stuckAfter = stuckAfter;
    }

    /** The marked classes' listener id prefixes, looked up once the context is complete. */
    private List<String> listeners() {
        List<String> found = listeners;
        if (found == null) {
            found = Arrays.stream(context.getBeanNamesForAnnotation(HandedAgainWhenUnfinished.class))
                    .map(name -> ClassUtils.getUserClass(context.getType(name)).getName() + ".%").sorted().toList();
            listeners = found;
        }
        return found;
    }

    /** Resubmits what has been unfinished for longer than {@code stuck-after}; answers how many. */
    @Scheduled(fixedDelayString = "${civicloop.events.retry-interval:1m}",
            initialDelayString = "${civicloop.events.retry-interval:1m}")
    int resubmit() {
        List<String> listeners = listeners();
        if (listeners.isEmpty()) {
            return 0;
        }
        Set<UUID> stuck = new HashSet<>(jdbc.sql("""
                        select id from event_publication
                         where listener_id like any (:listeners) and completion_date is null
                           and coalesce(last_resubmission_date, publication_date) < :cutoff""")
                .param("listeners", listeners.toArray(String[]::new))
                .param("cutoff", Timestamp.from(Instant.now().minus(stuckAfter)))
                .query(UUID.class).list());
        if (!stuck.isEmpty()) {
            incomplete.resubmitIncompletePublications(p -> stuck.contains(p.getIdentifier()));
        }
        return stuck.size();
    }
}
