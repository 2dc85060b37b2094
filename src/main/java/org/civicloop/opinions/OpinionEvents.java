package org.civicloop.opinions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/**
 * What happens to opinions and work orders, in the past tense. Every one is audited; none carries
 * the voter's name, phone or e-mail.
 */
public final class OpinionEvents {

    private OpinionEvents() {
    }

    /** Any change of an opinion's status, with the step that caused it. */
    public record OpinionChanged(long opinionId, String receiptCode, String step, String fromStatus, String toStatus,
                                 Map<String, Object> details) implements AuditableEvent {
        public String subjectType() { return "opinion"; }
        public String subjectId() { return Long.toString(opinionId); }
        public String action() { return "opinion." + step; }
        public Map<String, Object> before() {
            return fromStatus == null ? Map.of() : Map.of("status", fromStatus);
        }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>(details);
            after.put("status", toStatus);
            after.put("receiptCode", receiptCode);
            return after;
        }
    }

    /** Any change of a work order, with the step that caused it. */
    public record WorkOrderChanged(long workOrderId, long opinionId, long unitId, String step, String fromStatus,
                                   String toStatus, Map<String, Object> details) implements AuditableEvent {
        public String subjectType() { return "work-order"; }
        public String subjectId() { return Long.toString(workOrderId); }
        public String action() { return "workOrder." + step; }
        public Map<String, Object> before() {
            return fromStatus == null ? Map.of() : Map.of("status", fromStatus);
        }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>(details);
            after.put("status", toStatus);
            after.put("opinionId", opinionId);
            after.put("unitId", unitId);
            return after;
        }
    }
}
