package org.civicloop.deadlines;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/**
 * What happens to clocks and to the calendar, in the past tense. Every one is audited under the
 * caller's subject (so an opinion's audit trail shows its deadline history). The warnings and
 * escalations other modules act on are {@link DeadlineApproaching} and {@link DeadlineMissed}.
 */
public final class DeadlineEvents {

    private DeadlineEvents() {
    }

    public record ClockStarted(String subjectType, String subjectId, String ruleKey, Instant startedAt, Instant dueAt)
            implements AuditableEvent {
        public String action() { return "deadline.started"; }
        public Map<String, Object> after() {
            return summary("ruleKey", ruleKey, "startedAt", startedAt, "dueAt", dueAt);
        }
    }

    public record ClockPaused(String subjectType, String subjectId, Instant pausedAt, Instant dueAt) implements AuditableEvent {
        public String action() { return "deadline.paused"; }
        public Map<String, Object> before() { return summary("status", ClockStatus.RUNNING); }
        public Map<String, Object> after() { return summary("status", ClockStatus.PAUSED, "pausedAt", pausedAt, "dueAt", dueAt); }
    }

    /** Resumed after {@code pausedWorkingDays} working days; the due time moved accordingly. */
    public record ClockResumed(String subjectType, String subjectId, int pausedWorkingDays, Instant dueBefore, Instant dueAt)
            implements AuditableEvent {
        public String action() { return "deadline.resumed"; }
        public Map<String, Object> before() { return summary("status", ClockStatus.PAUSED, "dueAt", dueBefore); }
        public Map<String, Object> after() {
            return summary("status", ClockStatus.RUNNING, "dueAt", dueAt, "pausedWorkingDays", pausedWorkingDays);
        }
    }

    public record ClockExtended(String subjectType, String subjectId, Instant dueBefore, Instant dueAt, int extensions)
            implements AuditableEvent {
        public String action() { return "deadline.extended"; }
        public Map<String, Object> before() { return summary("dueAt", dueBefore); }
        public Map<String, Object> after() { return summary("dueAt", dueAt, "extensions", extensions); }
    }

    /** The subject is done; {@code onTime} tells whether it was done by the due time. */
    public record ClockStopped(String subjectType, String subjectId, Instant stoppedAt, Instant dueAt, boolean onTime)
            implements AuditableEvent {
        public String action() { return "deadline.stopped"; }
        public Map<String, Object> after() {
            return summary("status", ClockStatus.STOPPED, "stoppedAt", stoppedAt, "dueAt", dueAt, "onTime", onTime);
        }
    }

    /** A fresh clock for a subject that had one; {@code round} counts the clocks it has had. */
    public record ClockRestarted(String subjectType, String subjectId, String ruleKey, Instant startedAt, Instant dueAt,
                                 Instant dueBefore, int round) implements AuditableEvent {
        public String action() { return "deadline.restarted"; }
        public Map<String, Object> before() { return summary("dueAt", dueBefore); }
        public Map<String, Object> after() {
            return summary("ruleKey", ruleKey, "startedAt", startedAt, "dueAt", dueAt, "round", round);
        }
    }

    /** An administrator imported calendar exceptions (holidays and make-up working days). */
    public record CalendarImported(List<Integer> years, int rows) implements AuditableEvent {
        public String subjectType() { return "calendar"; }
        public String subjectId() { return years.toString(); }
        public String action() { return "calendar.imported"; }
        public Map<String, Object> after() { return summary("years", years, "rows", rows); }
    }

    private static Map<String, Object> summary(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof Instant || value instanceof Enum<?> ? value.toString() : value);
        }
        return map;
    }
}
