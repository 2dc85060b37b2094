package org.civicloop.deadlines.domain;

/** What a rule counts in. */
public enum RuleUnit {
    /** Working days after the start day (12345 work orders, return requests, feedback slips). */
    WORKING_DAYS,
    /** Calendar months from the start day (代表建议: reply within 3 months of 交办). */
    CALENDAR_MONTHS,
    /** Clock hours (urgent items: 24 h, 2 h). */
    HOURS
}
