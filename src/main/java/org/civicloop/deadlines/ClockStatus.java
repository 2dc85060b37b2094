package org.civicloop.deadlines;

/** Where a clock is in its life. */
public enum ClockStatus {
    /** Counting down to its due time. */
    RUNNING,
    /** Suspended (挂起); resuming pushes the due time by the working days spent paused. */
    PAUSED,
    /** Done: the subject was finished, withdrawn or closed. A restart starts a fresh round. */
    STOPPED;

    /** The allowed transitions, in one place. */
    public boolean canTransitionTo(ClockStatus next) {
        return switch (this) {
            case RUNNING -> next == PAUSED || next == STOPPED;
            case PAUSED -> next == RUNNING || next == STOPPED;
            case STOPPED -> false;
        };
    }
}
