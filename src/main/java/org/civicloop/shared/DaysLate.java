package org.civicloop.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * How late an item is, as every page says it ("逾期 N 天"): calendar days from the due day to today in
 * the district's zone; a deadline at the end of Monday is 1 day late on Tuesday. At least 1 once
 * overdue, so an hour rule missed earlier the same day still reads 1.
 */
public final class DaysLate {

    private DaysLate() {
    }

    public static long of(Instant dueAt, Instant now, ZoneId zone) {
        return Math.max(1, ChronoUnit.DAYS.between(dueAt.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate()));
    }
}
