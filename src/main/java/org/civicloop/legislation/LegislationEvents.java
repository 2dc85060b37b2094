package org.civicloop.legislation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to drafts put to the people, in the past tense. Every one is audited; the duty records listen. */
public final class LegislationEvents {

    private LegislationEvents() {
    }

    /**
     * A contact point gathered views on a draft in person: a meeting (座谈会), a door-to-door visit (入户走访)
     * or an information collector's round (信息员); {@code channel} is {@code MEETING, VISIT or COLLECTOR},
     * {@code deputyIds} the deputies who took part.
     */
    public record ConsultationHeld(long consultationId, long draftId, long siteId, String channel, LocalDate heldOn,
                                   int participants, List<Long> deputyIds) implements AuditableEvent {
        public String subjectType() { return "consultation"; }
        public String subjectId() { return Long.toString(consultationId); }
        public String action() { return "consultation.held"; }
        public Map<String, Object> after() {
            return Map.of("draftId", draftId, "siteId", siteId, "channel", channel, "heldOn", heldOn.toString(),
                    "participants", participants, "deputyIds", deputyIds);
        }
    }
}
