package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
public class TrackingItem extends FollowUp<TrackingItem.Report> {

    private final long suggestionId;
    private final long unitId;
    private final Long leaderAccountId;
    private final int intervalMonths;
    private final LocalDate startsOn;
    private int reportsMade;
    private LocalDate nextDueOn;
    private final String note;
    private final Instant openedAt;
    private final String openedBy;

    /** A period's report, as filed. */
    public record Report(int period, LocalDate dueOn, String text, boolean late, Instant reportedAt, String reportedBy) {
    }

    TrackingItem(Long id, long suggestionId, long unitId, Long leaderAccountId, int intervalMonths, LocalDate startsOn,
                 int reportsMade, LocalDate nextDueOn, FollowUpStatus status, String note, Instant openedAt, String openedBy,
                 Instant closedAt, String closedBy, String closeNote) {
        super(id, status, closedAt, closedBy, closeNote);
        this.suggestionId = suggestionId;
        this.unitId = unitId;
        this.leaderAccountId = leaderAccountId;
        this.intervalMonths = intervalMonths;
        this.startsOn = startsOn;
        this.reportsMade = reportsMade;
        this.nextDueOn = nextDueOn;
        this.note = note;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
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
        file(new Report(period, due, text, late, now, by));
        this.reportsMade = period;
        this.nextDueOn = schedule.dueOn(period + 1);
        return new TrackingReportFiled(suggestionId, id(), period, due, late, nextDueOn);
    }

    /** The office ends the tracking, with an optional note; the reports stay. */
    public TrackingClosed close(String note, String by, Instant now) {
        closeWith(note, by, now);
        return new TrackingClosed(suggestionId, id(), reportsMade);
    }

    public long suggestionId() { return suggestionId; }
    public long unitId() { return unitId; }
    public Long leaderAccountId() { return leaderAccountId; }
    public int intervalMonths() { return intervalMonths; }
    public LocalDate startsOn() { return startsOn; }
    public int reportsMade() { return reportsMade; }
    public LocalDate nextDueOn() { return nextDueOn; }
    public String note() { return note; }
    public Instant openedAt() { return openedAt; }
    public String openedBy() { return openedBy; }
}
