package org.civicloop.briefings.domain;

import java.util.Map;
import org.civicloop.shared.AuditSummary;
import org.civicloop.shared.AuditableEvent;

/**
 * A briefing's own moves besides {@link org.civicloop.briefings.BriefingEvents.BriefingAttended} (which
 * the duty records count): audited, listened to by nobody else.
 */
public final class BriefingChanges {

    private BriefingChanges() {
    }

    public record BriefingScheduled(long briefingId, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "briefing"; }
        public String subjectId() { return Long.toString(briefingId); }
        public String action() { return "briefing.scheduled"; }
    }

    public record BriefingRevised(long briefingId, Map<String, Object> before, Map<String, Object> after)
            implements AuditableEvent {
        public String subjectType() { return "briefing"; }
        public String subjectId() { return Long.toString(briefingId); }
        public String action() { return "briefing.revised"; }
    }

    public record LeaveRequested(long briefingId, long deputyId, String reason) implements AuditableEvent {
        public String subjectType() { return "briefing"; }
        public String subjectId() { return Long.toString(briefingId); }
        public String action() { return "briefing.leaveRequested"; }
        public Map<String, Object> after() { return AuditSummary.of("deputyId", deputyId, "reason", reason); }
    }

    public record LeaveDecided(long briefingId, long deputyId, boolean approved) implements AuditableEvent {
        public String subjectType() { return "briefing"; }
        public String subjectId() { return Long.toString(briefingId); }
        public String action() { return approved ? "briefing.leaveApproved" : "briefing.leaveDeclined"; }
        public Map<String, Object> before() { return Map.of("status", "LEAVE_REQUESTED"); }
        public Map<String, Object> after() { return Map.of("deputyId", deputyId, "status", approved ? "ON_LEAVE" : "INVITED"); }
    }

    public record MaterialAdded(long briefingId, long materialId, String fileName, long sizeBytes) implements AuditableEvent {
        public String subjectType() { return "briefing"; }
        public String subjectId() { return Long.toString(briefingId); }
        public String action() { return "briefing.materialAdded"; }
        public Map<String, Object> after() { return AuditSummary.of("materialId", materialId, "fileName", fileName, "size", sizeBytes); }
    }
}
