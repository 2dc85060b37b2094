package org.civicloop.deadlines.domain;

import java.time.Duration;
import java.time.Instant;
import org.civicloop.deadlines.WorkingCalendar;

/**
 * One time limit: {@code amount} of {@code unit}, with a warning {@code warnBefore} working days
 * (hours, for an hour rule) before the due time; no warning when {@code warnBefore} is 0.
 */
public record DeadlineRule(String key, RuleUnit unit, int amount, int warnBefore) {

    public DeadlineRule {
        if (amount <= 0) {
            throw new IllegalArgumentException("Deadline rule " + key + ": the amount must be positive");
        }
        if (warnBefore < 0) {
            throw new IllegalArgumentException("Deadline rule " + key + ": warn-before must not be negative");
        }
    }

    public static DeadlineRule workingDays(String key, int days, int warnBefore) {
        return new DeadlineRule(key, RuleUnit.WORKING_DAYS, days, warnBefore);
    }

    public static DeadlineRule calendarMonths(String key, int months, int warnBefore) {
        return new DeadlineRule(key, RuleUnit.CALENDAR_MONTHS, months, warnBefore);
    }

    public static DeadlineRule hours(String key, int hours, int warnBefore) {
        return new DeadlineRule(key, RuleUnit.HOURS, hours, warnBefore);
    }

    DeadlineRule withKey(String otherKey) {
        return new DeadlineRule(otherKey, unit, amount, warnBefore);
    }

    /** The due time of a clock started at {@code start}. */
    public Instant dueFrom(Instant start, WorkingCalendar calendar) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.plusWorkingDays(start, amount);
            case CALENDAR_MONTHS -> calendar.plusCalendarMonths(start, amount);
            case HOURS -> start.plus(Duration.ofHours(amount));
        };
    }

    /**
     * When the warning window of a clock due at {@code due} opens, or null for no warning. For day
     * rules: at the end of the {@code warnBefore}-th working day before the due day, so that the
     * window holds exactly {@code warnBefore} working days (warn 3 before a Thursday: from Tuesday on).
     */
    public Instant warnAt(Instant due, WorkingCalendar calendar) {
        return warnAt(unit, warnBefore, due, calendar);
    }

    static Instant warnAt(RuleUnit unit, int warnBefore, Instant due, WorkingCalendar calendar) {
        if (warnBefore == 0) {
            return null;
        }
        return unit == RuleUnit.HOURS
                ? due.minus(Duration.ofHours(warnBefore))
                : calendar.endOfDay(calendar.plusWorkingDays(calendar.dateOf(due), -warnBefore));
    }
}
