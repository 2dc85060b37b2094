package org.civicloop.briefings;

import java.time.LocalDate;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens at briefings, in the past tense. Every one is audited; the duty records listen. */
public final class BriefingEvents {

    private BriefingEvents() {
    }

    /**
     * An invited deputy was recorded present at a briefing (by scanning its sign-in code in the window, or
     * entered by the office). {@code kind} is one of {@code BRIEFING, STATE_ORGAN_REPORT, TRAINING, OBSERVED_MEETING}.
     * Published once per deputy and briefing.
     */
    public record BriefingAttended(long briefingId, String kind, String title, LocalDate heldOn, long deputyId)
            implements AuditableEvent {
        public String subjectType() { return "briefing"; }
        public String subjectId() { return Long.toString(briefingId); }
        public String action() { return "briefing.attended"; }
        public Map<String, Object> after() {
            return Map.of("kind", kind, "heldOn", heldOn.toString(), "deputyId", deputyId);
        }
    }
}
