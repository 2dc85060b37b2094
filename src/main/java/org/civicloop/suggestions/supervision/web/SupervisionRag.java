package org.civicloop.suggestions.supervision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.Rag;
import org.civicloop.suggestions.ledger.DueDates;
import org.civicloop.suggestions.supervision.domain.RagRule;
import org.civicloop.suggestions.supervision.domain.SupervisionProperties;
import org.civicloop.suggestions.supervision.domain.SupervisionQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The colour of a due date today, for templates: {@code ${@supervisionRag.of(date)}}. */
@Component("supervisionRag")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SupervisionRag {

    private final SupervisionProperties properties;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    public Rag of(LocalDate due) {
        return RagRule.of(due, LocalDate.now(zone), properties.warningDays());
    }

    /** A key suggestion's colour: its reply deadline and its next milestone, the worse of the two. */
    public Rag ofKey(SupervisionQueries.KeyRow k) {
        return RagRule.ofKeySuggestion(replyState(k), k.nextMilestone(), LocalDate.now(zone), properties.warningDays());
    }

    /** A key suggestion's reply deadline alone, shown beside its milestone when it is the late one. */
    public Rag ofReply(SupervisionQueries.KeyRow k) {
        return RagRule.ofReply(replyState(k));
    }

    /**
     * A supervised suggestion's state, the one its desk row, its supervision page and the supervision
     * box on its own page all show ({@code suggestions/supervision/state :: keyState}): the worse of its
     * next milestone and its unit's reply deadline, with the late reply named when it is the reason.
     */
    public record KeyState(Rag rag, Rag reply) {
        /** Whether the unit's reply is late or due soon, and so named beside the state. */
        public boolean replyLate() {
            return reply != Rag.GREEN;
        }
    }

    public KeyState stateOf(SupervisionQueries.KeyRow k) {
        return new KeyState(ofKey(k), ofReply(k));
    }

    /** A supervised suggestion's state by its next milestone alone: one no longer on the key list, whose reply clock is not watched. */
    public KeyState stateOf(LocalDate nextMilestone) {
        return new KeyState(of(nextMilestone), Rag.GREEN);
    }

    /** The reply deadline's state as every suggestion list reads it (OVERDUE, WARNING, …). */
    public String replyState(SupervisionQueries.KeyRow k) {
        return DueDates.state(k.replyDueAt(), k.replyWarnAt(), Instant.now());
    }
}
