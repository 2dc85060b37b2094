package org.civicloop.deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Working days in one time zone: Monday to Friday, except the statutory holidays, plus the make-up
 * working days (调休) on weekends. Immutable and pure, so it can be tested without a database; the
 * current calendar, loaded from the table, comes from {@link WorkingCalendars#current()}.
 *
 * <p>Counting follows the way time limits are written: the day something starts does not count, a
 * limit of {@code n} working days ends at the end of the {@code n}-th working day after it, and a
 * limit in calendar months ends on the corresponding day of the last month (Civil Code arts. 201 to
 * 203). Years that have no exceptions loaded are plain Monday-to-Friday years.
 */
public final class WorkingCalendar {

    /** The last instant of a day that PostgreSQL can store exactly (it keeps microseconds). */
    private static final LocalTime END_OF_DAY = LocalTime.MAX.truncatedTo(ChronoUnit.MICROS);

    private final ZoneId zone;
    private final Map<LocalDate, DayKind> exceptions;

    private WorkingCalendar(ZoneId zone, Map<LocalDate, DayKind> exceptions) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.exceptions = Map.copyOf(exceptions);
    }

    public static WorkingCalendar of(ZoneId zone, Map<LocalDate, DayKind> exceptions) {
        return new WorkingCalendar(zone, exceptions);
    }

    /** Monday to Friday, no holidays: for tests and for years nobody has loaded yet. */
    public static WorkingCalendar weekdaysOnly(ZoneId zone) {
        return new WorkingCalendar(zone, Map.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The exception on that day, if there is one (null for an ordinary day). */
    public DayKind exceptionOn(LocalDate day) {
        return exceptions.get(day);
    }

    /**
     * The {@code n}-th working day after {@code start} (start itself never counts, whatever it is).
     * A negative {@code n} counts backwards: {@code -3} is the third working day before start.
     * {@code 0} is start itself.
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        LocalDate day = start;
        int step = n >= 0 ? 1 : -1;
        for (int left = Math.abs(n); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The deadline of {@code n} working days from an instant: the end of the {@code n}-th working
     * day after the day the instant falls on, in this calendar's zone.
     */
    public Instant plusWorkingDays(Instant start, int n) {
        return endOfDay(plusWorkingDays(dateOf(start), n));
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative, counted the same way
     * backwards, when {@code to} is before {@code from}. So
     * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n} for every day and every {@code n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * "剩 N 个工作日": the working days from the day {@code now} falls on to the day {@code dueAt} falls on, both
     * counted (a working due day itself is 1); what every page shows for a running deadline.
     */
    public int workingDaysLeft(LocalDate today, LocalDate dueDay) {
        return workingDaysBetween(today.minusDays(1), dueDay);
    }

    /** {@link #workingDaysBetween(LocalDate, LocalDate)} of the days the two instants fall on. */
    public int workingDaysBetween(Instant from, Instant to) {
        return workingDaysBetween(dateOf(from), dateOf(to));
    }

    /**
     * The last day of a limit of {@code months} calendar months from {@code start}: the corresponding
     * day of the last month, or that month's last day when it has no such day (Nov 30 + 3 months is
     * Feb 28, or 29); when that day is not a working day, the next working day (Civil Code art. 203:
     * a limit that ends on a day of rest ends on the day after the rest).
     */
    public LocalDate plusCalendarMonths(LocalDate start, int months) {
        LocalDate day = start.plusMonths(months);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The deadline of {@code months} calendar months from an instant: the end of that last day. */
    public Instant plusCalendarMonths(Instant start, int months) {
        return endOfDay(plusCalendarMonths(dateOf(start), months));
    }

    /** The last instant of a day in this calendar's zone (23:59:59.999999). */
    public Instant endOfDay(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /** The day an instant falls on in this calendar's zone. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
