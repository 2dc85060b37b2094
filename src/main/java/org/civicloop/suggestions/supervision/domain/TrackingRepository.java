package org.civicloop.suggestions.supervision.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.civicloop.suggestions.supervision.domain.TrackingItem.Report;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads (row locked) and saves a whole {@link TrackingItem}; its reports are only ever added. */
@Repository
class TrackingRepository {

    private final JdbcClient jdbc;

    TrackingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The item, its row locked until the transaction ends, so that two reports cannot claim one period. */
    Optional<TrackingItem> lock(long id) {
        return jdbc.sql("select * from supervision_tracking where id = :id for update").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Whether the unit already has an open tracking item on the suggestion. */
    boolean openFor(long suggestionId, long unitId) {
        return jdbc.sql("select exists (select 1 from supervision_tracking where suggestion_id = :s and unit_id = :u and status = 'OPEN')")
                .param("s", suggestionId).param("u", unitId).query(Boolean.class).single();
    }

    private static TrackingItem map(ResultSet rs) throws SQLException {
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
                    .param("status", t.status().name()).param("note", t.note()).param("at", ts(t.openedAt()))
                    .param("by", t.openedBy()).query(Long.class).single());
        } else {
            jdbc.sql("""
                    update supervision_tracking set reports_made = :made, next_due_on = :due, status = :status,
                           closed_at = :closedAt, closed_by = :closedBy, close_note = :closeNote
                     where id = :id""")
                    .param("made", t.reportsMade()).param("due", t.nextDueOn()).param("status", t.status().name())
                    .param("closedAt", ts(t.closedAt())).param("closedBy", t.closedBy()).param("closeNote", t.closeNote())
                    .param("id", t.id()).update();
        }
        for (Report r : t.takeNewReports()) {
            jdbc.sql("""
                    insert into supervision_tracking_report (tracking_id, period, due_on, report, late, reported_at, reported_by)
                    values (:t, :p, :due, :r, :late, :at, :by)""")
                    .param("t", t.id()).param("p", r.period()).param("due", r.dueOn()).param("r", r.text())
                    .param("late", r.late()).param("at", ts(r.reportedAt())).param("by", r.reportedBy()).update();
        }
        return t;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
