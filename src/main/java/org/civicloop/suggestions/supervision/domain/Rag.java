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
