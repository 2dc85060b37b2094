package org.civicloop.liaison.figures;

import java.time.Duration;
import org.civicloop.shared.UnfinishedEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands {@link SiteFacts} again the events it has not finished with after {@code stuck-after}
 * ({@link UnfinishedEvents}): a fact is keyed by what happened, so it counts once however often it comes.
 */
@Component
class SiteFactsRetry {

    private final UnfinishedEvents unfinished;

    SiteFactsRetry(IncompleteEventPublications incomplete, JdbcClient jdbc,
                   @Value("${civicloop.records.stuck-after:5m}") Duration stuckAfter) {
        this.unfinished = new UnfinishedEvents(incomplete, jdbc, SiteFacts.class, stuckAfter);
    }

    @Scheduled(fixedDelayString = "${civicloop.records.retry-interval:1m}",
            initialDelayString = "${civicloop.records.retry-interval:1m}")
    void retry() {
        unfinished.resubmit();
    }
}
