package org.civicloop.performance.work.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import static org.civicloop.shared.SqlTimes.instant;
import static org.civicloop.shared.SqlTimes.timestamp;

/**
 * Loads (row locked, so two reports cannot claim one month and two moves cannot cross) and saves whole
 * {@link WorkItem}s and {@link InvestmentProject}s. Reports, moves and funds are only ever added.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkRepository {

    private final JdbcClient jdbc;

    Optional<WorkItem> lockItem(long id) {
        return jdbc.sql("select * from perf_work_item where id = :id for update").param("id", id)
                .query((rs, n) -> item(rs)).optional();
    }

    Optional<WorkItem> findItem(long id) {
        return jdbc.sql("select * from perf_work_item where id = :id").param("id", id).query((rs, n) -> item(rs)).optional();
    }

    private WorkItem item(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Set<YearMonth> months = new HashSet<>();
        jdbc.sql("select month from perf_progress_report where item_id = :id").param("id", id)
                .query(LocalDate.class).list().forEach(d -> months.add(YearMonth.from(d)));
        return new WorkItem(id, WorkKind.valueOf(rs.getString("kind")), rs.getInt("year"), rs.getString("title"),
                rs.getString("description"), rs.getLong("owner_unit_id"), rs.getLong("leader_account_id"),
                instant(rs, "created_at"), rs.getString("created_by"), months);
    }

    boolean titleTaken(WorkKind kind, int year, String title) {
        return jdbc.sql("select exists (select 1 from perf_work_item where kind = :k and year = :y and title = :t)")
                .param("k", kind.name()).param("y", year).param("t", title).query(Boolean.class).single();
    }

    WorkItem save(WorkItem item) {
        if (item.isNew()) {
            item.assignId(jdbc.sql("""
                    insert into perf_work_item (kind, year, title, description, owner_unit_id, leader_account_id, created_at, created_by)
                    values (:kind, :year, :title, :d, :u, :l, :at, :by) returning id""")
                    .param("kind", item.kind().name()).param("year", item.year()).param("title", item.title())
                    .param("d", item.description()).param("u", item.ownerUnitId()).param("l", item.leaderAccountId())
                    .param("at", timestamp(item.createdAt())).param("by", item.createdBy()).query(Long.class).single());
        }
        return item;
    }

    /** Inserts the reports filed since loading; returns the id of the last one (or 0). */
    long saveReports(WorkItem item) {
        long last = 0;
        for (WorkItem.Report r : item.takeNewReports()) {
            last = jdbc.sql("""
                    insert into perf_progress_report (item_id, month, report, reported_at, reported_by)
                    values (:i, :m, :r, :at, :by) returning id""")
                    .param("i", item.id()).param("m", r.month().atDay(1)).param("r", r.text())
                    .param("at", timestamp(r.at())).param("by", r.by()).query(Long.class).single();
        }
        return last;
    }

    Optional<InvestmentProject> lockProject(long itemId) {
        return jdbc.sql("select * from perf_project where item_id = :id for update").param("id", itemId)
                .query((rs, n) -> project(rs)).optional();
    }

    Optional<InvestmentProject> findProject(long itemId) {
        return jdbc.sql("select * from perf_project where item_id = :id").param("id", itemId)
                .query((rs, n) -> project(rs)).optional();
    }

    private static InvestmentProject project(ResultSet rs) throws SQLException {
        String paused = rs.getString("paused_from");
        return new InvestmentProject(rs.getLong("item_id"), ProjectStage.valueOf(rs.getString("stage")),
                paused == null ? null : ProjectStage.valueOf(paused), rs.getString("investor"), rs.getString("industry"),
                rs.getBigDecimal("contract_value"), rs.getObject("signed_on", LocalDate.class), instant(rs, "moved_at"));
    }

    void insert(InvestmentProject p) {
        jdbc.sql("""
                insert into perf_project (item_id, stage, paused_from, investor, industry, contract_value, signed_on, moved_at)
                values (:i, :s, :p, :inv, :ind, :v, :signed, :at)""")
                .param("i", p.itemId()).param("s", p.stage().name()).param("p", p.pausedFrom() == null ? null : p.pausedFrom().name())
                .param("inv", p.investor()).param("ind", p.industry()).param("v", p.contractValue()).param("signed", p.signedOn())
                .param("at", timestamp(p.movedAt())).update();
    }

    void update(InvestmentProject p) {
        jdbc.sql("""
                update perf_project set stage = :s, paused_from = :p, contract_value = :v, signed_on = :signed, moved_at = :at,
                       version = version + 1
                 where item_id = :i""")
                .param("i", p.itemId()).param("s", p.stage().name()).param("p", p.pausedFrom() == null ? null : p.pausedFrom().name())
                .param("v", p.contractValue()).param("signed", p.signedOn()).param("at", timestamp(p.movedAt())).update();
        for (InvestmentProject.Move m : p.takeNewMoves()) {
            jdbc.sql("""
                    insert into perf_project_move (item_id, from_stage, to_stage, note, moved_at, moved_by)
                    values (:i, :f, :t, :n, :at, :by)""")
                    .param("i", p.itemId()).param("f", m.from().name()).param("t", m.to().name()).param("n", m.note())
                    .param("at", timestamp(m.at())).param("by", m.by()).update();
        }
        for (InvestmentProject.Funds f : p.takeNewFunds()) {
            jdbc.sql("""
                    insert into perf_funds_entry (item_id, received_on, amount, note, recorded_at, recorded_by)
                    values (:i, :d, :a, :n, :at, :by)""")
                    .param("i", p.itemId()).param("d", f.receivedOn()).param("a", f.amount()).param("n", f.note())
                    .param("at", timestamp(f.at())).param("by", f.by()).update();
        }
    }

    long insertMilestone(long itemId, String title, LocalDate dueOn, java.time.Instant now, String by) {
        return jdbc.sql("""
                insert into perf_milestone (item_id, title, due_on, due_at, created_at, created_by)
                values (:i, :t, :d, :at, :at, :by) returning id""")
                .param("i", itemId).param("t", title).param("d", dueOn).param("at", timestamp(now)).param("by", by)
                .query(Long.class).single();
    }

    void milestoneClock(long id, java.time.Instant dueAt, java.time.Instant warnAt) {
        jdbc.sql("update perf_milestone set due_at = :d, warn_at = :w where id = :id")
                .param("d", timestamp(dueAt)).param("w", timestamp(warnAt)).param("id", id).update();
    }

    record MilestoneRow(long id, long itemId, String title, LocalDate dueOn, java.time.Instant dueAt, java.time.Instant doneAt,
                        java.time.Instant missedAt) {
    }

    Optional<MilestoneRow> lockMilestone(long id) {
        return jdbc.sql("select * from perf_milestone where id = :id for update").param("id", id)
                .query((rs, n) -> new MilestoneRow(rs.getLong("id"), rs.getLong("item_id"), rs.getString("title"),
                        rs.getObject("due_on", LocalDate.class), instant(rs, "due_at"), instant(rs, "done_at"),
                        instant(rs, "missed_at"))).optional();
    }

    void milestoneDone(long id, java.time.Instant at, String by) {
        jdbc.sql("update perf_milestone set done_at = :at, done_by = :by where id = :id")
                .param("at", timestamp(at)).param("by", by).param("id", id).update();
    }

    void milestoneMissed(long id, java.time.Instant at) {
        jdbc.sql("update perf_milestone set missed_at = :at where id = :id").param("at", timestamp(at)).param("id", id).update();
    }

    long insertInstruction(long itemId, String text, java.time.Instant at, long by) {
        return jdbc.sql("insert into perf_instruction (item_id, text, given_at, given_by) values (:i, :t, :at, :by) returning id")
                .param("i", itemId).param("t", text).param("at", timestamp(at)).param("by", by).query(Long.class).single();
    }
}
