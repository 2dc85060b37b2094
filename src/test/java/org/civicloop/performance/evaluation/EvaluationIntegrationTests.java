package org.civicloop.performance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicloop.organization.CivicUser;
import org.civicloop.performance.evaluation.domain.AdjustmentDraft;
import org.civicloop.performance.evaluation.domain.EvaluationService;
import org.civicloop.performance.evaluation.domain.EvaluationService.ImportProblem;
import org.civicloop.performance.evaluation.domain.EvaluationService.ImportResult;
import org.civicloop.performance.evaluation.domain.RuleDraft;
import org.civicloop.performance.evaluation.domain.Scheme;
import org.civicloop.performance.evaluation.domain.SchemeDraft;
import org.civicloop.performance.evaluation.domain.SchemeStatus;
import org.civicloop.performance.evaluation.domain.Scorecard;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Entry, import, review, lock and publish against the real database: the demo's ranks come out of
 * its figures, a locked period recomputes to the same scores and refuses edits through the service
 * and through SQL, a malformed sheet is reported row by row and imports nothing.
 */
@IntegrationTest
class EvaluationIntegrationTests {

    static final String HUAXI = "520111";

    @Autowired
    EvaluationService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.civicloop.suggestions.SuggestionKpiFigures kpis;
    @Autowired
    javax.sql.DataSource dataSource;

    CivicUser user(String name) {
        return (CivicUser) users.loadUserByUsername(name);
    }

    long demoScheme(String name, String period) {
        return jdbc.sql("select id from perf_scheme where name = :n and period_code = :p").param("n", name).param("p", period)
                .query(Long.class).single();
    }

    long halfYear() {
        return demoScheme(service.schemes().stream().filter(s -> s.period().code().equals("2026-H1")).findFirst().orElseThrow().name(),
                "2026-H1");
    }

    long schemeOf(String period) {
        return service.schemes().stream().filter(s -> s.period().code().equals(period)).findFirst().orElseThrow().id();
    }

    /** A fresh scheme open for entry with GDP growth (efficacy) and green space (lead). */
    long freshScheme() {
        CivicUser office = user("evaluation");
        Scheme s = service.createScheme(office, new SchemeDraft("test scheme " + System.nanoTime(), "YEAR", "2024", null, 3), Instant.now());
        service.addIndicator(office, s.id(), new RuleDraft(id("GDP_GROWTH"), "60", "EFFICACY", null, null, null, null, null, null));
        service.addIndicator(office, s.id(), new RuleDraft(id("GREEN_SPACE"), "40", "LEAD", null, null, null, null, null, null));
        return s.id();
    }

    long id(String code) {
        return service.indicatorByCode(code).orElseThrow().id();
    }

    @Test
    void theDemoRanksComeOutOfTheFigures() {
        assertThat(service.results(schemeOf("2026-H1")).of(HUAXI).rank()).isEqualTo(1);
        assertThat(service.results(schemeOf("2025")).of(HUAXI).rank()).isEqualTo(3);
        assertThat(service.results(schemeOf("2026-M09")).of(HUAXI).rank()).isEqualTo(3);
        // the half-year is compared with the year before it; the year has no previous period
        assertThat(service.scheme(schemeOf("2026-H1")).previousSchemeId()).isEqualTo(schemeOf("2025"));
        assertThat(service.scheme(schemeOf("2025")).previousSchemeId()).isNull();
        // the veto item of the half-year leaves 息烽县 its score but not the title
        Scorecard.DistrictResult xifeng = service.results(schemeOf("2026-H1")).of("520122");
        assertThat(xifeng.vetoed()).isTrue();
        assertThat(xifeng.advanced()).isFalse();
        assertThat(xifeng.composite()).isPositive();
    }

    @Test
    void aLockedPeriodRecomputesToTheSameScores() {
        long h1 = schemeOf("2026-H1");
        assertThat(service.scheme(h1).status()).isEqualTo(SchemeStatus.PUBLISHED);
        Scorecard frozen = service.frozen(h1).orElseThrow();
        assertThat(service.compute(h1)).isEqualTo(frozen);
        assertThat(frozen.of(HUAXI).indicators()).hasSize(11);
        assertThat(frozen.of(HUAXI).indicators().get(id("FOREST_COVER")).rule()).contains("x_s = 40", "x_h = 65");
    }

