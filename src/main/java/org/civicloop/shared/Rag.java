package org.civicloop.shared;

/**
 * Red, yellow, green (红黄绿): how a tracked thing stands against its deadlines — overdue, inside its
 * warning window, fine. Each area says by its own rule when a thing is which colour
 * ({@code suggestions.supervision.domain.RagRule}, {@code performance.work.domain.WorkRag}); the
 * colours and how a page shows them are the same everywhere.
 */
public enum Rag {
    RED, YELLOW, GREEN;

    /** The worse of two colours: red before yellow before green. */
    public Rag worse(Rag other) {
        return compareTo(other) <= 0 ? this : other;
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
