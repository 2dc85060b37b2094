package org.civicloop.suggestions.ledger;

import org.civicloop.shared.ReportReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.SuggestionQueries;
import org.civicloop.suggestions.domain.SuggestionStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's ledger of suggestions (建议台账): every suggestion past the draft matching the filters,
 * newest first, keyset-paged on the id, and streamed row by row for the Excel export. Each row's
 * units, reply deadline (as in SuggestionQueries.Row) and result classes come from one lateral aggregate over its assignments in
 * the same statement: no query per row, however long the ledger.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@ReportReads
public class SuggestionLedger {

    private static final String ACTIVE = "('ASSIGNED', 'SIGNED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED')";

    /**
     * The assignments {@code a} whose deadline the row shows: still in a unit's hands, with a due time, and, when
     * the ledger is filtered by a unit ({@code :dueUnit} not null), that unit's own. The due column is the first of
     * them (a lead or separate unit's before a co-unit's), and "overdue only" keeps the rows whose due column has
     * passed: the same assignment, so a row listed as overdue never reads "N working days left", and a unit's
     * overdue rows are its own (as on its inbox), not those where another unit of the suggestion is late.
     */
    private static final String RUNNING = "a.status in " + ACTIVE
            + " and a.due_at is not null and (cast(:dueUnit as bigint) is null or a.unit_id = :dueUnit)";

    private static final String SELECT = """
            select s.id, s.title, s.lead_deputy_id, s.category, s.status, s.key_suggestion, s.period, s.submitted_at,
                   s.evaluation, u.lead_units, u.co_units, u.due_at, u.warn_at, u.classes
              from suggestion s
              left join lateral (
                   select string_agg(a.unit_id::text, ',' order by a.seq) filter (where a.role <> 'CO' and a.status <> 'RETURNED') as lead_units,
                          string_agg(a.unit_id::text, ',' order by a.seq) filter (where a.role = 'CO' and a.status <> 'RETURNED') as co_units,
                          (array_agg(a.due_at order by a.role = 'CO', a.due_at, a.seq) filter (where %2$s))[1] as due_at,
                          (array_agg(a.warn_at order by a.role = 'CO', a.due_at, a.seq) filter (where %2$s))[1] as warn_at,
                          string_agg(distinct a.result_class, '/' order by a.result_class) filter (where a.role <> 'CO') as classes
                     from suggestion_assignment a where a.suggestion_id = s.id) u on true
            """.formatted(ACTIVE, RUNNING);

    private final JdbcClient jdbc;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /**
     * What the office filters on; blank text and null mean "any".
     *
     * @param year        the year the suggestion was submitted in
     * @param period      {@code SESSION} (会议期间) or {@code RECESS} (闭会期间)
     * @param overdueOnly only suggestions whose deadline in the due column has passed (see {@link #RUNNING})
     * @param resultClass a lead or separate unit's current result class (A–D, the dictionary's codes)
     * @param evaluation  the lead deputy's evaluation
     */
    public record Filter(Integer year, String period, String status, String category, Long unitId, boolean keyOnly,
                         boolean overdueOnly, String resultClass, String evaluation) {

        public Filter {
            period = blankToEmpty(period);
            status = blankToEmpty(status);
            category = blankToEmpty(category);
            resultClass = blankToEmpty(resultClass);
            evaluation = blankToEmpty(evaluation);
        }

        public static Filter none() {
            return new Filter(null, "", "", "", null, false, false, "", "");
        }

        private static String blankToEmpty(String s) {
            return s == null ? "" : s.strip();
        }
    }

    /**
     * One line of the ledger; units as ids (lead or separate units, then co-units), names are the
     * caller's to add from one look-up.
     */
    public record Row(long id, String title, long leadDeputyId, String category, String status, boolean keySuggestion,
                      String period, Instant submittedAt, String evaluation, List<Long> leadUnitIds, List<Long> coUnitIds,
                      Instant dueAt, Instant warnAt, String resultClasses) {
    }

    /** Refuses filter values no suggestion can have, naming the filter, so a typo is not an empty ledger. */
    public void check(Filter f, SuggestionQueries dictionaries) {
        if (f.year() != null && (f.year() < 2000 || f.year() > 2100)) {
            throw BusinessException.invalid("ledger.suggestions.error.year");
        }
        if (!f.period().isEmpty() && Arrays.stream(SubmissionPeriod.values()).noneMatch(p -> p.name().equals(f.period()))) {
            throw BusinessException.invalid("ledger.suggestions.error.filter");
        }
        if (!f.status().isEmpty() && Arrays.stream(SuggestionStatus.values()).noneMatch(p -> p.name().equals(f.status()))) {
            throw BusinessException.invalid("ledger.suggestions.error.filter");
        }
        if (!f.evaluation().isEmpty() && Arrays.stream(Evaluation.values()).noneMatch(p -> p.name().equals(f.evaluation()))) {
            throw BusinessException.invalid("ledger.suggestions.error.filter");
        }
        if (!f.category().isEmpty() && dictionaries.categories().stream().noneMatch(c -> c.code().equals(f.category()))) {
            throw BusinessException.invalid("ledger.suggestions.error.filter");
        }
        if (!f.resultClass().isEmpty() && dictionaries.resultClasses().stream().noneMatch(c -> c.code().equals(f.resultClass()))) {
            throw BusinessException.invalid("ledger.suggestions.error.filter");
        }
    }

