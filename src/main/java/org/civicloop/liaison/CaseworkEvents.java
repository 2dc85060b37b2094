package org.civicloop.liaison;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/**
 * The further moves of enterprise matters and disputes, beside the ones the network's figures count
 * ({@link LiaisonEvents}). No personal data: the audit keeps ids, dates and statuses, never a phone.
 */
public final class CaseworkEvents {

    private CaseworkEvents() {
    }

    /** The unit answered an enterprise matter (round 1, 2 … after reopenings). */
    public record EnterpriseMatterAnswered(long matterId, long siteId, long unitId, int round) implements AuditableEvent {
        public String subjectType() { return "enterpriseMatter"; }
        public String subjectId() { return Long.toString(matterId); }
        public String action() { return "enterpriseMatter.answered"; }
        public Map<String, Object> before() { return Map.of("status", "AT_UNIT"); }
        public Map<String, Object> after() {
            return Map.of("status", "ANSWERED", "siteId", siteId, "unitId", unitId, "round", round);
        }
    }

    /** The enterprise said the answer did not solve its problem: the matter goes back to the unit, on a fresh clock. */
    public record EnterpriseMatterReopened(long matterId, long siteId, long unitId, int round) implements AuditableEvent {
        public String subjectType() { return "enterpriseMatter"; }
        public String subjectId() { return Long.toString(matterId); }
        public String action() { return "enterpriseMatter.reopened"; }
        public Map<String, Object> before() { return Map.of("status", "ANSWERED"); }
        public Map<String, Object> after() {
            return Map.of("status", "AT_UNIT", "siteId", siteId, "unitId", unitId, "round", round);
        }
    }

    /** A dispute was taken up for mediation at a site. */
    public record DisputeOpened(long disputeId, long siteId, LocalDate openedOn, int parties, List<Long> deputyIds)
            implements AuditableEvent {
        public String subjectType() { return "dispute"; }
        public String subjectId() { return Long.toString(disputeId); }
        public String action() { return "dispute.opened"; }
        public Map<String, Object> after() {
            return Map.of("status", "MEDIATING", "siteId", siteId, "openedOn", openedOn.toString(), "parties", parties,
                    "deputyIds", deputyIds);
        }
    }

    /** A sitting of the mediation was recorded (调解记录). */
    public record DisputeSessionRecorded(long disputeId, long sessionId, LocalDate heldOn) implements AuditableEvent {
        public String subjectType() { return "dispute"; }
        public String subjectId() { return Long.toString(disputeId); }
        public String action() { return "dispute.sessionRecorded"; }
        public Map<String, Object> after() {
            return Map.of("sessionId", sessionId, "heldOn", heldOn.toString());
        }
    }
}
