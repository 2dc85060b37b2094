package org.civicloop.suggestions.supervision.domain;

import static org.civicloop.suggestions.supervision.domain.TrackingRepository.instant;
import static org.civicloop.suggestions.supervision.domain.TrackingRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.civicloop.suggestions.supervision.domain.Resolution.Report;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads (row locked) and saves a whole {@link Resolution} with the suggestions it covers and the
 * units it names; its follow-up reports are only ever added.
 */
@Repository
class ResolutionRepository {

    private final JdbcClient jdbc;

    ResolutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The resolution, its row locked until the transaction ends. */
    Optional<Resolution> lock(long id) {
        return jdbc.sql("select * from supervision_resolution where id = :id for update").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    boolean numberTaken(String number) {
        return jdbc.sql("select exists (select 1 from supervision_resolution where number = :n)").param("n", number)
                .query(Boolean.class).single();
    }

    private Resolution map(ResultSet rs) throws SQLException {
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
                    .param("status", r.status().name()).param("at", ts(r.createdAt())).param("by", r.createdBy())
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
                    .param("status", r.status().name()).param("closedAt", ts(r.closedAt())).param("closedBy", r.closedBy())
                    .param("closeNote", r.closeNote()).param("id", r.id()).update();
        }
        for (Report report : r.takeNewReports()) {
            report.assignId(jdbc.sql("""
                    insert into supervision_resolution_report (resolution_id, unit_id, report, late, reported_at, reported_by)
                    values (:r, :u, :t, :late, :at, :by) returning id""")
                    .param("r", r.id()).param("u", report.unitId()).param("t", report.text()).param("late", report.late())
                    .param("at", ts(report.reportedAt())).param("by", report.reportedBy()).query(Long.class).single());
        }
        return r;
    }
}
