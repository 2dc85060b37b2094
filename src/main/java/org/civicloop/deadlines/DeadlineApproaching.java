package org.civicloop.deadlines;

import java.time.Instant;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/**
 * A running clock entered the warning window of its rule: remind whoever handles the subject.
 * Published once per clock and due time, by the scan.
 */
public record DeadlineApproaching(String subjectType, String subjectId, Instant dueAt) implements AuditableEvent {

    public String action() {
        return "deadline.approaching";
    }

    public Map<String, Object> after() {
        return Map.of("dueAt", dueAt.toString());
    }
}
