package org.civicloop.liaison;

import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to liaison sites, in the past tense. Every one is audited. */
public final class LiaisonEvents {

    private LiaisonEvents() {
    }

    public record SiteCreated(long siteId, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "site"; }
        public String subjectId() { return Long.toString(siteId); }
        public String action() { return "site.created"; }
    }

    /** Details, resident deputies or the staff unit changed. */
    public record SiteUpdated(long siteId, Map<String, Object> before, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "site"; }
        public String subjectId() { return Long.toString(siteId); }
        public String action() { return "site.updated"; }
    }

    /** The office replaced a site's duty QR code: posters with the old code stop working. */
    public record SiteDutyTokenRegenerated(long siteId, String oldToken, String newToken) implements AuditableEvent {
        public String subjectType() { return "site"; }
        public String subjectId() { return Long.toString(siteId); }
        public String action() { return "site.dutyTokenRegenerated"; }
        public Map<String, Object> before() { return Map.of("dutyToken", oldToken); }
        public Map<String, Object> after() { return Map.of("dutyToken", newToken); }
    }
}
