package org.civicloop.suggestions.domain;

import java.time.Instant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.shared.HandedAgainWhenUnfinished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When the lead deputy's evaluation clock ({@code suggestion.feedback}) runs out, the deadlines
 * module's scan announces it and the suggestion closes as deemed evaluated
 * ({@link SuggestionService#closeUnevaluated}), in its own transaction after the scan's. The cluster-safe
 * scheduler runs the scan, so this happens once however many nodes run.
 */
@HandedAgainWhenUnfinished
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UnevaluatedSuggestions {

    private final SuggestionService service;

    @ApplicationModuleListener
    void missed(DeadlineMissed event) {
        if (SuggestionClocks.FEEDBACK.equals(event.subjectType())) {
            Instant now = Instant.now();
            service.closeUnevaluated(Long.parseLong(event.subjectId()), now.isAfter(event.dueAt()) ? now : event.dueAt().plusMillis(1));
        }
    }
}
