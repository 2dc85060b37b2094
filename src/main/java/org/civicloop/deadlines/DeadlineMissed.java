package org.civicloop.deadlines;

import java.time.Instant;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/**
 * A running clock passed its due time: escalate (催办, 督办). Published once per clock and due time,
 * by the scan; a clock found already past due gets this event only, not a late warning.
 */
public record DeadlineMissed(String subjectType, String subjectId, Instant dueAt) implements AuditableEvent {

    public String action() {
        return "deadline.missed";
    }

    public Map<String, Object> after() {
        return Map.of("dueAt", dueAt.toString());
    }
}
