package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingClosed;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingReportFiled;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingStarted;

/**
 * One tracking item (跟踪督办) of a closed suggestion: a responsible unit files one report per period,
 * each due on the day {@link TrackingSchedule} gives, until the office closes it. State changes are
 * the named methods below; each checks the move against {@link FollowUpStatus} and returns the event
 * to publish. Nothing here reads a clock or a database.
 */
public class TrackingItem {

    private Long id;
    private final long suggestionId;
    private final long unitId;
    private final Long leaderAccountId;
    private final int intervalMonths;
    private final LocalDate startsOn;
    private int reportsMade;
    private LocalDate nextDueOn;
    private FollowUpStatus status;
    private final String note;
    private final Instant openedAt;
    private final String openedBy;
    private Instant closedAt;
    private String closedBy;
    private String closeNote;
    private final List<Report> newReports = new ArrayList<>();

    /** A period's report, as filed. */
    public record Report(int period, LocalDate dueOn, String text, boolean late, Instant reportedAt, String reportedBy) {
    }

    TrackingItem(Long id, long suggestionId, long unitId, Long leaderAccountId, int intervalMonths, LocalDate startsOn,
                 int reportsMade, LocalDate nextDueOn, FollowUpStatus status, String note, Instant openedAt, String openedBy,
                 Instant closedAt, String closedBy, String closeNote) {
        this.id = id;
        this.suggestionId = suggestionId;
        this.unitId = unitId;
        this.leaderAccountId = leaderAccountId;
        this.intervalMonths = intervalMonths;
        this.startsOn = startsOn;
        this.reportsMade = reportsMade;
        this.nextDueOn = nextDueOn;
        this.status = status;
        this.note = note;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.closeNote = closeNote;
    }

    /**
     * A new open item, its first report due one interval after the start. The interval is 1 to 24
     * months; the note is optional. Whether the suggestion is closed and the unit may be named is the
     * caller's to check (they are other modules' data).
     */
    public static TrackingItem start(long suggestionId, long unitId, Integer intervalMonths, LocalDate startsOn,
                                     Long leaderAccountId, String note, String by, Instant now) {
        if (intervalMonths == null || intervalMonths < 1 || intervalMonths > 24) {
            throw BusinessException.invalid("supervision.error.interval", 1, 24);
        }
        LocalDate starts = Texts.date(startsOn);
        String text = Texts.optional(note, 2000);
        LocalDate firstDue = new TrackingSchedule(starts, intervalMonths).dueOn(1);
        return new TrackingItem(null, suggestionId, unitId, leaderAccountId, intervalMonths, starts, 0, firstDue,
                FollowUpStatus.OPEN, text, now, by, null, null, null);
    }

    /** The event of a new item, once it has its id. */
    public TrackingStarted started() {
        return new TrackingStarted(suggestionId, id(), unitId, intervalMonths, startsOn, nextDueOn, leaderAccountId);
    }

    /** The unit's report for the next period; late when filed after that period's due day (in {@code zone}). */
    public TrackingReportFiled fileReport(String report, String by, Instant now, ZoneId zone) {
        requireOpen();
        String text = Texts.required(report, 20000);
        TrackingSchedule schedule = new TrackingSchedule(startsOn, intervalMonths);
        int period = reportsMade + 1;
        LocalDate due = schedule.dueOn(period);
        boolean late = now.atZone(zone).toLocalDate().isAfter(due);
        newReports.add(new Report(period, due, text, late, now, by));
        this.reportsMade = period;
        this.nextDueOn = schedule.dueOn(period + 1);
        return new TrackingReportFiled(suggestionId, id(), period, due, late, nextDueOn);
    }

    /** The office ends the tracking, with an optional note; the reports stay. */
    public TrackingClosed close(String note, String by, Instant now) {
        requireOpen();
        String text = Texts.optional(note, 2000);
        this.status = FollowUpStatus.CLOSED;
        this.closedAt = now;
        this.closedBy = by;
        this.closeNote = text;
        return new TrackingClosed(suggestionId, id(), reportsMade);
    }

    private void requireOpen() {
        if (!status.canTransitionTo(FollowUpStatus.CLOSED)) {
            throw BusinessException.conflict("supervision.error.closed");
        }
    }

    boolean isNew() {
        return id == null;
    }

    void assignId(long id) {
        this.id = id;
    }

    /** Reports filed since the item was loaded, for the repository to insert; cleared once saved. */
    List<Report> takeNewReports() {
        List<Report> taken = List.copyOf(newReports);
        newReports.clear();
        return taken;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("tracking item not saved yet");
        }
        return id;
    }

    public long suggestionId() { return suggestionId; }
    public long unitId() { return unitId; }
    public Long leaderAccountId() { return leaderAccountId; }
    public int intervalMonths() { return intervalMonths; }
    public LocalDate startsOn() { return startsOn; }
    public int reportsMade() { return reportsMade; }
    public LocalDate nextDueOn() { return nextDueOn; }
    public FollowUpStatus status() { return status; }
    public String note() { return note; }
    public Instant openedAt() { return openedAt; }
    public String openedBy() { return openedBy; }
    public Instant closedAt() { return closedAt; }
    public String closedBy() { return closedBy; }
    public String closeNote() { return closeNote; }
    public List<Report> newReports() { return List.copyOf(newReports); }
}
