package org.civicloop.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands voter notifications out again: those that failed (every {@code retry-interval}) and those
 * that were started but never finished, for instance because the node sending them was stopped
 * ({@code stuck-after}). Resubmitting a FAILED publication claims it in the database first, so one
 * node retries it; and {@link VoterNotificationHandler} never sends a channel twice anyway.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NotificationRetry {

    private final FailedEventPublications failed;
    private final IncompleteEventPublications incomplete;
    private final NotificationProperties properties;

    @Scheduled(fixedDelayString = "${civicloop.notifications.retry-interval:1m}",
            initialDelayString = "${civicloop.notifications.retry-interval:1m}")
    void retry() {
        resubmitFailed();
        resubmitStuck();
    }

    void resubmitFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ZERO).withFilter(NotificationRetry::ours));
    }

    void resubmitStuck() {
        Instant cutoff = Instant.now().minus(properties.stuckAfter());
        incomplete.resubmitIncompletePublications(p -> ours(p)
                && p.getStatus() != EventPublication.Status.FAILED && p.getStatus() != EventPublication.Status.COMPLETED
                && (p.getLastResubmissionDate() != null ? p.getLastResubmissionDate() : p.getPublicationDate()).isBefore(cutoff));
    }

    private static boolean ours(EventPublication publication) {
        try {
            return publication.getEvent() instanceof VoterNotificationRequested;
        } catch (RuntimeException e) {
            return false; // another module's event that no longer deserialises is not ours to judge
        }
    }
}
