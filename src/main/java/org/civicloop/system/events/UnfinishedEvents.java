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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * other classes are left alone: the notifications keep their own attempts. An event that has failed
 * {@code max-attempts} times (a listener that fails on it every time) is left where it is and counted in a warning.
 */
@Component
class UnfinishedEvents {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedEvents.class);

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Duration stuckAfter;
    private final int maxAttempts;
    private final ApplicationContext context;
    private volatile List<String> listeners;

    UnfinishedEvents(IncompleteEventPublications incomplete, JdbcClient jdbc, ApplicationContext context,
                     @Value("${civicloop.events.stuck-after:5m}") Duration stuckAfter,
                     @Value("${civicloop.events.max-attempts:10}") int maxAttempts) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.context = context;
        this.stuckAfter = stuckAfter;
        this.maxAttempts = maxAttempts;
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
                           and coalesce(last_resubmission_date, publication_date) < :cutoff
                           and coalesce(completion_attempts, 0) < :maxAttempts""")
                .param("listeners", listeners.toArray(String[]::new))
                .param("cutoff", Timestamp.from(Instant.now().minus(stuckAfter)))
                .param("maxAttempts", maxAttempts)
                .query(UUID.class).list());
        long givenUp = jdbc.sql("""
                        select count(*) from event_publication
                         where listener_id like any (:listeners) and completion_date is null
                           and completion_attempts >= :maxAttempts""")
                .param("listeners", listeners.toArray(String[]::new)).param("maxAttempts", maxAttempts)
                .query(Long.class).single();
        if (givenUp > 0) {
            log.warn("{} events failed {} times and are no longer handed again: see event_publication "
                    + "(completion_date is null, completion_attempts >= {})", givenUp, maxAttempts, maxAttempts);
        }
        if (!stuck.isEmpty()) {
            incomplete.resubmitIncompletePublications(p -> stuck.contains(p.getIdentifier()));
        }
        return stuck.size();
    }
}
