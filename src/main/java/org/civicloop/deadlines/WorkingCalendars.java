package org.civicloop.deadlines;

/**
 * The calendar in force, loaded from the {@code calendar_exception} table and kept in memory; an
 * import replaces it at once on the importing node and within {@code civicloop.deadlines.calendar-refresh}
 * on the others.
 */
public interface WorkingCalendars {

    WorkingCalendar current();
}
