package org.civicloop.records.domain;

import java.time.Duration;
import org.civicloop.shared.UnfinishedEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands {@link RecordEntries} again the events it has not finished with after {@code stuck-after}
 * ({@link UnfinishedEvents}): a line counts once however often its event comes.
 */
@Component
class RecordRetry {

    private final UnfinishedEvents unfinished;

    RecordRetry(IncompleteEventPublications incomplete, JdbcClient jdbc,
                @Value("${civicloop.records.stuck-after:5m}") Duration stuckAfter) {
        this.unfinished = new UnfinishedEvents(incomplete, jdbc, RecordEntries.class, stuckAfter);
    }

    @Scheduled(fixedDelayString = "${civicloop.records.retry-interval:1m}",
            initialDelayString = "${civicloop.records.retry-interval:1m}")
    void retry() {
        unfinished.resubmit();
    }
}
