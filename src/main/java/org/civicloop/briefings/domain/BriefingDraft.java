package org.civicloop.briefings.domain;

import java.time.LocalDateTime;
import java.util.Set;

/** What the office types for a briefing; times are local (civicloop.time-zone). Checked by {@link Briefing}. */
public record BriefingDraft(BriefingKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                            String organiser, Set<Long> deputyIds) {
}
