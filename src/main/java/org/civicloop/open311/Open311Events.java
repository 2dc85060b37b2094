package org.civicloop.open311;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to Open311 partner systems, in the past tense. Every one is audited; no key or hash ever is. */
public final class Open311Events {

    private Open311Events() {
    }

    public record PartnerCreated(long partnerId, String name, Integer requestsPerHour) implements AuditableEvent {
        public String subjectType() { return "open311Partner"; }
        public String subjectId() { return Long.toString(partnerId); }
        public String action() { return "partner.created"; }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("name", name);
            after.put("active", true);
            after.put("requestsPerHour", requestsPerHour);
            return after;
        }
    }

    public record PartnerDeactivated(long partnerId, String name) implements AuditableEvent {
        public String subjectType() { return "open311Partner"; }
        public String subjectId() { return Long.toString(partnerId); }
        public String action() { return "partner.deactivated"; }
        public Map<String, Object> before() { return Map.of("name", name, "active", true); }
        public Map<String, Object> after() { return Map.of("name", name, "active", false); }
    }
}
