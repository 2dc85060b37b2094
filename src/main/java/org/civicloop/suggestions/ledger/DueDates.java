package org.civicloop.suggestions.ledger;

import java.time.Instant;
import java.time.ZoneId;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.shared.DaysLate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an item stands against its due date, the same way on every list: {@code OVERDUE} once the due
 * time has passed, {@code WARNING} inside the warning window of its deadline rule (the window's start
 * is copied from the clock to {@code suggestion_assignment.warn_at}), else {@code ON_TIME}; the
 * names are those of the deadlines module's {@code ClockState}, so a page that holds a clock passes
 * its state instead. Templates render it with {@code suggestions/ledger/due :: badge(dueAt, state)}.
 */
@Component("dueDates")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DueDates {

    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    private final WorkingCalendars calendars;

    /** The state at {@code now}, or null without a due time (nothing to show). */
    public static String state(Instant dueAt, Instant warnAt, Instant now) {
        if (dueAt == null) {
            return null;
        }
        if (now.isAfter(dueAt)) {
            return "OVERDUE";
        }
        return warnAt != null && now.isAfter(warnAt) ? "WARNING" : "ON_TIME";
    }

    public String state(Instant dueAt, Instant warnAt) {
        return state(dueAt, warnAt, Instant.now());
    }

    /** Calendar days late ("逾期 N 天"), as every page counts them ({@link DaysLate}). */
    public long overdueDays(Instant dueAt, Instant now) {
        return DaysLate.of(dueAt, now, zone);
    }

    /**
     * Working days left until the due day, today and the due day both counted, as the clock counts them
     * ({@link WorkingCalendar#workingDaysLeft}), so the ledger reads the same "剩余 N 个工作日" as the
     * suggestion's page and the unit's inbox. (It counted from tomorrow: one day fewer on every working day.)
     */
    public long daysLeft(Instant dueAt, Instant now) {
        WorkingCalendar calendar = calendars.current();
        return Math.max(0, calendar.workingDaysLeft(calendar.dateOf(now), calendar.dateOf(dueAt)));
    }
}
