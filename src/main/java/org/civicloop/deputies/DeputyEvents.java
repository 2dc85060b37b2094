package org.civicloop.deputies;

import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to the roster, in the past tense. Every one is audited; phone numbers appear masked. */
public final class DeputyEvents {

    private DeputyEvents() {
    }

    public record DeputyCreated(long deputyId, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "deputy"; }
        public String subjectId() { return Long.toString(deputyId); }
        public String action() { return "deputy.created"; }
    }

    public record DeputyUpdated(long deputyId, Map<String, Object> before, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "deputy"; }
        public String subjectId() { return Long.toString(deputyId); }
        public String action() { return "deputy.updated"; }
    }

    /** The office replaced a deputy's duty QR code: posters with the old code stop working. */
    public record DeputyDutyTokenRegenerated(long deputyId, String oldToken, String newToken) implements AuditableEvent {
        public String subjectType() { return "deputy"; }
        public String subjectId() { return Long.toString(deputyId); }
        public String action() { return "deputy.dutyTokenRegenerated"; }
        public Map<String, Object> before() { return Map.of("dutyToken", oldToken); }
        public Map<String, Object> after() { return Map.of("dutyToken", newToken); }
    }
}
