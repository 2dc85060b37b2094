package org.civicloop.suggestions.supervision.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import static org.civicloop.shared.SqlTimes.instant;
import static org.civicloop.shared.SqlTimes.timestamp;

/**
 * Loads (row locked, so that two reports cannot claim one period and nothing lands after a close)
 * and saves whole {@link TrackingItem}s and {@link Resolution}s, the latter with the suggestions it
 * covers and the units it names. Reports are only ever added.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FollowUpRepository {

    private final JdbcClient jdbc;

    /** The tracking item, its row locked until the transaction ends. */
    Optional<TrackingItem> lockTracking(long id) {
        return jdbc.sql("select * from supervision_tracking where id = :id for update").param("id", id)
                .query((rs, n) -> tracking(rs)).optional();
    }

    /** Whether the unit already has an open tracking item on the suggestion. */
    boolean trackingOpen(long suggestionId, long unitId) {
        return jdbc.sql("select exists (select 1 from supervision_tracking where suggestion_id = :s and unit_id = :u and status = 'OPEN')")
                .param("s", suggestionId).param("u", unitId).query(Boolean.class).single();
    }

    private static TrackingItem tracking(ResultSet rs) throws SQLException {
        return new TrackingItem(rs.getLong("id"), rs.getLong("suggestion_id"), rs.getLong("unit_id"),
                rs.getObject("leader_account_id", Long.class), rs.getInt("interval_months"),
                rs.getObject("starts_on", LocalDate.class), rs.getInt("reports_made"), rs.getObject("next_due_on", LocalDate.class),
                FollowUpStatus.valueOf(rs.getString("status")), rs.getString("note"), instant(rs, "opened_at"),
                rs.getString("opened_by"), instant(rs, "closed_at"), rs.getString("closed_by"), rs.getString("close_note"));
    }

    TrackingItem save(TrackingItem t) {
        if (t.isNew()) {
            t.assignId(jdbc.sql("""
                    insert into supervision_tracking (suggestion_id, unit_id, leader_account_id, interval_months, starts_on,
                                                      next_due_on, status, note, opened_at, opened_by)
                    values (:s, :u, :l, :i, :start, :due, :status, :note, :at, :by) returning id""")
                    .param("s", t.suggestionId()).param("u", t.unitId()).param("l", t.leaderAccountId())
                    .param("i", t.intervalMonths()).param("start", t.startsOn()).param("due", t.nextDueOn())
                    .param("status", t.status().name()).param("note", t.note()).param("at", timestamp(t.openedAt()))
                    .param("by", t.openedBy()).query(Long.class).single());
        } else {
            jdbc.sql("""
                    update supervision_tracking set reports_made = :made, next_due_on = :due, status = :status,
                           closed_at = :closedAt, closed_by = :closedBy, close_note = :closeNote
                     where id = :id""")
                    .param("made", t.reportsMade()).param("due", t.nextDueOn()).param("status", t.status().name())
                    .param("closedAt", timestamp(t.closedAt())).param("closedBy", t.closedBy()).param("closeNote", t.closeNote())
                    .param("id", t.id()).update();
        }
        for (TrackingItem.Report r : t.takeNewReports()) {
            jdbc.sql("""
                    insert into supervision_tracking_report (tracking_id, period, due_on, report, late, reported_at, reported_by)
                    values (:t, :p, :due, :r, :late, :at, :by)""")
                    .param("t", t.id()).param("p", r.period()).param("due", r.dueOn()).param("r", r.text())
                    .param("late", r.late()).param("at", timestamp(r.reportedAt())).param("by", r.reportedBy()).update();
        }
        return t;
    }

    /** The resolution, its row locked until the transaction ends. */
    Optional<Resolution> lockResolution(long id) {
        return jdbc.sql("select * from supervision_resolution where id = :id for update").param("id", id)
                .query((rs, n) -> resolution(rs)).optional();
    }

    boolean resolutionNumberTaken(String number) {
        return jdbc.sql("select exists (select 1 from supervision_resolution where number = :n)").param("n", number)
                .query(Boolean.class).single();
    }

    private Resolution resolution(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Long> suggestions = jdbc.sql("""
                select suggestion_id from supervision_resolution_suggestion where resolution_id = :r order by suggestion_id""")
                .param("r", id).query(Long.class).list();
        List<Long> units = jdbc.sql("select unit_id from supervision_resolution_unit where resolution_id = :r order by unit_id")
                .param("r", id).query(Long.class).list();
        return new Resolution(id, rs.getString("number"), rs.getString("title"), rs.getObject("adopted_on", LocalDate.class),
                rs.getString("text"), rs.getString("follow_up"), rs.getObject("due_on", LocalDate.class),
                rs.getObject("leader_account_id", Long.class), FollowUpStatus.valueOf(rs.getString("status")), suggestions, units,
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("close_note"));
    }

    Resolution save(Resolution r) {
        if (r.isNew()) {
            r.assignId(jdbc.sql("""
                    insert into supervision_resolution (number, title, adopted_on, text, follow_up, due_on, leader_account_id,
                                                        status, created_at, created_by)
                    values (:n, :t, :a, :x, :f, :d, :l, :status, :at, :by) returning id""")
                    .param("n", r.number()).param("t", r.title()).param("a", r.adoptedOn()).param("x", r.text())
                    .param("f", r.followUp()).param("d", r.dueOn()).param("l", r.leaderAccountId())
                    .param("status", r.status().name()).param("at", timestamp(r.createdAt())).param("by", r.createdBy())
                    .query(Long.class).single());
            for (Long s : r.suggestionIds()) {
                jdbc.sql("insert into supervision_resolution_suggestion (resolution_id, suggestion_id) values (:r, :s)")
                        .param("r", r.id()).param("s", s).update();
            }
            for (Long u : r.unitIds()) {
                jdbc.sql("insert into supervision_resolution_unit (resolution_id, unit_id) values (:r, :u)")
                        .param("r", r.id()).param("u", u).update();
            }
        } else {
            jdbc.sql("""
                    update supervision_resolution set status = :status, closed_at = :closedAt, closed_by = :closedBy,
                           close_note = :closeNote
                     where id = :id""")
                    .param("status", r.status().name()).param("closedAt", timestamp(r.closedAt())).param("closedBy", r.closedBy())
                    .param("closeNote", r.closeNote()).param("id", r.id()).update();
        }
        for (Resolution.Report report : r.takeNewReports()) {
            report.assignId(jdbc.sql("""
                    insert into supervision_resolution_report (resolution_id, unit_id, report, late, reported_at, reported_by)
                    values (:r, :u, :t, :late, :at, :by) returning id""")
                    .param("r", r.id()).param("u", report.unitId()).param("t", report.text()).param("late", report.late())
                    .param("at", timestamp(report.reportedAt())).param("by", report.reportedBy()).query(Long.class).single());
        }
        return r;
    }
}