    @Test
    void aLockedPeriodRefusesEditsThroughTheService() {
        long h1 = schemeOf("2026-H1");
        CivicUser office = user("evaluation");
        assertThatThrownBy(() -> service.enterFigures(office, h1, id("GDP_GROWTH"), Map.of(HUAXI, "1"), Instant.now()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("performance.eval.error.locked"));
        assertThatThrownBy(() -> service.addAdjustment(office, h1, new AdjustmentDraft(HUAXI, "BONUS", "5", "x"), Instant.now()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("performance.eval.error.locked"));
        assertThatThrownBy(() -> service.importFigures(office, h1, new ByteArrayInputStream(new byte[0]), Instant.now()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("performance.eval.error.locked"));
        assertThatThrownBy(() -> service.lock(office, h1, Instant.now()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("performance.eval.error.locked"));
    }

    @Test
    void aLockedPeriodRefusesEditsInTheDatabase() {
        long h1 = schemeOf("2026-H1");
        assertThatThrownBy(() -> jdbc.sql("update perf_figure set value = value + 1 where scheme_id = :s").param("s", h1).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is locked");
        assertThatThrownBy(() -> jdbc.sql("delete from perf_figure where scheme_id = :s").param("s", h1).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is locked");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into perf_figure (scheme_id, indicator_id, district_code, value, entered_at, source)
                values (:s, :i, '520199', 1, now(), 'FORM')""").param("s", h1).param("i", id("GDP_GROWTH")).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is locked");
        assertThatThrownBy(() -> jdbc.sql("update perf_district_score set composite = 100 where scheme_id = :s").param("s", h1).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is locked");
        assertThatThrownBy(() -> jdbc.sql("update perf_indicator_score set points = 0 where scheme_id = :s").param("s", h1).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is locked");
        assertThatThrownBy(() -> jdbc.sql("delete from perf_adjustment where scheme_id = :s").param("s", h1).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is locked");
        assertThatThrownBy(() -> jdbc.sql("update perf_scheme_indicator set weight = 1 where scheme_id = :s").param("s", h1).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is locked");
        assertThatThrownBy(() -> jdbc.sql("update perf_scheme set status = 'FILLING' where id = :s").param("s", h1).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is locked");
        assertThat(service.compute(h1)).isEqualTo(service.frozen(h1).orElseThrow());
    }

    @Test
    void reviewLockAndPublishFreezeWhatWasEntered() {
        long s = freshScheme();
        CivicUser office = user("evaluation");
        Map<String, String> gdp = new LinkedHashMap<>();
        Map<String, String> green = new LinkedHashMap<>();
        String[] codes = {"520102", "520103", "520111", "520112", "520113", "520115", "520121", "520122", "520123", "520181"};
        for (int i = 0; i < codes.length; i++) {
            gdp.put(codes[i], Integer.toString(5 + i));
            green.put(codes[i], Integer.toString(30 + i));
        }
        green.put("520181", "");
        service.enterFigures(office, s, id("GDP_GROWTH"), gdp, Instant.now());
        service.enterFigures(office, s, id("GREEN_SPACE"), green, Instant.now());
        // locking needs a review first
        assertThatThrownBy(() -> service.lock(office, s, Instant.now()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("performance.eval.error.notReviewed"));
        service.review(office, s);
        assertThatThrownBy(() -> service.enterFigures(office, s, id("GDP_GROWTH"), gdp, Instant.now()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("performance.eval.error.notFilling"));
        Scorecard locked = service.lock(office, s, Instant.now());
        // 清镇市: GDP 14 is the maximum (60 points), green space missing: 0 points, flagged
        Scorecard.DistrictResult qingzhen = locked.of("520181");
        assertThat(qingzhen.composite()).isEqualByComparingTo("60");
        assertThat(qingzhen.indicators().get(id("GREEN_SPACE")).missing()).isTrue();
        assertThat(service.frozen(s).orElseThrow()).isEqualTo(locked);
        assertThat(service.compute(s)).isEqualTo(locked);
        service.publish(office, s, Instant.now());
        assertThat(service.scheme(s).status()).isEqualTo(SchemeStatus.PUBLISHED);
        assertThat(service.results(s)).isEqualTo(locked);
    }

    @Test
    void aMalformedSheetIsReportedRowByRowAndNothingIsImported() throws IOException {
        long s = freshScheme();
        byte[] xlsx = workbook(List.of(
                List.of("指标代码", "区县", "数值"),
                List.of("GDP_GROWTH", "520111", "6.9"),
                List.of("NO_SUCH", "花溪区", "1"),
                List.of("GDP_GROWTH", "火星区", "2"),
                List.of("GDP_GROWTH", "520102", "很多"),
                List.of("GDP_GROWTH", "花溪区", "7.0"),
                List.of("GREEN_SPACE", "观山湖区", "42.3")));
        ImportResult result = service.importFigures(user("evaluation"), s, new ByteArrayInputStream(xlsx), Instant.now());
        assertThat(result.ok()).isFalse();
        assertThat(result.imported()).isZero();
        assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "performance.eval.import.error.indicator"),
                org.assertj.core.groups.Tuple.tuple(4, "performance.eval.import.error.district"),
                org.assertj.core.groups.Tuple.tuple(5, "performance.eval.import.error.value"),
                org.assertj.core.groups.Tuple.tuple(6, "performance.eval.import.error.duplicate"));
        assertThat(service.figures(s)).isEmpty();

        // the same sheet without its bad rows goes in whole, headed in English this time
        byte[] good = workbook(List.of(
                List.of("Indicator code", "District", "Value"),
                List.of("GDP_GROWTH", "520111", "6.9"),
                List.of("GREEN_SPACE", "观山湖区", "42.3")));
        ImportResult ok = service.importFigures(user("evaluation"), s, new ByteArrayInputStream(good), Instant.now());
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.imported()).isEqualTo(2);
        assertThat(service.figures(s).get(id("GREEN_SPACE")).get("520115")).isEqualByComparingTo("42.3");
    }

    @Test
    void aDepartmentEntersOnlyTheFiguresItIsTheSourceOf() throws IOException {
        long s = freshScheme();
        CivicUser housing = user("unit");    // 花溪区住房和城乡建设局, the source of green space
        service.enterFigures(housing, s, id("GREEN_SPACE"), Map.of(HUAXI, "41.6"), Instant.now());
        assertThat(service.figures(s).get(id("GREEN_SPACE")).get(HUAXI)).isEqualByComparingTo("41.6");
        assertThat(service.enterable(housing, s)).extracting(i -> i.code()).containsExactly("GREEN_SPACE");
        assertThatThrownBy(() -> service.enterFigures(housing, s, id("GDP_GROWTH"), Map.of(HUAXI, "7"), Instant.now()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.enterFigures(user("unit2"), s, id("GREEN_SPACE"), Map.of(HUAXI, "7"), Instant.now()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.enterFigures(user("leader"), s, id("GREEN_SPACE"), Map.of(HUAXI, "7"), Instant.now()))
                .isInstanceOf(AccessDeniedException.class);
        ImportResult result = service.importFigures(housing, s, new ByteArrayInputStream(workbook(List.of(
                List.of("指标代码", "区县", "数值"), List.of("GDP_GROWTH", "520111", "6.9")))), Instant.now());
        assertThat(result.problems()).extracting(ImportProblem::messageKey).containsExactly("performance.eval.import.error.notYours");
    }

    @Test
    void aFigureWithACommaIsRefusedWithItsOwnMessageNeverReadAsTenTimesItself() throws IOException {
        long s = freshScheme();
        CivicUser housing = user("unit");    // the source of green space, as in the demo
        // "38,5" was saved as 385: the comma dropped as a thousands separator
        for (String typed : List.of("38,5", "1,250", "38\uFF0C5")) {
            assertThatThrownBy(() -> service.enterFigures(housing, s, id("GREEN_SPACE"), Map.of(HUAXI, typed), Instant.now()))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                            .extracting(InvalidInput.Problem::field, InvalidInput.Problem::messageKey)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(HUAXI, "performance.error.decimalComma")));
        }
        assertThat(service.figures(s)).isEmpty();
        // the same rule for a sheet's value (text cell), a weight and points
        ImportResult imported = service.importFigures(housing, s, new ByteArrayInputStream(workbook(List.of(
                List.of("指标代码", "区县", "数值"), List.of("GREEN_SPACE", HUAXI, "38,5")))), Instant.now());
        assertThat(imported.problems()).extracting(ImportProblem::line, ImportProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "performance.eval.import.error.comma"));
        assertThat(service.figures(s)).isEmpty();
        assertThat(new RuleDraft(id("GDP_GROWTH"), "1,5", "RANK", null, null, null, null, null, null).check())
                .extracting(InvalidInput.Problem::field, InvalidInput.Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("weight", "performance.error.decimalComma"));
        assertThat(new RuleDraft(id("GDP_GROWTH"), "10", "TARGET", null, null, "7,5", null, null, null).check())
                .extracting(InvalidInput.Problem::field, InvalidInput.Problem::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple("target", "performance.error.decimalComma"));
        assertThat(new AdjustmentDraft(HUAXI, "BONUS", "1,5", "表彰").check())
                .extracting(InvalidInput.Problem::messageKey).containsExactly("performance.error.decimalComma");
        // with a decimal point it is 38.5, and a percent sign is still allowed
        service.enterFigures(housing, s, id("GREEN_SPACE"), Map.of(HUAXI, "38.5", "520102", "41 %"), Instant.now());
        assertThat(service.figures(s).get(id("GREEN_SPACE"))).containsOnlyKeys(HUAXI, "520102");
        assertThat(service.figures(s).get(id("GREEN_SPACE")).get(HUAXI)).isEqualByComparingTo("38.5");
        assertThat(service.figures(s).get(id("GREEN_SPACE")).get("520102")).isEqualByComparingTo("41");
    }

    @Test
    void aBadFigureOnTheFormRefusesTheWholeForm() {
        long s = freshScheme();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("520102", "5.5");
        values.put(HUAXI, "6,9x");
        assertThatThrownBy(() -> service.enterFigures(user("evaluation"), s, id("GDP_GROWTH"), values, Instant.now()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(HUAXI, "performance.eval.error.number")));
        assertThat(service.figures(s)).isEmpty();
    }

    @Test
    void anOwnLoopIndicatorIsComputedForHuaxiAloneAndNeverScored() {
        CivicUser office = user("evaluation");
        Scheme s = service.createScheme(office, new SchemeDraft("loop scheme " + System.nanoTime(), "YEAR", "2026", null, 3), Instant.now());
        service.addIndicator(office, s.id(), new RuleDraft(id("GDP_GROWTH"), "100", "RANK", null, null, null, null, null, null));
        service.addIndicator(office, s.id(), new RuleDraft(id("ON_TIME_REPLY"), null, null, null, null, null, null, null, null));
        // the figure is the suggestions' KPI for 2026, for 花溪区 only
        var expected = kpis.district(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31), Instant.now());
        assertThat(expected.assigned()).isPositive();
        Map<String, java.math.BigDecimal> figures = service.figures(s.id()).get(id("ON_TIME_REPLY"));
        assertThat(figures).containsOnlyKeys(HUAXI);
        assertThat(figures.get(HUAXI)).isEqualByComparingTo(expected.onTimeReplyRate());
        assertThat(jdbc.sql("select source from perf_figure where scheme_id = :s and indicator_id = :i").param("s", s.id())
                .param("i", id("ON_TIME_REPLY")).query(String.class).single()).isEqualTo("LOOP");
        // a reference indicator: not among the scored rules, not typed in by anyone
        assertThat(service.rules(s.id())).extracting(r -> r.code()).containsExactly("GDP_GROWTH");
        assertThat(service.referenceIndicators(s.id())).extracting(i -> i.code()).containsExactly("ON_TIME_REPLY");
        assertThat(service.compute(s.id()).of(HUAXI).indicators()).containsOnlyKeys(id("GDP_GROWTH"));
        assertThatThrownBy(() -> service.enterFigures(office, s.id(), id("ON_TIME_REPLY"), Map.of(HUAXI, "100"), Instant.now()))
                .isInstanceOf(BusinessException.class);
    }

    /** Before: the list was read as an unclosed stream, each call kept a connection, and the crawl ran the pool dry. */
    @Test
    void listingSchemesGivesBackItsConnection() throws Exception {
        var pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
        int before = pool.getActiveConnections();
        for (int i = 0; i < 5; i++) {
            assertThat(service.schemes()).isNotEmpty();
        }
        assertThat(pool.getActiveConnections()).isLessThanOrEqualTo(before);
    }

    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("figures");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
