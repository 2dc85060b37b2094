package org.civicloop.suggestions.supervision.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.domain.Suggestion;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.domain.SuggestionStatus;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingClosed;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingReportFiled;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingStarted;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 跟踪督办: a closed suggestion whose result needs upkeep. The office puts it on tracking with a
 * responsible unit and a report interval; the unit files one report per period, the period's due
 * date following {@link TrackingSchedule}; the office closes the tracking. Another unit's item does
 * not exist for a unit (404).
 */
@Service
@Transactional
public class TrackingService {

    private final SuggestionService suggestions;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final SupervisionRecorder recorder;
    private final ZoneId zone;
    private final SupervisionPermissions permissions = new SupervisionPermissions();

    TrackingService(SuggestionService suggestions, Directory directory, JdbcClient jdbc, SupervisionRecorder recorder,
                    @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.suggestions = suggestions;
        this.directory = directory;
        this.jdbc = jdbc;
        this.recorder = recorder;
        this.zone = zone;
    }

    /** What the office decides when it starts tracking; the leader is optional (shown on their list). */
    public record TrackingDraft(Long unitId, Integer intervalMonths, LocalDate startsOn, Long leaderAccountId, String note) {
    }

    public long start(long suggestionId, TrackingDraft d, CivicUser user) {
        Suggestion s = suggestions.visible(suggestionId, user);
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("start tracking");
        }
        if (s.status() != SuggestionStatus.CLOSED) {
            throw BusinessException.conflict("supervision.error.notClosed");
        }
        if (d.unitId() == null || directory.handlingUnits().stream().noneMatch(u -> u.id() == d.unitId())) {
            throw BusinessException.invalid("supervision.error.unit");
        }
        if (d.intervalMonths() == null || d.intervalMonths() < 1 || d.intervalMonths() > 24) {
            throw BusinessException.invalid("supervision.error.interval", 1, 24);
        }
        LocalDate starts = Texts.date(d.startsOn());
        if (d.leaderAccountId() != null) {
            LeadSupervisionService.requireLeader(directory, d.leaderAccountId());
        }
        String note = Texts.optional(d.note(), 2000);
        boolean open = jdbc.sql("select exists (select 1 from supervision_tracking where suggestion_id = :s and unit_id = :u and status = 'OPEN')")
                .param("s", suggestionId).param("u", d.unitId()).query(Boolean.class).single();
        if (open) {
            throw BusinessException.conflict("supervision.error.alreadyTracked");
        }
        LocalDate firstDue = new TrackingSchedule(starts, d.intervalMonths()).dueOn(1);
        long id = jdbc.sql("""
                insert into supervision_tracking (suggestion_id, unit_id, leader_account_id, interval_months, starts_on,
                                                  next_due_on, status, note, opened_at, opened_by)
                values (:s, :u, :l, :i, :start, :due, 'OPEN', :note, now(), :by) returning id""")
                .param("s", suggestionId).param("u", d.unitId()).param("l", d.leaderAccountId()).param("i", d.intervalMonths())
                .param("start", starts).param("due", firstDue).param("note", note).param("by", user.getUsername())
                .query(Long.class).single();
        recorder.publish(new TrackingStarted(suggestionId, id, d.unitId(), d.intervalMonths(), starts, firstDue, d.leaderAccountId()),
                user, directory.unitName(d.unitId()).orElse(null));
        return id;
    }

    record Tracking(long id, long suggestionId, long unitId, int intervalMonths, LocalDate startsOn, int reportsMade,
                    String status) {
    }

    private Tracking visible(long trackingId, CivicUser user) {
        Tracking t = jdbc.sql("""
                select id, suggestion_id, unit_id, interval_months, starts_on, reports_made, status
                  from supervision_tracking where id = :id for update""")
                .param("id", trackingId).query(Tracking.class).optional()
                .orElseThrow(() -> new NotFoundException("tracking", trackingId));
        if (!permissions.seesAll(user) && !permissions.isUnitStaff(user, t.unitId())) {
            throw new NotFoundException("tracking", trackingId);
        }
        return t;
    }

    public void report(long trackingId, String report, CivicUser user) {
        report(trackingId, report, user, Instant.now());
    }

    /** The responsible unit's report for the next period; late when filed after that period's due day. */
    public void report(long trackingId, String report, CivicUser user, Instant now) {
        Tracking t = visible(trackingId, user);
        if (!permissions.isUnitStaff(user, t.unitId())) {
            throw new AccessDeniedException("tracking report");
        }
        if (!"OPEN".equals(t.status())) {
            throw BusinessException.conflict("supervision.error.closed");
        }
        String text = Texts.required(report, 20000);
        TrackingSchedule schedule = new TrackingSchedule(t.startsOn(), t.intervalMonths());
        int period = t.reportsMade() + 1;
        LocalDate due = schedule.dueOn(period);
        boolean late = now.atZone(zone).toLocalDate().isAfter(due);
        LocalDate next = schedule.dueOn(period + 1);
        jdbc.sql("""
                insert into supervision_tracking_report (tracking_id, period, due_on, report, late, reported_at, reported_by)
                values (:t, :p, :due, :r, :late, :at, :by)""")
                .param("t", trackingId).param("p", period).param("due", due).param("r", text).param("late", late)
                .param("at", Timestamp.from(now)).param("by", user.getUsername()).update();
        jdbc.sql("update supervision_tracking set reports_made = :p, next_due_on = :next where id = :t")
                .param("p", period).param("next", next).param("t", trackingId).update();
        recorder.publish(new TrackingReportFiled(t.suggestionId(), trackingId, period, due, late, next), user, null);
    }

    /** The office ends the tracking; the reports stay. */
    public void close(long trackingId, String note, CivicUser user) {
        Tracking t = visible(trackingId, user);
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("close tracking");
        }
        if (!"OPEN".equals(t.status())) {
            throw BusinessException.conflict("supervision.error.closed");
        }
        String text = Texts.optional(note, 2000);
        jdbc.sql("update supervision_tracking set status = 'CLOSED', closed_at = now(), closed_by = :by, close_note = :n where id = :t")
                .param("by", user.getUsername()).param("n", text).param("t", trackingId).update();
        recorder.publish(new TrackingClosed(t.suggestionId(), trackingId, t.reportsMade()), user, text);
    }
}
