package org.civicloop.suggestions.supervision.domain;

import java.time.LocalDate;
import org.civicloop.shared.Rag;

/** The supervision desk's rule for red, yellow, green: overdue, due within the warning window, fine (or nothing due). */
public final class RagRule {

    private RagRule() {
    }

    /** The colour of something due on {@code due} (inclusive: due today is not late), seen on {@code today}. */
    public static Rag of(LocalDate due, LocalDate today, int warningDays) {
        if (due == null) {
            return Rag.GREEN;
        }
        if (today.isAfter(due)) {
            return Rag.RED;
        }
        return due.isAfter(today.plusDays(warningDays)) ? Rag.GREEN : Rag.YELLOW;
    }

    /**
     * A key suggestion's colour, the same on the desk, on its page and on the leader's list: the
     * worse of its reply deadline (the clock's state: OVERDUE, WARNING, …) and its next milestone.
     */
    public static Rag ofKeySuggestion(String replyState, LocalDate nextMilestone, LocalDate today, int warningDays) {
        Rag reply = ofReply(replyState);
        Rag milestone = of(nextMilestone, today, warningDays);
        return reply.worse(milestone);
    }

    /** The colour of a reply deadline's state as the suggestion lists read it (OVERDUE, WARNING, …). */
    public static Rag ofReply(String replyState) {
        return "OVERDUE".equals(replyState) ? Rag.RED : "WARNING".equals(replyState) ? Rag.YELLOW : Rag.GREEN;
    }
}
