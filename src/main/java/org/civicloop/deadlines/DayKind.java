package org.civicloop.deadlines;

/** How a calendar exception changes a day. Every other day follows the week: Monday to Friday work. */
public enum DayKind {
    /** A statutory holiday (法定节假日): not a working day, whatever the weekday. */
    HOLIDAY,
    /** A make-up working day (调休上班): a Saturday or Sunday that is a working day. */
    WORKDAY
}
