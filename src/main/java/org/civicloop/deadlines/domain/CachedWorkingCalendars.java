package org.civicloop.deadlines.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.civicloop.deadlines.DayKind;
import org.civicloop.deadlines.DeadlineEvents.CalendarImported;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.deadlines.WorkingCalendars;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The calendar from the {@code calendar_exception} table, kept in memory: a few hundred rows read
 * again after {@code civicloop.deadlines.calendar-refresh}, and at once after a local import commits.
 */
@Component
class CachedWorkingCalendars implements WorkingCalendars {

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Duration maxAge;
    private volatile Loaded loaded;

    CachedWorkingCalendars(JdbcClient jdbc, @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone,
                           DeadlineProperties properties) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.maxAge = properties.calendarRefresh();
    }

    @Override
    public WorkingCalendar current() {
        Loaded current = loaded;
        if (current == null || current.at().plus(maxAge).isBefore(Instant.now())) {
            current = refresh();
        }
        return current.calendar();
    }

    @TransactionalEventListener
    void onImport(CalendarImported event) {
        refresh();
    }

    synchronized Loaded refresh() {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        jdbc.sql("select day, kind from calendar_exception")
                .query((rs, n) -> exceptions.put(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2))))
                .list();
        Loaded fresh = new Loaded(WorkingCalendar.of(zone, exceptions), Instant.now());
        loaded = fresh;
        return fresh;
    }

    record Loaded(WorkingCalendar calendar, Instant at) {
    }
}
