package org.civicloop.deadlines;

/**
 * How a clock looks to a reader: computed from now for a running clock, from the moment it was
 * paused for a paused one and from the moment it stopped for a stopped one (so a finished item
 * keeps showing whether it was finished on time: ON_TIME or OVERDUE, never WARNING).
 */
public enum ClockState {
    ON_TIME,
    /** Inside the warning window of its rule (e.g. the last 3 working days). */
    WARNING,
    /** Past its due time. */
    OVERDUE
}
