package org.civicloop.suggestions.supervision.domain;

import java.time.LocalDate;

/** Red, yellow, green: overdue, due within the warning window, fine (or nothing due). */
public enum Rag {
    RED, YELLOW, GREEN;

    /** The colour of something due on {@code due} (inclusive: due today is not late), seen on {@code today}. */
    public static Rag of(LocalDate due, LocalDate today, int warningDays) {
        if (due == null) {
            return GREEN;
        }
        if (today.isAfter(due)) {
            return RED;
        }
        return due.isAfter(today.plusDays(warningDays)) ? GREEN : YELLOW;
    }

    /**
     * A key suggestion's colour, the same on the desk, on its page and on the leader's list: the
     * worse of its reply deadline (the clock's state: OVERDUE, WARNING, …) and its next milestone.
     */
    public static Rag ofKeySuggestion(String replyState, LocalDate nextMilestone, LocalDate today, int warningDays) {
        Rag reply = ofReply(replyState);
        Rag milestone = of(nextMilestone, today, warningDays);
        return reply.compareTo(milestone) < 0 ? reply : milestone;
    }

    /** The colour of a reply deadline's state as the suggestion lists read it (OVERDUE, WARNING, …). */
    public static Rag ofReply(String replyState) {
        return "OVERDUE".equals(replyState) ? RED : "WARNING".equals(replyState) ? YELLOW : GREEN;
    }

    /** The Bootstrap colour class of a badge. */
    public String badge() {
        return switch (this) {
            case RED -> "text-bg-danger";
            case YELLOW -> "text-bg-warning";
            case GREEN -> "text-bg-success";
        };
    }

    /** The Bootstrap colour class of a table row. */
    public String row() {
        return switch (this) {
            case RED -> "table-danger";
            case YELLOW -> "table-warning";
            case GREEN -> "";
        };
    }
}
