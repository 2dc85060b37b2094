package org.civicloop.liaison.receptions;

import java.util.Map;
import org.civicloop.shared.AuditSummary;
import org.civicloop.shared.AuditableEvent;

/**
 * A reception's own moves besides {@link org.civicloop.liaison.LiaisonEvents.ReceptionHeld} (which other
 * modules count): audited, listened to by nobody else.
 */
public final class ReceptionEvents {

    private ReceptionEvents() {
    }

    public record ReceptionPlanned(long receptionId, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "reception"; }
        public String subjectId() { return Long.toString(receptionId); }
        public String action() { return "reception.planned"; }
    }

    public record ReceptionCancelled(long receptionId, long siteId, String reason) implements AuditableEvent {
        public String subjectType() { return "reception"; }
        public String subjectId() { return Long.toString(receptionId); }
        public String action() { return "reception.cancelled"; }
        public Map<String, Object> before() { return Map.of("status", "PLANNED"); }
        public Map<String, Object> after() { return AuditSummary.of("status", "CANCELLED", "siteId", siteId, "reason", reason); }
    }

    /** The office or station staff changed a site's fixed reception days or its duty roster. */
    public record ReceptionScheduleChanged(long siteId, Map<String, Object> before, Map<String, Object> after)
            implements AuditableEvent {
        public String subjectType() { return "site"; }
        public String subjectId() { return Long.toString(siteId); }
        public String action() { return "site.receptionScheduleChanged"; }
    }
}
