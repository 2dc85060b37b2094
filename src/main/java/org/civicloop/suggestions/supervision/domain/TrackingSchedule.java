package org.civicloop.suggestions.supervision.domain;

import java.time.LocalDate;

/**
 * The report schedule of a tracking item: the n-th report (from 1) is due {@code n * interval}
 * calendar months after the start, always counted from the start (so a start on 31 January every 3
 * months gives 30 April, then 31 July, not 30 July), whenever the previous report came in.
 */
public record TrackingSchedule(LocalDate startsOn, int intervalMonths) {

    public TrackingSchedule {
        if (startsOn == null || intervalMonths < 1) {
            throw new IllegalArgumentException("a schedule needs a start and a positive interval");
        }
    }

    public LocalDate dueOn(int period) {
        return startsOn.plusMonths((long) period * intervalMonths);
    }
}
