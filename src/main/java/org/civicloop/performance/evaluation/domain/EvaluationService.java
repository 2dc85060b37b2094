package org.civicloop.performance.evaluation.domain;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.performance.Decimals;
import org.civicloop.performance.evaluation.EvaluationEvents.FiguresEntered;
import org.civicloop.performance.evaluation.EvaluationEvents.IndicatorCreated;
import org.civicloop.performance.evaluation.EvaluationEvents.SchemeChanged;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.spreadsheet.Row;
import org.civicloop.shared.spreadsheet.Table;
import org.civicloop.shared.spreadsheet.TableException;
import org.civicloop.shared.spreadsheet.TableReader;
import org.civicloop.suggestions.SuggestionKpiFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator library, schemes, figures (by form, by import, from CivicLoop's own loops), items,
 * and the moves review → lock → publish. Each write asks {@link EvaluationPermissions} first and
 * refuses a scheme not open for entry; the database's trigger refuses too.
 */
@Service
@RequiredArgsConstructor
public class EvaluationService {

    static final int MAX_IMPORT_ROWS = 5_000;
    static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;
    /** The largest figure accepted (absolute), so a slip of the keyboard is not scored. */

    private final JdbcClient jdbc;
    private final SchemeRepository schemes;
    private final ApplicationEventPublisher events;
    private final Districts districts;
    private final MessageSource messages;
    private final SuggestionKpiFigures kpis;
    @Value("${civicloop.performance.home-district:${civicloop.opinions.district-code:520111}}")
    private final String homeDistrict;

    // ---- library

    public List<Indicator> indicators() {
        return jdbc.sql("select * from perf_indicator order by category, code").query((rs, n) -> indicator(rs)).list();
    }

    public Optional<Indicator> indicator(long id) {
        return jdbc.sql("select * from perf_indicator where id = :id").param("id", id).query((rs, n) -> indicator(rs)).optional();
    }

    public Optional<Indicator> indicatorByCode(String code) {
        return jdbc.sql("select * from perf_indicator where code = :c").param("c", code).query((rs, n) -> indicator(rs)).optional();
    }

    private static Indicator indicator(java.sql.ResultSet rs) throws java.sql.SQLException {
        long source = rs.getLong("source_unit_id");
        Long sourceUnit = rs.wasNull() ? null : source;
        String loop = rs.getString("own_loop");
        return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                IndicatorCategory.valueOf(rs.getString("category")), Direction.valueOf(rs.getString("direction")),
                sourceUnit, loop == null ? null : OwnLoop.valueOf(loop));
    }

    @Transactional
    public Indicator createIndicator(CivicUser user, IndicatorDraft draft, Instant now) {
        requireManage(user);
        IndicatorDraft d = draft.normalised();
        List<InvalidInput.Problem> problems = new ArrayList<>(d.check());
        if (problems.isEmpty() && indicatorByCode(d.code()).isPresent()) {
            problems.add(new InvalidInput.Problem("code", "performance.eval.error.codeTaken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into perf_indicator (code, name, unit, category, direction, source_unit_id, own_loop, created_at)
                        values (:code, :name, :unit, :category, :direction, :source, :loop, :at) returning id""")
                .param("code", d.code()).param("name", d.name()).param("unit", d.unit()).param("category", d.category())
                .param("direction", d.direction()).param("source", d.sourceUnitId()).param("loop", d.ownLoop())
                .param("at", Timestamp.from(now)).query(Long.class).single();
        events.publishEvent(new IndicatorCreated(id, d.code(), d.name()));
        return indicator(id).orElseThrow();
    }

    // ---- schemes

    /** Every scheme, the period ending last first (then the newest). */
    public List<Scheme> schemes() {
        return jdbc.sql("select * from perf_scheme order by id desc").query((rs, n) -> SchemeRepository.map(rs)).list().stream()
                .sorted(java.util.Comparator.comparing((Scheme s) -> s.period().lastMonth()).reversed()).toList();
    }

    public Scheme scheme(long id) {
        return schemes.find(id).orElseThrow(() -> new NotFoundException("performanceScheme", id));
    }

    @Transactional
    public Scheme createScheme(CivicUser user, SchemeDraft draft, Instant now) {
        requireManage(user);
        List<InvalidInput.Problem> problems = new ArrayList<>(draft.check());
        if (draft.previousSchemeId() != null && schemes.find(draft.previousSchemeId()).isEmpty()) {
            problems.add(new InvalidInput.Problem("previousSchemeId", "performance.eval.error.schemeNotFound"));
        }
        if (problems.isEmpty() && jdbc.sql("select exists (select 1 from perf_scheme where name = :n and period_code = :c)")
                .param("n", draft.name().strip()).param("c", draft.period().code()).query(Boolean.class).single()) {
            problems.add(new InvalidInput.Problem("name", "performance.eval.error.schemeTaken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Scheme s = schemes.save(Scheme.create(draft.name().strip(), draft.period(), draft.previousSchemeId(),
                draft.advancedCount(), now));
        events.publishEvent(s.created());
        return s;
    }

    /** The scheme's indicators as it scores them, in its order. */
    public List<IndicatorRule> rules(long schemeId) {
        return jdbc.sql("""
                        select si.*, i.code, i.name, i.unit, i.direction from perf_scheme_indicator si
                          join perf_indicator i on i.id = si.indicator_id
                         where si.scheme_id = :s and not si.reference order by si.sort, i.code""")
                .param("s", schemeId)
                .query((rs, n) -> new IndicatorRule(rs.getLong("indicator_id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("unit"), Direction.valueOf(rs.getString("direction")), rs.getBigDecimal("weight"),
                        ScoringMethod.valueOf(rs.getString("method")), rs.getBigDecimal("floor_value"),
                        rs.getBigDecimal("satisfactory"), rs.getBigDecimal("target"), rs.getBigDecimal("cap"),
                        rs.getBigDecimal("score_min"), rs.getBigDecimal("score_max")))
                .list();
    }

    /**
     * The scheme's reference indicators (参考指标): computed from CivicLoop's own loops, which hold the
     * home district's data only, so shown beside the ranking and never scored.
     */
    public List<Indicator> referenceIndicators(long schemeId) {
        return jdbc.sql("""
                        select i.* from perf_scheme_indicator si join perf_indicator i on i.id = si.indicator_id
                         where si.scheme_id = :s and si.reference order by si.sort, i.code""")
                .param("s", schemeId).query((rs, n) -> indicator(rs)).list();
    }

    /** The home district whose data CivicLoop holds (its own-loop figures belong to it alone). */
    public String homeDistrict() {
        return homeDistrict;
    }

    /**
     * Computes the own-loop figures of an open scheme for the home district from the suggestions'
     * KPIs over the scheme's period; a rate without a denominator leaves the figure missing. Run when
     * such an indicator joins the scheme and again at review, so what is locked is what was reviewed.
     */
    private void refreshOwnLoop(Scheme s, Instant now) {
        List<Indicator> loops = referenceIndicators(s.id());
        if (loops.isEmpty()) {
            return;
        }
        SuggestionKpiFigures.Figures f = kpis.district(s.period().firstDay(), s.period().lastDay(), now);
        for (Indicator i : loops) {
            BigDecimal value = switch (i.ownLoop()) {
                case ON_TIME_REPLY_RATE -> f.onTimeReplyRate();
                case SATISFACTION_RATE -> f.satisfactionRate();
                case SOLVED_RATE -> f.solvedRate();
            };
            write(s.id(), i.id(), homeDistrict, value, null, now, "LOOP");
        }
    }

    @Transactional
    public void addIndicator(CivicUser user, long schemeId, RuleDraft draft) {
        requireManage(user);
        Scheme s = lockScheme(schemeId);
        s.requireFilling();
        Optional<Indicator> indicator = draft.indicatorId() == null ? Optional.empty() : indicator(draft.indicatorId());
        boolean ownLoop = indicator.isPresent() && indicator.get().ownLoop() != null;
        List<InvalidInput.Problem> problems = new ArrayList<>(ownLoop ? List.of() : draft.check());
        if (draft.indicatorId() != null && indicator.isEmpty()) {
            problems.add(new InvalidInput.Problem("indicatorId", "performance.eval.error.indicatorNotFound"));
        }
        if (indicator.isPresent() && jdbc.sql("select exists (select 1 from perf_scheme_indicator where scheme_id = :s and indicator_id = :i)")
                .param("s", schemeId).param("i", draft.indicatorId()).query(Boolean.class).single()) {
            problems.add(new InvalidInput.Problem("indicatorId", "performance.eval.error.indicatorInScheme"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (ownLoop) {
            jdbc.sql("""
                            insert into perf_scheme_indicator (scheme_id, indicator_id, weight, method, reference, sort)
                            values (:s, :i, null, null, true,
                                    (select coalesce(max(sort), 0) + 1 from perf_scheme_indicator where scheme_id = :s))""")
                    .param("s", schemeId).param("i", draft.indicatorId()).update();
            refreshOwnLoop(s, Instant.now());
            events.publishEvent(new SchemeChanged(schemeId, "evaluation.indicatorAdded",
                    Map.of("indicatorId", draft.indicatorId(), "reference", true)));
            return;
        }
        RuleDraft d = draft;
        jdbc.sql("""
                        insert into perf_scheme_indicator (scheme_id, indicator_id, weight, method, floor_value, satisfactory, target,
                                                           cap, score_min, score_max, sort)
                        values (:s, :i, :w, :m, :floor, :sat, :target, :cap, :min, :max,
                                (select coalesce(max(sort), 0) + 1 from perf_scheme_indicator where scheme_id = :s))""")
                .param("s", schemeId).param("i", d.indicatorId()).param("w", d.weightValue()).param("m", d.method().name())
                .param("floor", d.floorValue()).param("sat", d.satisfactoryValue()).param("target", d.targetValue())
                .param("cap", d.capValue()).param("min", d.scoreMinValue()).param("max", d.scoreMaxValue()).update();
        events.publishEvent(new SchemeChanged(schemeId, "evaluation.indicatorAdded",
                Map.of("indicatorId", d.indicatorId(), "weight", d.weightValue(), "method", d.method().name())));
    }

    public List<Adjustment> adjustments(long schemeId) {
        return jdbc.sql("select district_code, kind, points, reason from perf_adjustment where scheme_id = :s order by id")
                .param("s", schemeId)
                .query((rs, n) -> new Adjustment(rs.getString("district_code"), AdjustmentKind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("points"), rs.getString("reason")))
                .list();
    }

    @Transactional
    public void addAdjustment(CivicUser user, long schemeId, AdjustmentDraft draft, Instant now) {
        requireManage(user);
        Scheme s = lockScheme(schemeId);
        s.requireFilling();
        List<InvalidInput.Problem> problems = new ArrayList<>(draft.check());
        if (draft.districtCode() != null && !draft.districtCode().isBlank() && !districts.codes().contains(draft.districtCode())) {
            problems.add(new InvalidInput.Problem("districtCode", "performance.eval.error.district"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                        insert into perf_adjustment (scheme_id, district_code, kind, points, reason, created_at)
                        values (:s, :d, :k, :p, :r, :at)""")
                .param("s", schemeId).param("d", draft.districtCode()).param("k", draft.kind().name())
                .param("p", draft.pointsValue()).param("r", draft.reason().strip()).param("at", Timestamp.from(now)).update();
        events.publishEvent(new SchemeChanged(schemeId, "evaluation.adjustmentAdded",
                Map.of("district", draft.districtCode(), "kind", draft.kind().name(), "points", draft.pointsValue())));
    }

    // ---- figures

    /** indicator id → district code → figure. */
    public Map<Long, Map<String, BigDecimal>> figures(long schemeId) {
        Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
        jdbc.sql("select indicator_id, district_code, value from perf_figure where scheme_id = :s").param("s", schemeId)
                .query((java.sql.ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong("indicator_id"), k -> new HashMap<>())
                            .put(rs.getString("district_code"), rs.getBigDecimal("value"));
                });
        return out;
    }

    /** The indicators of the scheme this user may enter figures for, while it is open for entry. */
    public List<Indicator> enterable(CivicUser user, long schemeId) {
        Scheme s = scheme(schemeId);
        return rules(schemeId).stream().map(r -> indicator(r.indicatorId()).orElseThrow())
                .filter(i -> EvaluationPermissions.mayEnter(user, i, s.status())).toList();
    }

    /**
     * One indicator's figures for the districts, by form: every value checked first (a number by
     * {@link Decimals}; a comma is refused with its own message); one bad value refuses them all. A
     * blank value removes the figure (missing).
     */
    @Transactional
    public void enterFigures(CivicUser user, long schemeId, long indicatorId, Map<String, String> raw, Instant now) {
        Scheme s = lockScheme(schemeId);
        Indicator indicator = schemeIndicator(schemeId, indicatorId);
        requireEnter(user, indicator, s);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String code : districts.codes()) {
            String text = raw.getOrDefault(code, "");
            text = text == null ? "" : text.strip();
            if (text.isEmpty()) {
                values.put(code, null);
                continue;
            }
            Decimals.Read v = Decimals.read(text);
            if (v.problem() != null) {
                problems.add(new InvalidInput.Problem(code, v.problem()));
            } else {
                values.put(code, v.value());
            }
        }
        for (String key : raw.keySet()) {
            if (!values.containsKey(key) && problems.stream().noneMatch(p -> p.field().equals(key))) {
                problems.add(new InvalidInput.Problem(key, "performance.eval.error.district"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        values.forEach((code, v) -> write(schemeId, indicatorId, code, v, user, now, "FORM"));
        events.publishEvent(new FiguresEntered(schemeId, indicatorId, (int) values.values().stream().filter(x -> x != null).count(), "FORM"));
    }

    /**
     * One row of an import refused, with the line it came from. Serializable: the page hands the list
     * to the next request as a flash attribute, which lives in the (JDBC-stored) session.
     */
    public record ImportProblem(int line, String messageKey, Object... arguments) implements java.io.Serializable {

        public ImportProblem {
            arguments = java.util.Arrays.stream(arguments).map(a -> a == null ? "" : a.toString()).toArray();
        }
    }

    /** What an import did: the figures written, or the rows refused (then nothing was written). */
    public record ImportResult(int imported, List<ImportProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Figures from a table (Excel .xlsx or CSV) with the columns indicator code, district (code or
     * name) and value, headed in Chinese or English ({@code performance.eval.import.column.*}).
     * All or nothing: every row is checked first and each bad row reported with its line; one bad
     * row and nothing is written. A user may import only the indicators they may enter.
     */
    @Transactional
    public ImportResult importFigures(CivicUser user, long schemeId, InputStream in, Instant now) {
        Scheme s = lockScheme(schemeId);
        if (!EvaluationPermissions.mayEnterAny(user)) {
            throw new AccessDeniedException("performance");
        }
        s.requireFilling();
        Map<String, IndicatorRule> rulesByCode = new HashMap<>();
        rules(schemeId).forEach(r -> rulesByCode.put(r.code(), r));
        List<ImportProblem> problems = new ArrayList<>();
        record Figure(long indicatorId, String district, BigDecimal value) {
        }
        List<Figure> figures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Table table = TableReader.withLimits(MAX_IMPORT_ROWS, MAX_IMPORT_BYTES).open(in)) {
            String[] columns = columns(table.header());
            table.requireColumns(columns);
            for (Row row = table.next(); row != null; row = table.next()) {
                int line = row.line();
                for (Row.Problem p : row.problems()) {
                    problems.add(new ImportProblem(line, p.messageKey(), p.arguments()));
                }
                String code = row.get(columns[0]);
                String districtText = row.get(columns[1]);
                String valueText = row.get(columns[2]);
                IndicatorRule rule = rulesByCode.get(code);
                Optional<Districts.District> district = districts.byCodeOrName(districtText);
                Decimals.Read read = Decimals.read(valueText);
                Optional<BigDecimal> value = read.number();
                if (rule == null) {
                    problems.add(new ImportProblem(line, "performance.eval.import.error.indicator", code));
                } else if (!EvaluationPermissions.mayEnter(user, indicator(rule.indicatorId()).orElseThrow(), s.status())) {
                    problems.add(new ImportProblem(line, "performance.eval.import.error.notYours", code));
                }
                if (district.isEmpty()) {
                    problems.add(new ImportProblem(line, "performance.eval.import.error.district", districtText));
                }
                if (value.isEmpty()) {
                    problems.add(new ImportProblem(line, Decimals.COMMA.equals(read.problem())
                            ? "performance.eval.import.error.comma" : "performance.eval.import.error.value", valueText));
                }
                if (rule != null && district.isPresent() && !seen.add(code + "/" + district.get().code())) {
                    problems.add(new ImportProblem(line, "performance.eval.import.error.duplicate", code, district.get().name()));
                }
                if (rule != null && district.isPresent() && value.isPresent()) {
                    figures.add(new Figure(rule.indicatorId(), district.get().code(), value.get()));
                }
            }
        } catch (TableException e) {
            problems.add(new ImportProblem(e.line(), e.messageKey(), e.arguments()));
        }
        if (problems.isEmpty() && figures.isEmpty()) {
            problems.add(new ImportProblem(0, "performance.eval.import.error.empty"));
        }
        if (!problems.isEmpty()) {
            return new ImportResult(0, List.copyOf(problems));
        }
        figures.forEach(f -> write(schemeId, f.indicatorId(), f.district(), f.value(), user, now, "IMPORT"));
        events.publishEvent(new FiguresEntered(schemeId, null, figures.size(), "IMPORT"));
        return new ImportResult(figures.size(), List.of());
    }

    /** The header names of the import, in the language the table uses (Chinese unless all English names are there). */
    private String[] columns(List<String> header) {
        String[] en = columnNames(Locale.ENGLISH);
        return header.containsAll(List.of(en)) ? en : columnNames(Locale.SIMPLIFIED_CHINESE);
    }

    public String[] columnNames(Locale locale) {
        return new String[] {
                messages.getMessage("performance.eval.import.column.indicator", null, locale),
                messages.getMessage("performance.eval.import.column.district", null, locale),
                messages.getMessage("performance.eval.import.column.value", null, locale)};
    }

    // ---- moves

    @Transactional
    public void review(CivicUser user, long schemeId) {
        requireManage(user);
        Scheme s = lockScheme(schemeId);
        if (s.status() == SchemeStatus.FILLING) {
            refreshOwnLoop(s, Instant.now());
        }
        var e = s.review();
        schemes.save(s);
        events.publishEvent(e);
    }

    @Transactional
    public void reopen(CivicUser user, long schemeId) {
        requireManage(user);
        Scheme s = lockScheme(schemeId);
        var e = s.reopen();
        schemes.save(s);
        events.publishEvent(e);
    }

    /** Freezes the scores: computed from the reviewed figures, written, then the period is locked. */
    @Transactional
    public Scorecard lock(CivicUser user, long schemeId, Instant now) {
        requireManage(user);
        Scheme s = lockScheme(schemeId);
        if (!s.status().canTransitionTo(SchemeStatus.LOCKED)) {
            throw BusinessException.conflict(s.status().frozen() ? "performance.eval.error.locked" : "performance.eval.error.notReviewed");
        }
        Scorecard card = compute(s);
        for (Scorecard.DistrictResult d : card.districts()) {
            jdbc.sql("""
                            insert into perf_district_score (scheme_id, district_code, composite, bonus, penalty, rank, vetoed, advanced)
                            values (:s, :d, :c, :b, :p, :r, :v, :a)""")
                    .param("s", schemeId).param("d", d.districtCode()).param("c", d.composite()).param("b", d.bonus())
                    .param("p", d.penalty()).param("r", d.rank()).param("v", d.vetoed()).param("a", d.advanced()).update();
            for (Scorecard.IndicatorScore i : d.indicators().values()) {
                jdbc.sql("""
                                insert into perf_indicator_score (scheme_id, indicator_id, district_code, value, index_score, points, rule, missing)
                                values (:s, :i, :d, :v, :x, :p, :r, :m)""")
                        .param("s", schemeId).param("i", i.indicatorId()).param("d", d.districtCode()).param("v", i.value())
                        .param("x", i.index()).param("p", i.points()).param("r", i.rule()).param("m", i.missing()).update();
            }
        }
        var e = s.lock(now);
        schemes.save(s);
        events.publishEvent(e);
        return card;
    }

    @Transactional
    public void publish(CivicUser user, long schemeId, Instant now) {
        requireManage(user);
        Scheme s = lockScheme(schemeId);
        var e = s.publish(now);
        schemes.save(s);
        events.publishEvent(e);
    }

    // ---- scores

    /** The scores computed now from the scheme's figures and items (for a locked scheme: the recomputation). */
    public Scorecard compute(long schemeId) {
        return compute(scheme(schemeId));
    }

    private Scorecard compute(Scheme s) {
        return Scoring.score(rules(s.id()), districts.codes(), figures(s.id()), adjustments(s.id()), s.advancedCount());
    }

    /** The scores frozen at lock, if the scheme is locked. */
    public Optional<Scorecard> frozen(long schemeId) {
        Map<String, Map<Long, Scorecard.IndicatorScore>> byDistrict = new HashMap<>();
        jdbc.sql("select * from perf_indicator_score where scheme_id = :s").param("s", schemeId).query((java.sql.ResultSet rs) -> {
            byDistrict.computeIfAbsent(rs.getString("district_code"), k -> new HashMap<>())
                    .put(rs.getLong("indicator_id"), new Scorecard.IndicatorScore(rs.getLong("indicator_id"), rs.getBigDecimal("value"),
                            rs.getBigDecimal("index_score"), rs.getBigDecimal("points"), rs.getString("rule"), rs.getBoolean("missing")));
        });
        List<Scorecard.DistrictResult> results = jdbc.sql("select * from perf_district_score where scheme_id = :s order by rank, district_code")
                .param("s", schemeId)
                .query((rs, n) -> new Scorecard.DistrictResult(rs.getString("district_code"), rs.getBigDecimal("composite"),
                        rs.getBigDecimal("bonus"), rs.getBigDecimal("penalty"), rs.getInt("rank"), rs.getBoolean("vetoed"),
                        rs.getBoolean("advanced"), byDistrict.getOrDefault(rs.getString("district_code"), Map.of())))
                .list();
        return results.isEmpty() ? Optional.empty() : Optional.of(new Scorecard(results));
    }

    /** What the pages show: the frozen scores of a locked scheme, else the scores as they stand (provisional). */
    public Scorecard results(long schemeId) {
        Scheme s = scheme(schemeId);
        return s.status().frozen() ? frozen(schemeId).orElseGet(() -> compute(s)) : compute(s);
    }

    // ---- helpers

    private Scheme lockScheme(long id) {
        return schemes.lock(id).orElseThrow(() -> new NotFoundException("performanceScheme", id));
    }

    private Indicator schemeIndicator(long schemeId, long indicatorId) {
        if (rules(schemeId).stream().noneMatch(r -> r.indicatorId() == indicatorId)) {
            throw new NotFoundException("performanceIndicator", indicatorId);
        }
        return indicator(indicatorId).orElseThrow();
    }

    private static void requireManage(CivicUser user) {
        if (!EvaluationPermissions.mayManage(user)) {
            throw new AccessDeniedException("performance");
        }
    }

    private static void requireEnter(CivicUser user, Indicator indicator, Scheme s) {
        if (!EvaluationPermissions.mayEnterAny(user)) {
            throw new AccessDeniedException("performance");
        }
        s.requireFilling();
        if (!EvaluationPermissions.mayEnter(user, indicator, s.status())) {
            throw new AccessDeniedException("performance");
        }
    }

    private void write(long schemeId, long indicatorId, String district, BigDecimal value, CivicUser user, Instant now, String source) {
        if (value == null) {
            jdbc.sql("delete from perf_figure where scheme_id = :s and indicator_id = :i and district_code = :d")
                    .param("s", schemeId).param("i", indicatorId).param("d", district).update();
            return;
        }
        jdbc.sql("""
                        insert into perf_figure (scheme_id, indicator_id, district_code, value, entered_by, entered_at, source)
                        values (:s, :i, :d, :v, :by, :at, :src)
                        on conflict (scheme_id, indicator_id, district_code)
                        do update set value = excluded.value, entered_by = excluded.entered_by, entered_at = excluded.entered_at,
                                      source = excluded.source""")
                .param("s", schemeId).param("i", indicatorId).param("d", district).param("v", value)
                .param("by", user == null ? null : user.accountId()).param("at", Timestamp.from(now)).param("src", source).update();
    }

}
