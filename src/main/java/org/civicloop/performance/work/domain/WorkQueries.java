package org.civicloop.performance.work.domain;

import static org.civicloop.shared.SqlTimes.instant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.performance.work.domain.WorkRag.MilestoneTimes;
import org.civicloop.shared.Rag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the tracked-work pages, the dashboard and the export read, each as one query over this
 * module's own tables, scoped in SQL (an owner unit sees its unit's items only). The colour of each
 * item comes from {@link WorkRag}; the three rates from {@link #rates(Integer)}, in SQL.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WorkQueries {

    private final JdbcClient jdbc;
    private final WorkPermissions permissions = new WorkPermissions();
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /** One line of a list or the ledger. */
    public record Row(long id, WorkKind kind, int year, String title, long ownerUnitId, long leaderAccountId, Instant createdAt,
                      ProjectStage stage, String investor, String industry, BigDecimal contractValue, LocalDate signedOn,
                      BigDecimal funds, LocalDate nextDueOn, String nextMilestone, int milestones, int overdue,
                      YearMonth lastReport, Rag rag) {

        public String link() {
            return WorkService.link(kind, id);
        }
    }

    /** A filter of the lists: kinds (empty: all), year, owner unit, colour; null or empty means any. */
    public record Filter(List<WorkKind> kinds, Integer year, Long unitId, Rag rag) {
    }

    /** The items the user may see that match the filter, red first, then by next due day. */
    @Transactional(readOnly = true)
    public List<Row> list(CivicUser user, Filter f, Instant now) {
        if (!permissions.mayUse(user)) {
            return List.of();
        }
        Long scope = permissions.seesAll(user) ? null : user.unitId();
        List<Row> rows = new ArrayList<>();
        stream(scope, f, now, rows::add);
        rows.sort(java.util.Comparator.comparing(Row::rag).thenComparing(Row::nextDueOn,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(Row::id));
        return rows;
    }

    /** Every matching item in the order of the ledger (kind, year, id), handed on one at a time. */
    public void stream(Long scopeUnitId, Filter f, Instant now, Consumer<Row> sink) {
        Map<Long, List<MilestoneTimes>> milestones = new HashMap<>();
        Map<Long, List<YearMonth>> months = new HashMap<>();
        jdbc.sql("select item_id, due_at, warn_at, done_at from perf_milestone").query(rs -> {
            milestones.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>())
                    .add(new MilestoneTimes(instant(rs, "due_at"), instant(rs, "warn_at"), instant(rs, "done_at")));
        });
        jdbc.sql("select item_id, month from perf_progress_report").query(rs -> {
            months.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>())
                    .add(YearMonth.from(rs.getObject("month", LocalDate.class)));
        });
        List<String> kinds = f.kinds() == null ? List.of() : f.kinds().stream().map(Enum::name).toList();
        jdbc.sql("""
                select i.id, i.kind, i.year, i.title, i.owner_unit_id, i.leader_account_id, i.created_at,
                       p.stage, p.investor, p.industry, p.contract_value, p.signed_on,
                       (select coalesce(sum(f.amount), 0) from perf_funds_entry f where f.item_id = i.id) as funds,
                       (select m.due_on from perf_milestone m where m.item_id = i.id and m.done_at is null order by m.due_at, m.id limit 1) as next_due,
                       (select m.title from perf_milestone m where m.item_id = i.id and m.done_at is null order by m.due_at, m.id limit 1) as next_title,
                       (select count(*) from perf_milestone m where m.item_id = i.id) as milestones,
                       (select count(*) from perf_milestone m where m.item_id = i.id and m.done_at is null and m.due_at < :now) as overdue,
                       (select max(r.month) from perf_progress_report r where r.item_id = i.id) as last_report
                  from perf_work_item i left join perf_project p on p.item_id = i.id
                 where (cast(:scope as bigint) is null or i.owner_unit_id = :scope)
                   and (:anyKind or i.kind in (:kinds))
                   and (cast(:year as integer) is null or i.year = :year)
                   and (cast(:unit as bigint) is null or i.owner_unit_id = :unit)
                 order by i.kind, i.year, i.id""")
                .param("now", java.sql.Timestamp.from(now)).param("scope", scopeUnitId).param("anyKind", kinds.isEmpty())
                .param("kinds", kinds.isEmpty() ? List.of("-") : kinds).param("year", f.year()).param("unit", f.unitId())
                .query(rs -> {
                    long id = rs.getLong("id");
                    Instant created = instant(rs, "created_at");
                    Rag rag = WorkRag.of(milestones.getOrDefault(id, List.of()), created, months.getOrDefault(id, List.of()), now, zone);
                    if (f.rag() != null && f.rag() != rag) {
                        return;
                    }
                    String stage = rs.getString("stage");
                    LocalDate last = rs.getObject("last_report", LocalDate.class);
                    sink.accept(new Row(id, WorkKind.valueOf(rs.getString("kind")), rs.getInt("year"), rs.getString("title"),
                            rs.getLong("owner_unit_id"), rs.getLong("leader_account_id"), created,
                            stage == null ? null : ProjectStage.valueOf(stage), rs.getString("investor"), rs.getString("industry"),
                            rs.getBigDecimal("contract_value"), rs.getObject("signed_on", LocalDate.class), rs.getBigDecimal("funds"),
                            rs.getObject("next_due", LocalDate.class), rs.getString("next_title"), rs.getInt("milestones"),
                            rs.getInt("overdue"), last == null ? null : YearMonth.from(last), rag));
                });
    }

    /** A milestone on an item's page. */
    public record Milestone(long id, String title, LocalDate dueOn, Instant dueAt, Instant warnAt, Instant doneAt, String doneBy,
                            Instant missedAt) {

        /** The colour of this one milestone by the same rule (a reached one is green). */
        public Rag rag(Instant now) {
            if (doneAt != null) {
                return Rag.GREEN;
            }
            return now.isAfter(dueAt) ? Rag.RED : warnAt != null && !now.isBefore(warnAt) ? Rag.YELLOW : Rag.GREEN;
        }
    }

    public List<Milestone> milestones(long itemId) {
        return jdbc.sql("select * from perf_milestone where item_id = :i order by due_at, id").param("i", itemId)
                .query((rs, n) -> new Milestone(rs.getLong("id"), rs.getString("title"), rs.getObject("due_on", LocalDate.class),
                        instant(rs, "due_at"), instant(rs, "warn_at"), instant(rs, "done_at"), rs.getString("done_by"),
                        instant(rs, "missed_at"))).list();
    }

    public record Report(YearMonth month, String report, Instant reportedAt, String reportedBy) {
    }

    public List<Report> reports(long itemId) {
        return jdbc.sql("select * from perf_progress_report where item_id = :i order by month desc").param("i", itemId)
                .query((rs, n) -> new Report(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getString("report"),
                        instant(rs, "reported_at"), rs.getString("reported_by"))).list();
    }

    public record Instruction(String text, Instant givenAt, long givenBy) {
    }

    public List<Instruction> instructions(long itemId) {
        return jdbc.sql("select * from perf_instruction where item_id = :i order by given_at desc, id desc").param("i", itemId)
                .query((rs, n) -> new Instruction(rs.getString("text"), instant(rs, "given_at"), rs.getLong("given_by"))).list();
    }

    public record Move(ProjectStage from, ProjectStage to, String note, Instant movedAt, String movedBy) {
    }

    public List<Move> moves(long itemId) {
        return jdbc.sql("select * from perf_project_move where item_id = :i order by moved_at desc, id desc").param("i", itemId)
                .query((rs, n) -> new Move(ProjectStage.valueOf(rs.getString("from_stage")), ProjectStage.valueOf(rs.getString("to_stage")),
                        rs.getString("note"), instant(rs, "moved_at"), rs.getString("moved_by"))).list();
    }

    public record FundsEntry(LocalDate receivedOn, BigDecimal amount, String note, Instant recordedAt, String recordedBy) {
    }

    public List<FundsEntry> funds(long itemId) {
        return jdbc.sql("select * from perf_funds_entry where item_id = :i order by received_on desc, id desc").param("i", itemId)
                .query((rs, n) -> new FundsEntry(rs.getObject("received_on", LocalDate.class), rs.getBigDecimal("amount"),
                        rs.getString("note"), instant(rs, "recorded_at"), rs.getString("recorded_by"))).list();
    }

    /**
     * The three rates of investment projects, counted by SQL over the projects (of the year, when
     * given) that were signed: those with a signing day (签约), whatever they did later, paused and
     * terminated ones included.
     * <ul>
     *   <li>履约率 (contract-performance rate) = signed projects now at 注册 or beyond on the line
     *       (注册, 手续, 开工, 在建, 竣工, 投产; not 暂缓, not 终止) ÷ signed projects;</li>
     *   <li>开竣工率 (start/completion rate) = (started + completed) ÷ signed projects, where started
     *       = now at 开工 or 在建 and completed = now at 竣工 or 投产;</li>
     *   <li>资金到位率 (funds-in-place rate) = the sum of every funds-in-place entry of the signed
     *       projects ÷ the sum of their contract values (协议投资额).</li>
     * </ul>
     * A rate with a denominator of 0 is absent (shown as —), never 0 %.
     */
    public Rates rates(Integer year) {
        return jdbc.sql("""
                with f as (select item_id, sum(amount) as amount from perf_funds_entry group by item_id)
                select count(*) as signed,
                       count(*) filter (where p.stage in %s) as performing,
                       count(*) filter (where p.stage in %s) as started,
                       count(*) filter (where p.stage in %s) as completed,
                       coalesce(sum(p.contract_value), 0) as contract_total,
                       coalesce(sum(f.amount), 0) as funds_total
                  from perf_project p join perf_work_item i on i.id = p.item_id left join f on f.item_id = p.item_id
                 where p.signed_on is not null and (cast(:year as integer) is null or i.year = :year)"""
                        .formatted(ProjectStage.PERFORMING_SQL, ProjectStage.STARTED_SQL, ProjectStage.COMPLETED_SQL))
                .param("year", year)
                .query((rs, n) -> new Rates(rs.getLong("signed"), rs.getLong("performing"), rs.getLong("started"),
                        rs.getLong("completed"), rs.getBigDecimal("contract_total"), rs.getBigDecimal("funds_total"))).single();
    }

    /** The counts behind the three rates; amounts in 万元. */
    public record Rates(long signed, long performing, long started, long completed, BigDecimal contractTotal, BigDecimal fundsTotal) {

        /** 履约率 in per cent, one decimal, or null when nothing was signed. */
        public BigDecimal performanceRate() {
            return percent(BigDecimal.valueOf(performing), BigDecimal.valueOf(signed));
        }

        /** 开竣工率 in per cent. */
        public BigDecimal startCompletionRate() {
            return percent(BigDecimal.valueOf(started + completed), BigDecimal.valueOf(signed));
        }

        /** 资金到位率 in per cent. */
        public BigDecimal fundsRate() {
            return percent(fundsTotal, contractTotal);
        }

        public long startedOrCompleted() {
            return started + completed;
        }

        static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
            if (denominator.signum() == 0) {
                return null;
            }
            return numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP);
        }
    }

    /** Investment projects per stage (of the year, when given). */
    public Map<ProjectStage, Long> stageCounts(Integer year) {
        Map<ProjectStage, Long> counts = new java.util.EnumMap<>(ProjectStage.class);
        for (ProjectStage s : ProjectStage.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("""
                select p.stage, count(*) as n from perf_project p join perf_work_item i on i.id = p.item_id
                 where (cast(:year as integer) is null or i.year = :year) group by p.stage""")
                .param("year", year).query(rs -> {
                    counts.put(ProjectStage.valueOf(rs.getString("stage")), rs.getLong("n"));
                });
        return counts;
    }

    /** The years that have items, newest first. */
    public List<Integer> years() {
        return jdbc.sql("select distinct year from perf_work_item order by year desc").query(Integer.class).list();
    }

    /** Items of the given ids' owner units and leaders, for names (ids only: names come from the directory). */
    public static List<Long> unitIds(Collection<Row> rows) {
        return rows.stream().map(Row::ownerUnitId).distinct().toList();
    }
}
