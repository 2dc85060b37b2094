package org.civicloop.legislation.comments;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What staff at a contact point enter after a meeting (座谈会), a visit (入户走访) or an information
 * collector's round (信息员): when, where, how many took part, the deputies among them, and each view
 * tied to its article ({@code articleId} null: on the draft as a whole).
 */
public record ConsultationEntry(long draftId, Long siteId, String channel, LocalDate heldOn, String place,
                                Integer participants, Set<Long> deputyIds, List<View> views) {

    public static final Set<String> CHANNELS = Set.of("MEETING", "VISIT", "COLLECTOR");

    /** One view as noted: its article (null for the draft as a whole) and the wording. */
    public record View(Long articleId, String body) {
    }
}
