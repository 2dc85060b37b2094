package org.civicloop.suggestions.kpi;

import org.civicloop.shared.ReportReads;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.organization.Directory;
import org.civicloop.suggestions.SuggestionKpiFigures;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.AssignmentStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place where the KPIs of suggestion handling are computed (domain research 1.3 and 7.6);
 * the dashboard and the bulletins both read them from here.
 *
 * <p>What is counted: every assignment that owes the deputy a reply (lead and separate units, not
 * a co-unit), was made ({@code assigned_at}) within the period and was not returned (退办). Each
 * such assignment is one row of {@code kpi_row}, with:
 * <ul>
 *   <li>{@code replied}: it has at least one reply, in any round;</li>
 *   <li>{@code on_time}: its first-round reply was given no later than the due time that round had
 *       when it was given ({@code suggestion_reply.due_at}, which an approved extension moves).
 *       Rehandling rounds run on their own clock and are not counted again: 按时办复率 judges the
 *       first answer. A reply without a recorded due time does not count as on time;</li>
 *   <li>{@code final_class}: the class of its latest reply (highest round), as audited by the office
 *       where audited, else as the unit gave it;</li>
 *   <li>{@code met}: at least one face-to-face contact with the deputy (见面);</li>
 *   <li>{@code evaluation}: the deputy's latest evaluation of the suggestion, which counts for each
 *       of its replying units;</li>
 *   <li>{@code overdue}: still in the unit's hands and past its due time at {@code now}.</li>
 * </ul>
 * The district's totals are sums over the same rows (so a suggestion handled separately by two
 * units counts twice, once per reply owed), added up from the same statement's counts per unit and class.
 * {@link KpiSet} names each counted set; {@link UnitKpis} derives each rate from two counts.
 *
 * <p>One statement, set-based, whatever the number of units or rows: the period's assignments with
 * the facts {@link KpiFacts} keeps on them (from the covering index on the assignment time, so the
 * work grows with the period, not with the tables' history), joined with their suggestions and
 * counted per unit and class in one hashed group. Nothing is queried per row.
 */
@Component
@ReportReads
public class SuggestionKpis implements SuggestionKpiFigures {

    /** Assignment statuses still in the unit's hands (from {@link AssignmentStatus#isActive()}). */
    static final List<String> ACTIVE = Arrays.stream(AssignmentStatus.values()).filter(AssignmentStatus::isActive)
            .map(Enum::name).toList();
    /** Roles that owe the deputy a reply (from {@link AssignmentRole#owesReply()}). */
    static final List<String> OWING = Arrays.stream(AssignmentRole.values()).filter(AssignmentRole::owesReply)
            .map(Enum::name).toList();

    /** Which assignments {@code a} count at all: owing a reply, not returned. Parameter :owing. */
    static final String OWES = owes("a");

    /** {@link #OWES} for the assignments named {@code alias}. */
    static String owes(String alias) {
        return alias + ".role in (:owing) and " + alias + ".status <> 'RETURNED'";
    }

    /** Which assignments count: owing a reply, made in the period, not returned. Parameters :from, :to, :owing. */
    private static final String COUNTED = "a.assigned_at >= :from and a.assigned_at < :to and " + OWES;

    /** The district's distinct suggestions among the counted assignments (parameters as {@link #COUNTED}). */
    private static final String DISTINCT_SUGGESTIONS = "(select count(distinct a.suggestion_id) from suggestion_assignment a where "
            + COUNTED + ")";

    /** The facts of an assignment {@code a}, named as {@link KpiSet}'s conditions read them (but {@code overdue}). */
    static final String FACT_COLUMNS = """
            a.suggestion_id, a.seq, a.unit_id, a.role, a.status, a.assigned_at, a.due_at,
            a.kpi_replied as replied, a.kpi_on_time as on_time, a.kpi_final_class as final_class,
            a.kpi_met as met, a.kpi_evaluation as evaluation, a.kpi_first as first""";

    /**
     * The rows every figure is counted from, one per counted assignment; parameters :from, :to, :owing,
     * :now, :active. The per-assignment facts (replied, on time, final class, met, the suggestion's
     * evaluation) are kept on the assignment row by {@link KpiFacts}, so the period's assignments come from
     * one covering index; the figures need nothing else.
     */
    private static final String FACTS = """
            select %s,
                   coalesce(a.status in (:active) and a.due_at < :now, false) as overdue
              from suggestion_assignment a
             where %s""".formatted(FACT_COLUMNS, COUNTED);

    /** The same rows with their suggestions' titles, for the lists behind the figures. */
    static final String ROWS = """
            with kpi_row as (
                select f.*, s.title, s.confidential from (%s) f join suggestion s on s.id = f.suggestion_id
            )
            """.formatted(FACTS);

    /** The position of the first set's count in AGGREGATE's select list; the sets follow in their order. */
    private static final int FIRST_SET = 4;
    /**
     * Per unit and final class in one pass (one hashed group per pair, the class null for rows without one); the
     * unit's, the class's and the district's counts are their sums, added up by {@link #compute}. (Grouping sets
     * for all four took 34-40 ms over a province's four years, 18,000 rows at a million opinions; this 22-30.) The
     * distinct suggestions of the district by a scalar subquery over the same assignments, on every row (a unit
     * owes at most one reply per suggestion, so per unit it equals the count).
     */
    private static final String AGGREGATE = "with kpi_row as (" + FACTS + ")\n" + """
            select unit_id, final_class, %s as suggestions, %s
              from kpi_row
             group by unit_id, final_class
            """.formatted(DISTINCT_SUGGESTIONS, Arrays.stream(KpiSet.values())
            .map(s -> "count(*) filter (where " + s.condition() + ") as " + s.column())
            .collect(Collectors.joining(", ")));

    /**
     * The same figures, in the same columns as {@link #AGGREGATE} but for the suggestions (here each row's share of
     * the district's, to be added up), from the maintained counts ({@link KpiTally}):
     * <ul>
     *   <li>the tally's whole years of the period, and its whole months outside them;</li>
     *   <li>the assignments changed since it was brought up to date (their contribution now less the one tallied);</li>
     *   <li>the days of the period's partial months, counted from the assignments themselves (two edges, each a
     *       range of the covering index);</li>
     *   <li>the active assignments past their due time now, counted per unit and class (a partial covering index,
     *       V177).</li>
     * </ul>
     * The sets that depend on the configured classes are read off the class. A suggestion counts once, with its
     * first counted assignment ({@code n_first}); one whose first assignment was made before the period and another
     * in it, once with the earliest of those (the partial index of later ones, V177). Parameters those of
     * {@link #AGGREGATE} and :zone, :firstWhole, :afterWhole, :firstYear, :afterYear, :e1from, :e1to, :e2from, :e2to.
     */
    private static final String TALLIED = """
            with pending as (select distinct suggestion_id, seq from suggestion_kpi_change),
            changed as (select 1 as sign, %1$s from (%2$s) n
                        union all
                        select -1, %1$s from suggestion_kpi_tallied t join pending p using (suggestion_id, seq)),
            parts as (select unit_id, nullif(final_class, '') as final_class, n_first, %3$s, 0 as n_overdue
                        from suggestion_kpi_tally
                       where month >= :firstWhole and month < :firstYear or month >= :afterYear and month < :afterWhole
                      union all
                      select unit_id, nullif(final_class, ''), n_first, %3$s, 0
                        from suggestion_kpi_tally_year where year >= :firstYear and year < :afterYear
                      union all
                      select unit_id, nullif(final_class, ''), sign * cast(first as int), %4$s, 0
                        from changed where month >= :firstWhole and month < :afterWhole
                      union all
                      select unit_id, nullif(final_class, ''), cast(first as int), %5$s, 0 from (%6$s) e1
                      union all
                      select unit_id, nullif(final_class, ''), cast(first as int), %5$s, 0 from (%7$s) e2
                      union all
                      select a.unit_id, a.kpi_final_class, 0, %8$s, count(*) from suggestion_assignment a
                       where a.status in (:active) and a.due_at < :now and %9$s
                       group by a.unit_id, a.kpi_final_class
                      union all
                      (select distinct on (a.suggestion_id) a.unit_id, a.kpi_final_class, 1, %8$s, 0
                         from suggestion_assignment a
                        where a.kpi_later and a.assigned_at >= :from and a.assigned_at < :to
                          and not exists (select 1 from suggestion_assignment f
                                           where f.suggestion_id = a.suggestion_id and f.kpi_first and f.assigned_at >= :from)
                        order by a.suggestion_id, a.assigned_at, a.seq))
            select unit_id, final_class, sum(n_first) as suggestions, %10$s
              from parts
             group by unit_id, final_class
            having sum(n_assigned) <> 0
            """.formatted(KpiTally.COLUMNS,
            KpiTally.contributions("suggestion_assignment a join pending p on p.suggestion_id = a.suggestion_id and p.seq = a.seq", "true"),
            KpiTally.each(KpiSet::column), KpiTally.each(s -> "sign * cast(" + s.flag() + " as int)"),
            KpiTally.each(s -> "cast(" + s.flag() + " as int)"),
            KpiTally.contributions("suggestion_assignment a", "a.assigned_at >= :e1from and a.assigned_at < :e1to"),
            KpiTally.contributions("suggestion_assignment a", "a.assigned_at >= :e2from and a.assigned_at < :e2to"),
            KpiTally.each(s -> "0"), COUNTED,
            Arrays.stream(KpiSet.values()).map(s -> switch (s.source()) {
                case FACTS -> "sum(" + s.column() + ")";
                case CLASS -> "coalesce(sum(n_assigned) filter (where " + s.condition() + "), 0)";
                case NOW -> "sum(n_overdue)";
            } + " as " + s.column()).collect(Collectors.joining(", ")));

    /** More changes than this waiting to be tallied (just after an import or a generation), and the figures are counted instead. */
    static final int PENDING_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final KpiProperties properties;
    private final ZoneId zone;

    SuggestionKpis(JdbcClient jdbc, Directory directory, KpiProperties properties,
                   @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.properties = properties;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The KPIs of every unit with assignments in the period, and the district's, as of {@code now}: from the
     * maintained counts, or counted from the period's assignments while more than {@value #PENDING_LIMIT}
     * changes wait to be tallied.
     */
    public KpiReport compute(KpiPeriod period, Instant now) {
        boolean backlog = jdbc.sql("select count(*) from (select 1 from suggestion_kpi_change limit :n) q")
                .param("n", PENDING_LIMIT + 1).query(Long.class).single() > PENDING_LIMIT;
        return backlog ? scan(period, now) : report(period, now, tallied(period, now), true);
    }

    /** The same figures counted from the period's assignments (beside {@link #compute}, for the tests). */
    KpiReport scan(KpiPeriod period, Instant now) {
        return report(period, now, params(jdbc.sql(AGGREGATE), period, now), false);
    }

    private JdbcClient.StatementSpec tallied(KpiPeriod period, Instant now) {
        LocalDate from = period.from();
        LocalDate end = period.to().plusDays(1); // exclusive
        // whole months: [firstWhole, afterWhole); the days outside them are read from the assignments
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterWhole = end.withDayOfMonth(1);
        LocalDate[] e1 = {from, firstWhole};
        LocalDate[] e2 = {afterWhole, end};
        if (firstWhole.isAfter(afterWhole)) { // within one month, neither end on a month's boundary
            e1 = new LocalDate[]{from, end};
            e2 = new LocalDate[]{end, end};
            afterWhole = firstWhole;
        }
        // whole years within the whole months: [firstYear, afterYear); none, and both are afterWhole
        LocalDate firstYear = firstWhole.getDayOfYear() == 1 ? firstWhole : firstWhole.withDayOfYear(1).plusYears(1);
        LocalDate afterYear = afterWhole.withDayOfYear(1);
        if (!firstYear.isBefore(afterYear)) {
            firstYear = afterWhole;
            afterYear = afterWhole;
        }
        return params(jdbc.sql(TALLIED), period, now).param("zone", zone.getId())
                .param("firstWhole", java.sql.Date.valueOf(firstWhole)).param("afterWhole", java.sql.Date.valueOf(afterWhole))
                .param("firstYear", java.sql.Date.valueOf(firstYear)).param("afterYear", java.sql.Date.valueOf(afterYear))
                .param("e1from", startOf(e1[0])).param("e1to", startOf(e1[1]))
                .param("e2from", startOf(e2[0])).param("e2to", startOf(e2[1]));
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    /** The report from rows of {@link #AGGREGATE}'s columns; {@code summed}: the suggestions are each row's share. */
    private KpiReport report(KpiPeriod period, Instant now, JdbcClient.StatementSpec statement, boolean summed) {
        Map<Long, long[]> byUnit = new HashMap<>();
        Map<Long, Map<String, Long>> classesByUnit = new HashMap<>();
        Map<String, Long> districtClasses = new HashMap<>();
        long[] district = new long[KpiSet.values().length];
        long[] suggestions = {0};
        // read by position (the order of AGGREGATE's select list): a province's years are 5,000 rows, and
        // finding each column by its name on each row (and naming it) was a third of the page's CPU (JFR)
        statement.query((ResultSet rs) -> {
            long unitId = rs.getLong(1);
            String cls = rs.getString(2);
            suggestions[0] = summed ? suggestions[0] + rs.getLong(3) : rs.getLong(3);
            long[] unit = byUnit.computeIfAbsent(unitId, k -> new long[KpiSet.values().length]);
            for (KpiSet s : KpiSet.values()) {
                long n = rs.getLong(FIRST_SET + s.ordinal());
                unit[s.ordinal()] += n;
                district[s.ordinal()] += n;
            }
            if (cls != null) {
                long n = rs.getLong(FIRST_SET + KpiSet.ASSIGNED.ordinal());
                classesByUnit.computeIfAbsent(unitId, k -> new HashMap<>()).put(cls, n);
                districtClasses.merge(cls, n, Long::sum);
            }
        });
        List<KpiReport.ResultClass> classes = resultClasses(districtClasses.keySet());
        List<UnitKpis> units = new ArrayList<>();
        for (Map.Entry<Long, String> unit : unitNames(byUnit.keySet()).entrySet()) {
            long[] n = byUnit.get(unit.getKey());
            units.add(kpis(unit.getKey(), unit.getValue(), n[KpiSet.ASSIGNED.ordinal()], n,
                    classesByUnit.getOrDefault(unit.getKey(), Map.of())));
        }
        UnitKpis total = kpis(null, null, suggestions[0], district, districtClasses);
        return new KpiReport(period, now, classes, properties.solvedClasses(), properties.implementedClasses(), List.copyOf(units), total);
    }

    @Override
    public Figures district(java.time.LocalDate from, java.time.LocalDate to, Instant now) {
        UnitKpis d = compute(KpiPeriod.between(from, to), now).district();
        return new Figures(d.onTimeRate().percent(), d.satisfactionRate().percent(), d.solvedRate().percent(), d.assigned());
    }

    /** One assignment behind a figure (click-through and the bulletin's overdue list). */
    public record KpiItem(long suggestionId, int seq, String title, boolean confidential, long unitId, String role, String status,
                          Instant assignedAt, Instant dueAt, boolean replied, boolean onTime, String finalClass, String evaluation,
                          boolean met, boolean overdue) {
    }

    /**
     * The assignments of a set, for one unit or the district ({@code unitId} null), optionally only
     * those of one final result class: exactly the rows its figure counts. Earliest due first.
     */
    public List<KpiItem> items(KpiPeriod period, Long unitId, KpiSet set, String resultClass, Instant now, int limit) {
        String sql = ROWS + """
                select suggestion_id, seq, title, confidential, unit_id, role, status, assigned_at, due_at, replied, on_time,
                       final_class, evaluation, met, overdue
                  from kpi_row
                 where %s
                   and (cast(:unit as bigint) is null or unit_id = :unit)
                   and (cast(:cls as varchar) is null or final_class = :cls)
                 order by due_at nulls last, suggestion_id, seq
                 limit :limit""".formatted(set.condition());
        return params(jdbc.sql(sql), period, now).param("unit", unitId)
                .param("cls", resultClass == null || resultClass.isBlank() ? null : resultClass)
                .param("limit", limit).query(KpiItem.class).list();
    }

    /** The dictionary of result classes, in its order: active ones, and inactive ones still counted. */
    public List<KpiReport.ResultClass> resultClasses(Set<String> counted) {
        return jdbc.sql("select code, name_zh, name_en, active from suggestion_result_class order by sort, code")
                .query((rs, i) -> rs.getBoolean("active") || counted.contains(rs.getString("code"))
                        ? new KpiReport.ResultClass(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Unit names in the directory's order (handling units by kind and name), units no longer listed after them. */
    public Map<Long, String> unitNames(Set<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Directory.UnitRef u : directory.handlingUnits()) {
            if (ids.contains(u.id())) {
                names.put(u.id(), u.name());
            }
        }
        ids.stream().filter(id -> !names.containsKey(id)).sorted()
                .forEach(id -> names.put(id, directory.unitName(id).orElse("#" + id)));
        return names;
    }

    private JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, KpiPeriod period, Instant now) {
        return spec.param("from", Timestamp.from(period.start(zone))).param("to", Timestamp.from(period.end(zone)))
                .param("now", Timestamp.from(now)).param("owing", OWING).param("active", ACTIVE)
                .param("solved", properties.solvedClasses()).param("implemented", properties.implementedClasses());
    }

    private static UnitKpis kpis(Long unitId, String name, long suggestions, long[] n, Map<String, Long> classes) {
        return new UnitKpis(unitId, name, suggestions, n[KpiSet.ASSIGNED.ordinal()], n[KpiSet.REPLIED.ordinal()],
                n[KpiSet.ON_TIME.ordinal()], n[KpiSet.LATE.ordinal()], n[KpiSet.OVERDUE.ordinal()],
                n[KpiSet.EVALUATED.ordinal()], n[KpiSet.SATISFIED.ordinal()], n[KpiSet.CLASSIFIED.ordinal()],
                n[KpiSet.SOLVED.ordinal()], n[KpiSet.IMPLEMENTED.ordinal()], n[KpiSet.MET.ordinal()], Map.copyOf(classes));
    }
}
