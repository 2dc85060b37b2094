package org.civicloop.deadlines;

import java.time.Instant;

/**
 * A clock as other modules and pages see it.
 *
 * @param subjectType     the caller's subject type, e.g. {@code opinion}
 * @param subjectId       the caller's subject id
 * @param ruleKey         the rule applied: the specific key asked for, or the fallback
 * @param status          running, paused or stopped
 * @param state           on time, warning or overdue (see {@link ClockState})
 * @param startedAt       when this round started
 * @param dueAt           the deadline: the last instant that is still on time
 * @param warnAt          when the warning window opens (null when the rule asks for no warning)
 * @param pausedAt        since when the clock is paused, or null
 * @param stoppedAt       when the clock was stopped, or null
 * @param workingDaysLeft working days from the reference day (today, the pause or the stop) to the
 *                        due day, both counted; negative when overdue (-1: one working day late)
 * @param extensions      how many times the deadline was extended in this round
 * @param round           1 for the first clock, 2 after the first restart, …
 */
public record ClockView(String subjectType, String subjectId, String ruleKey, ClockStatus status, ClockState state,
                        Instant startedAt, Instant dueAt, Instant warnAt, Instant pausedAt, Instant stoppedAt,
                        int workingDaysLeft, int extensions, int round) {

    public boolean overdue() {
        return state == ClockState.OVERDUE;
    }
}
