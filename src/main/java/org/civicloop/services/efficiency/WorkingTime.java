package org.civicloop.services.efficiency;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.civicloop.deadlines.WorkingCalendar;

/**
 * How long something took, in working days of the working calendar, counting part-days.
 *
 * <p>The rule: each calendar day of the interval counts for the share of that day (its 24 hours, in
 * the calendar's zone) the interval covers, and only when the calendar says the day is a working day;
 * weekends, statutory holidays and the days of rest swapped for make-up days count nothing, a make-up
 * working day on a weekend counts. So from Thursday 15:00 to the following Monday 11:00, with Friday a
 * holiday, is 9/24 + 11/24 = 0.833 working days (and 92 hours).
 *
 * <p>Time spent waiting for the applicant's corrections is known only as a duration, not when it fell;
 * it is taken off in proportion: the working days of the interval times
 * {@code 1 − waited / (to − from)}. The hours are plain elapsed hours less the waiting.
 */
public final class WorkingTime {

    private WorkingTime() {
    }

    /** Working days between the two instants, part-days counted as their share of the day. */
    public static double workingDays(WorkingCalendar calendar, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        double days = 0;
        for (LocalDate day = calendar.dateOf(from); !day.isAfter(calendar.dateOf(to)); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant start = day.atStartOfDay(calendar.zone()).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
            Instant a = start.isBefore(from) ? from : start;
            Instant b = end.isAfter(to) ? to : end;
            if (b.isAfter(a)) {
                days += (double) Duration.between(a, b).toNanos() / Duration.between(start, end).toNanos();
            }
        }
        return days;
    }

    /** Working days between the instants less the applicant's waiting, taken off in proportion. */
    public static double workingDays(WorkingCalendar calendar, Instant from, Instant to, Duration waited) {
        double total = Duration.between(from, to).toNanos();
        if (total <= 0) {
            return 0;
        }
        double share = Math.max(0, 1 - waitedNanos(waited) / total);
        return workingDays(calendar, from, to) * share;
    }

    /** Elapsed hours between the instants less the applicant's waiting (never below zero). */
    public static double hours(Instant from, Instant to, Duration waited) {
        double nanos = Duration.between(from, to).toNanos() - waitedNanos(waited);
        return Math.max(0, nanos) / Duration.ofHours(1).toNanos();
    }

    private static double waitedNanos(Duration waited) {
        return waited == null || waited.isNegative() ? 0 : waited.toNanos();
    }
}