    /** Up to {@code limit} rows with ids below {@code beforeId} (null: from the newest). */
    public List<Row> page(Filter f, Long beforeId, int limit, Instant now) {
        Where w = where(f, now);
        if (beforeId != null) {
            w.sql.append(" and s.id < :beforeId");
            w.params.put("beforeId", beforeId);
        }
        return jdbc.sql(SELECT + w.sql + " order by s.id desc limit :limit").params(w.params).param("limit", limit)
                .query(ROW).list();
    }

    public long count(Filter f, Instant now) {
        Where w = where(f, now);
        return jdbc.sql("select count(*) from suggestion s " + w.sql).params(w.params).query(Long.class).single();
    }

    /** When the first suggestion was submitted (null before any), through the index on the submission time. */
    public Instant firstSubmitted() {
        return jdbc.sql("select min(submitted_at) from suggestion").query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
    }

    /** Streams every matching row in the page's order; the consumer writes each one out and keeps nothing. */
    @Transactional(readOnly = true)
    public void stream(Filter f, Instant now, Consumer<Row> sink) {
        Where w = where(f, now);
        try (var rows = jdbc.sql(SELECT + w.sql + " order by s.id desc").params(w.params).withFetchSize(1000)
                .query(ROW).stream()) {
            rows.forEach(sink);
        }
    }

    private record Where(StringBuilder sql, Map<String, Object> params) {
    }

    /** The filters as SQL, with only the conditions asked for, so each query gets a plan of its own. */
    private Where where(Filter f, Instant now) {
        StringBuilder sql = new StringBuilder(" where s.status <> 'DRAFT'");
        Map<String, Object> params = new HashMap<>();
        if (f.year() != null) {
            sql.append(" and s.submitted_at >= :yearStart and s.submitted_at < :yearEnd");
            params.put("yearStart", Timestamp.from(LocalDate.of(f.year(), 1, 1).atStartOfDay(zone).toInstant()));
            params.put("yearEnd", Timestamp.from(LocalDate.of(f.year() + 1, 1, 1).atStartOfDay(zone).toInstant()));
        }
        if (!f.period().isEmpty()) {
            sql.append(" and s.period = :period");
            params.put("period", f.period());
        }
        if (!f.status().isEmpty()) {
            sql.append(" and s.status = :status");
            params.put("status", f.status());
        }
        if (!f.category().isEmpty()) {
            sql.append(" and s.category = :category");
            params.put("category", f.category());
        }
        if (f.keyOnly()) {
            sql.append(" and s.key_suggestion");
        }
        if (!f.evaluation().isEmpty()) {
            sql.append(" and s.evaluation = :evaluation");
            params.put("evaluation", f.evaluation());
        }
        if (f.unitId() != null) {
            sql.append(" and exists (select 1 from suggestion_assignment a where a.suggestion_id = s.id and a.unit_id = :unitId)");
            params.put("unitId", f.unitId());
        }
        if (!f.resultClass().isEmpty()) {
            sql.append(" and exists (select 1 from suggestion_assignment a where a.suggestion_id = s.id and a.role <> 'CO'"
                    + " and a.result_class = :resultClass)");
            params.put("resultClass", f.resultClass());
        }
        if (f.overdueOnly()) {
            sql.append(" and (select a.due_at from suggestion_assignment a where a.suggestion_id = s.id and ").append(RUNNING)
                    .append(" order by a.role = 'CO', a.due_at, a.seq limit 1) < :now");
            params.put("now", Timestamp.from(now));
        }
        params.put("dueUnit", f.unitId());
        return new Where(sql, params);
    }

    private static final RowMapper<Row> ROW = (ResultSet rs, int n) -> new Row(rs.getLong("id"), rs.getString("title"),
            rs.getLong("lead_deputy_id"), rs.getString("category"), rs.getString("status"), rs.getBoolean("key_suggestion"),
            rs.getString("period"), instant(rs, "submitted_at"), rs.getString("evaluation"), ids(rs.getString("lead_units")),
            ids(rs.getString("co_units")), instant(rs, "due_at"), instant(rs, "warn_at"), rs.getString("classes"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<Long> ids(String csv) {
        if (csv == null || csv.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String id : csv.split(",")) {
            ids.add(Long.parseLong(id));
        }
        return ids;
    }
}
