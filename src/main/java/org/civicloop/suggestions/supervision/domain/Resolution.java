package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionClosed;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionFollowUpReported;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionRecorded;

/**
 * A standing-committee resolution (决议) on registered suggestions and the follow-up it demands of
 * the units it names by a due day. The named units report (several times if they like) until the
 * office closes it. State changes are the named methods below; each checks the move against
 * {@link FollowUpStatus} and returns the event to publish. Nothing here reads a clock or a database.
 */
public class Resolution extends FollowUp<Resolution.Report> {

    private final String number;
    private final String title;
    private final LocalDate adoptedOn;
    private final String text;
    private final String followUp;
    private final LocalDate dueOn;
    private final Long leaderAccountId;
    private final List<Long> suggestionIds;
    private final List<Long> unitIds;
    private final Instant createdAt;
    private final String createdBy;

    /** A unit's follow-up report; its id is set once saved. */
    public static final class Report {
        private Long id;
        private final long unitId;
        private final String text;
        private final boolean late;
        private final Instant reportedAt;
        private final String reportedBy;

        Report(long unitId, String text, boolean late, Instant reportedAt, String reportedBy) {
            this.unitId = unitId;
            this.text = text;
            this.late = late;
            this.reportedAt = reportedAt;
            this.reportedBy = reportedBy;
        }

        void assignId(long id) { this.id = id; }
        public Long id() { return id; }
        public long unitId() { return unitId; }
        public String text() { return text; }
        public boolean late() { return late; }
        public Instant reportedAt() { return reportedAt; }
        public String reportedBy() { return reportedBy; }
    }

    Resolution(Long id, String number, String title, LocalDate adoptedOn, String text, String followUp, LocalDate dueOn,
               Long leaderAccountId, FollowUpStatus status, List<Long> suggestionIds, List<Long> unitIds, Instant createdAt,
               String createdBy, Instant closedAt, String closedBy, String closeNote) {
        super(id, status, closedAt, closedBy, closeNote);
        this.number = number;
        this.title = title;
        this.adoptedOn = adoptedOn;
        this.text = text;
        this.followUp = followUp;
        this.dueOn = dueOn;
        this.leaderAccountId = leaderAccountId;
        this.suggestionIds = List.copyOf(suggestionIds);
        this.unitIds = List.copyOf(unitIds);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** What the office types; lists may hold repeats and blanks (dropped), the leader is optional. */
    public record ResolutionDraft(String number, String title, LocalDate adoptedOn, String text, List<Long> suggestionIds,
                                  String followUp, LocalDate dueOn, List<Long> unitIds, Long leaderAccountId) {
    }

    /**
     * A new open resolution, checked in the order of the form. It may cover no suggestion (a matter the
     * people raised, proposed from a hot spot). Whether its suggestions are registered, its units (one at
     * least) handling units, its leader a leader and its number free is the caller's to check.
     */
    public static Resolution record(ResolutionDraft d, String by, Instant now) {
        String number = Texts.required(d.number(), 60);
        String title = Texts.required(d.title(), 200);
        LocalDate adopted = Texts.date(d.adoptedOn());
        String text = Texts.required(d.text(), 50000);
        String followUp = Texts.required(d.followUp(), 20000);
        LocalDate due = Texts.date(d.dueOn());
        if (!due.isAfter(adopted)) {
            throw BusinessException.invalid("supervision.error.dueBeforeAdopted");
        }
        // the suggestions it covers, if any: a matter the people raised (a hot spot) may have none yet
        return new Resolution(null, number, title, adopted, text, followUp, due, d.leaderAccountId(), FollowUpStatus.OPEN,
                distinct(d.suggestionIds()), distinct(d.unitIds()), now, by, null, null, null);
    }

    private static List<Long> distinct(List<Long> ids) {
        List<Long> list = new ArrayList<>(new LinkedHashSet<>(ids == null ? List.of() : ids));
        list.removeIf(Objects::isNull);
        return List.copyOf(list);
    }

    /** The event of a new resolution, once it has its id. */
    public ResolutionRecorded recorded() {
        return new ResolutionRecorded(id(), number, adoptedOn, dueOn, suggestionIds, unitIds, leaderAccountId);
    }

    /** Whether the resolution demands follow-up of this unit. */
    public boolean names(Long unitId) {
        return unitId != null && unitIds.contains(unitId);
    }

    /** A named unit reports on its follow-up; late when filed after the due day (in {@code zone}). */
    public Report reportFollowUp(long unitId, String report, String by, Instant now, ZoneId zone) {
        requireOpen();
        if (!names(unitId)) {
            throw BusinessException.conflict("supervision.error.notNamed");
        }
        String body = Texts.required(report, 20000);
        return file(new Report(unitId, body, now.atZone(zone).toLocalDate().isAfter(dueOn), now, by));
    }

    /** The event of a follow-up report, once saved: it names the report by its id. */
    public ResolutionFollowUpReported followUpReported(Report r) {
        return new ResolutionFollowUpReported(id(), r.id(), r.unitId(), r.late());
    }

    /** The office closes the follow-up, with an optional note. */
    public ResolutionClosed close(String note, String by, Instant now) {
        closeWith(note, by, now);
        return new ResolutionClosed(id());
    }

    public String number() { return number; }
    public String title() { return title; }
    public LocalDate adoptedOn() { return adoptedOn; }
    public String text() { return text; }
    public String followUp() { return followUp; }
    public LocalDate dueOn() { return dueOn; }
    public Long leaderAccountId() { return leaderAccountId; }
    public List<Long> suggestionIds() { return suggestionIds; }
    public List<Long> unitIds() { return unitIds; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
}
