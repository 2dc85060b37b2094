package org.civicloop.briefings.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.briefings.domain.Briefing;
import org.civicloop.briefings.domain.BriefingDraft;
import org.civicloop.briefings.domain.BriefingKind;
import org.springframework.format.annotation.DateTimeFormat;

/** The briefing pages' forms. Nothing is preselected: the kind, the times and every deputy are the office's choice. */
final class BriefingForms {

    private BriefingForms() {
    }

    /** Lengths are checked by the briefing (TextRules), so that every problem shows at once. */
    record BriefingForm(BriefingKind kind, String title,
                        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime startsAt,
                        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime endsAt,
                        String place, String organiser, Set<Long> deputyIds) {
        static BriefingForm empty() {
            return new BriefingForm(null, "", null, null, "", "", new TreeSet<>());
        }

        static BriefingForm of(Briefing b, java.time.ZoneId zone) {
            Set<Long> ids = new TreeSet<>();
            b.invitations().forEach(i -> ids.add(i.deputyId()));
            return new BriefingForm(b.kind(), b.title(), b.startsAt().atZone(zone).toLocalDateTime(),
                    b.endsAt().atZone(zone).toLocalDateTime(), b.place(), b.organiser(), ids);
        }

        BriefingDraft draft() {
            return new BriefingDraft(kind, title, startsAt, endsAt, place, organiser, deputyIds);
        }
    }

    record LeaveForm(@Size(max = 500) String reason) {
        static LeaveForm empty() {
            return new LeaveForm("");
        }
    }
}
