package org.civicloop.suggestions.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.ContactStage;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.kpi.KpiFixtures.TestUnit;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every KPI figure against a fixture computed by hand: two units made for this test, seven
 * suggestions assigned 110 and 45 days ago (a window no other test or the demo data assigns in), replies on time and
 * late, audited classes that differ from the unit's, a rehandling round, a return, a co-unit,
 * evaluations and face-to-face contacts.
 *
 * <pre>
 * row        role  replied  1st round on time  final class        evaluation   met  overdue now
 * S1 / A     LEAD  yes      no  (due ~20 d ago) A (unit B, audit A) SATISFIED    yes  -
 * S1 / B     CO    -- not counted (co-unit) --
 * S2 / A     LEAD  yes      yes                 B (unit C, audit B) BASIC        no   -
 * S3 / A     LEAD  yes      yes (round 1)       A (round 2, unit)   DISSATISFIED no   -
 * S4 / A     LEAD  no       -                   -                   -            yes  yes
 * S5 / A     LEAD  -- returned: not counted --
 * S5 / B     LEAD  yes      no                  D (unit, unaudited) -            no   -
 * S6 / A     SEP   yes      yes                 A (audit A)         SATISFIED    no   -
 * S6 / B     SEP   yes      yes                 B (audit B)         SATISFIED    yes  -
 * S7 / B     LEAD  no       -                   -                   -            no   no (due in a month)
 * </pre>
 */
@IntegrationTest
class SuggestionKpisIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    SuggestionService service;
    @Autowired
    SuggestionKpis kpis;
    @Autowired
    KpiTally tally;
    @Autowired
    KpiFacts facts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;

    KpiFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new KpiFixtures(service, jdbc, users);
    }

    @Test
    void everyFigurePerUnitAndForTheDistrictMatchesTheHandCount() throws Exception {
        TestUnit a = fx.unit("指标测试一局");
        TestUnit b = fx.unit("指标测试二局");
        Instant old = KpiFixtures.daysAgo(110);     // due 3 months later: about 20 days ago
        Instant recent = KpiFixtures.daysAgo(45);   // due 3 months later: in about six weeks
        KpiPeriod period = KpiPeriod.between(LocalDate.now(KpiFixtures.ZONE).minusDays(110), LocalDate.now(KpiFixtures.ZONE).minusDays(45));

        long s1 = fx.registered("指标S1青岩停车场", false);
        service.assign(s1, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(a.id(), AssignmentRole.LEAD),
                new UnitRole(b.id(), AssignmentRole.CO)), fx.office, old);
        service.sign(s1, 2, b.clerk());
        service.sendView(s1, 2, "协办意见：同意。", b.clerk());
        service.sign(s1, 1, a.clerk());
        service.recordContact(s1, 1, ContactStage.BEFORE, true, "当面听取代表意见", a.clerk());
        fx.replyAgain(s1, 1, a, "B", "A");
        fx.evaluate(s1, Evaluation.SATISFIED);

        long s2 = fx.ledBy("指标S2花溪公园厕所", a, recent);
        service.sign(s2, 1, a.clerk());
        service.recordContact(s2, 1, ContactStage.DURING, false, "电话沟通", a.clerk());
        fx.replyAgain(s2, 1, a, "C", "B");
        fx.evaluate(s2, Evaluation.BASICALLY_SATISFIED);

        long s3 = fx.ledBy("指标S3大学城夜班公交", a, recent);
        fx.reply(s3, 1, a, "B", "B");
        fx.evaluate(s3, Evaluation.DISSATISFIED);        // rehandling: round 2 for unit A
        fx.replyAgain(s3, 1, a, "A", null);               // round 2, not audited yet

        long s4 = fx.ledBy("指标S4石板镇路灯", a, old);
        service.sign(s4, 1, a.clerk());
        service.recordContact(s4, 1, ContactStage.BEFORE, true, "现场见面", a.clerk());

        long s5 = fx.ledBy("指标S5孟关农贸市场", a, old);
        service.requestReturn(s5, 1, "不属于本单位职责", a.clerk(), old.plus(Duration.ofDays(1)));
        service.decideReturn(s5, 1, true, fx.office);
        service.assign(s5, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(b.id(), AssignmentRole.LEAD)), fx.office,
                old.plus(Duration.ofDays(2)));
        fx.reply(s5, 2, b, "D", null);

        long s6 = fx.registered("指标S6黔陶乡饮水", false);
        service.assign(s6, HandlingMode.SEPARATE, List.of(new UnitRole(a.id(), AssignmentRole.SEPARATE),
                new UnitRole(b.id(), AssignmentRole.SEPARATE)), fx.office, recent);
        fx.reply(s6, 1, a, "A", "A");
        service.sign(s6, 2, b.clerk());
        service.recordContact(s6, 2, ContactStage.BEFORE, true, "座谈", b.clerk());
        fx.replyAgain(s6, 2, b, "B", "B");
        fx.evaluate(s6, Evaluation.SATISFIED);

        long s7 = fx.ledBy("指标S7久安乡茶园道路", b, recent);
        service.sign(s7, 1, b.clerk());

        KpiReport report = kpis.compute(period, Instant.now());
        assertThat(report.classes()).extracting(KpiReport.ResultClass::code).containsExactlyElementsOf(
                jdbc.sql("select code from suggestion_result_class where active order by sort, code").query(String.class).list());
        assertThat(report.units()).extracting(UnitKpis::unitName).containsExactly(a.name(), b.name());
        UnitKpis ua = report.units().get(0);
        UnitKpis ub = report.units().get(1);

        // Unit A: S1 S2 S3 S4 S6 owe replies (S5 returned) = 5; replied S1 S2 S3 S6 = 4; on time S2 S3 S6 = 3
        counts(ua, 5, 4, 3, 1, 1, 4, 3, 4, 3, 4, 2);
        assertThat(ua.suggestions()).isEqualTo(5);
        assertThat(ua.classes()).isEqualTo(Map.of("A", 3L, "B", 1L));
        assertThat(ua.replyRate().text()).isEqualTo("80.0%");          // 4/5
        assertThat(ua.onTimeRate().text()).isEqualTo("75.0%");         // 3/4
        assertThat(ua.satisfactionRate().text()).isEqualTo("75.0%");   // (S1 sat + S2 basic + S6 sat) 3 / evaluated 4
        assertThat(ua.solvedRate().text()).isEqualTo("75.0%");         // A: S1 S3 S6 = 3 / 4
        assertThat(ua.implementedRate().text()).isEqualTo("100.0%");   // A+B: 4 / 4
        assertThat(ua.meetRate().text()).isEqualTo("40.0%");           // S1 S4 = 2 / 5

        // Unit B: S5 S6 S7 = 3 (S1 is a co-unit); replied S5 S6 = 2; on time S6 = 1
        counts(ub, 3, 2, 1, 1, 0, 1, 1, 2, 0, 1, 1);
        assertThat(ub.classes()).isEqualTo(Map.of("B", 1L, "D", 1L));
        assertThat(ub.replyRate().text()).isEqualTo("66.7%");          // 2/3
        assertThat(ub.onTimeRate().text()).isEqualTo("50.0%");         // 1/2
        assertThat(ub.satisfactionRate().text()).isEqualTo("100.0%");  // 1/1
        assertThat(ub.solvedRate().text()).isEqualTo("0.0%");          // 0/2
        assertThat(ub.implementedRate().text()).isEqualTo("50.0%");    // 1/2
        assertThat(ub.meetRate().text()).isEqualTo("33.3%");           // 1/3

        // District: the sums; seven suggestions
        UnitKpis d = report.district();
        counts(d, 8, 6, 4, 2, 1, 5, 4, 6, 3, 5, 3);
        assertThat(d.suggestions()).isEqualTo(7);
        assertThat(d.classes()).isEqualTo(Map.of("A", 3L, "B", 2L, "D", 1L));
        assertThat(d.replyRate().text()).isEqualTo("75.0%");           // 6/8
        assertThat(d.onTimeRate().text()).isEqualTo("66.7%");          // 4/6
        assertThat(d.satisfactionRate().text()).isEqualTo("80.0%");    // 4/5
        assertThat(d.solvedRate().text()).isEqualTo("50.0%");          // 3/6
        assertThat(d.implementedRate().text()).isEqualTo("83.3%");     // 5/6
        assertThat(d.meetRate().text()).isEqualTo("37.5%");            // 3/8

        // the maintained counts (V177): the figures above were read with this test's changes still queued; the same
        // once the background run has taken them in, and the same as counting the assignments themselves, for the
        // period (partial months at both ends), whole months, and days inside one month
        Instant at = Instant.now();
        LocalDate today = LocalDate.now(KpiFixtures.ZONE);
        List<KpiPeriod> periods = List.of(period, KpiPeriod.between(today.minusDays(110).withDayOfMonth(1),
                today.minusDays(45).withDayOfMonth(1).plusMonths(1).minusDays(1)),
                KpiPeriod.between(today.minusDays(45), today.minusDays(45)), KpiPeriod.between(today.minusDays(109), today.minusDays(46)),
                KpiPeriod.between(today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1).plusYears(1).minusDays(1)));
        List<KpiReport> queued = periods.stream().map(p -> kpis.compute(p, at)).toList();
        assertThat(jdbc.sql("select count(*) from suggestion_kpi_change").query(Long.class).single()).isPositive();
        tally.catchUp();
        assertThat(jdbc.sql("select count(*) from suggestion_kpi_change").query(Long.class).single()).isZero();
        for (int i = 0; i < periods.size(); i++) {
            assertThat(kpis.compute(periods.get(i), at)).as(periods.get(i).toString())
                    .isEqualTo(queued.get(i)).isEqualTo(kpis.scan(periods.get(i), at));
        }
        assertThat(queued.get(0).units()).isEqualTo(report.units());
        assertThat(queued.get(0).district()).isEqualTo(report.district());
        // the day of the recent four: S2 S3 S6 S7; days 109 to 46 ago: S5 again at unit B only (108 days ago)
        assertThat(queued.get(2).district().suggestions()).isEqualTo(4);
        assertThat(queued.get(3).district().suggestions()).isEqualTo(1);
        assertThat(queued.get(3).district().assigned()).isEqualTo(1);

        // the lists behind the figures are the same rows
        Instant now = Instant.now();
        assertThat(ids(kpis.items(period, a.id(), KpiSet.OVERDUE, null, now, 100))).containsExactly(s4);
        assertThat(ids(kpis.items(period, a.id(), KpiSet.SOLVED, null, now, 100))).containsExactlyInAnyOrder(s1, s3, s6);
        assertThat(ids(kpis.items(period, a.id(), KpiSet.ON_TIME, null, now, 100))).containsExactlyInAnyOrder(s2, s3, s6);
        assertThat(ids(kpis.items(period, null, KpiSet.LATE, null, now, 100))).containsExactlyInAnyOrder(s1, s5);
        assertThat(ids(kpis.items(period, null, KpiSet.CLASSIFIED, "D", now, 100))).containsExactly(s5);
        assertThat(ids(kpis.items(period, b.id(), KpiSet.ASSIGNED, null, now, 100))).containsExactlyInAnyOrder(s5, s6, s7);
        assertThat(ids(kpis.items(period, null, KpiSet.MET, null, now, 100))).containsExactlyInAnyOrder(s1, s4, s6);
        for (KpiSet set : KpiSet.values()) {
            assertThat(kpis.items(period, null, set, null, now, 1000)).as(set.name()).hasSize((int) d.count(set));
        }

        // a period that holds none of it: no rates, not 0%
        UnitKpis none = kpis.compute(KpiPeriod.between(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31)), now).district();
        assertThat(none.assigned()).isZero();
        assertThat(none.replyRate().text()).isNull();

        // the dashboard shows the same figures, with the definitions and links to the lists
        String q = "?from=" + period.from() + "&to=" + period.to();
        mvc.perform(get("/suggestions/dashboard" + q).with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString(a.name())))
                .andExpect(content().string(containsString("80.0%")))
                .andExpect(content().string(containsString("66.7%")))
                .andExpect(content().string(containsString("83.3%")))
                .andExpect(content().string(containsString("已答复件 ÷ 应答复件")))
                .andExpect(content().string(containsString("解决类（A类）件")))
                .andExpect(content().string(containsString("id=\"kpi-charts\"")))
                .andExpect(content().string(containsString("/webjars/echarts/5.3.1/dist/echarts.common.min-")))
                .andExpect(content().string(containsString("/suggestions/dashboard/items?from=" + period.from() + "&amp;to="
                        + period.to() + "&amp;unit=" + a.id() + "&amp;kpi=OVERDUE")));
        mvc.perform(get("/suggestions/dashboard/items" + q + "&unit=" + a.id() + "&kpi=OVERDUE").with(user(u("office"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("指标S4石板镇路灯")))
                .andExpect(content().string(containsString("/suggestions/" + s4 + "\"")))
                .andExpect(content().string(not(containsString("指标S2花溪公园厕所"))));
        // the evaluation office reads the list but has no suggestion pages to open
        mvc.perform(get("/suggestions/dashboard/items" + q + "&unit=" + a.id() + "&kpi=OVERDUE").with(user(u("evaluation"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("指标S4石板镇路灯")))
                .andExpect(content().string(not(containsString("/suggestions/" + s4 + "\""))));

        // a change after the counts were brought up to date (S7 replied, class C): counted at once from the queue,
        // and the same after the next run
        fx.replyAgain(s7, 1, b, "C", null);
        KpiReport changed = kpis.compute(period, at);
        counts(changed.district(), 8, 7, 5, 2, 1, 5, 4, 7, 3, 5, 3);
        assertThat(changed).isEqualTo(kpis.scan(period, at));
        tally.catchUp();
        assertThat(kpis.compute(period, at)).isEqualTo(changed);
    }

    @Test
    void aSuggestionWhoseUnitsWereAssignedOnDifferentDaysCountsOnceInEveryPeriodThatHoldsEither() {
        TestUnit a = fx.unit("指标跨期一局");
        TestUnit b = fx.unit("指标跨期二局");
        Instant first = KpiFixtures.daysAgo(330);
        Instant later = KpiFixtures.daysAgo(300);
        long s8 = fx.registered("指标S8跨期分别办理", false);
        service.assign(s8, HandlingMode.SEPARATE, List.of(new UnitRole(a.id(), AssignmentRole.SEPARATE),
                new UnitRole(b.id(), AssignmentRole.SEPARATE)), fx.office, later);
        // unit A's assignment made a month before unit B's, as when the office adds a unit later
        jdbc.sql("update suggestion_assignment set assigned_at = :at where suggestion_id = :s and seq = 1")
                .param("at", java.sql.Timestamp.from(first)).param("s", s8).update();
        facts.refresh(s8);
        assertThat(jdbc.sql("select seq || ':' || kpi_first || ':' || kpi_later from suggestion_assignment where suggestion_id = :s order by seq")
                .param("s", s8).query(String.class).list()).containsExactly("1:true:false", "2:false:true");

        LocalDate d1 = first.atZone(KpiFixtures.ZONE).toLocalDate();
        LocalDate d2 = later.atZone(KpiFixtures.ZONE).toLocalDate();
        // period -> assignments of S8 in it: both days; the first only; the later only (the suggestion first assigned
        // before it); the later one's whole month; the months of both
        Map<KpiPeriod, Long> periods = Map.of(KpiPeriod.between(d1, d2), 2L, KpiPeriod.between(d1, d2.minusDays(1)), 1L,
                KpiPeriod.between(d1.plusDays(1), d2), 1L,
                KpiPeriod.between(d2.withDayOfMonth(1), d2.withDayOfMonth(1).plusMonths(1).minusDays(1)), 1L,
                KpiPeriod.between(d1.withDayOfMonth(1), d2.withDayOfMonth(1).plusMonths(1).minusDays(1)), 2L,
                // whole years (the yearly counts), and partial days, whole months and whole years together
                KpiPeriod.between(d1.withDayOfYear(1), d2.withDayOfYear(1).plusYears(1).minusDays(1)), 2L,
                KpiPeriod.between(d1.withDayOfMonth(1).minusMonths(13).plusDays(3), d2.plusYears(1)), 2L);
        Instant at = Instant.now();
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<KpiPeriod, Long> p : periods.entrySet()) {
                KpiReport report = kpis.compute(p.getKey(), at);
                KpiReport scanned = kpis.scan(p.getKey(), at);
                // the same as counting the assignments, the district's distinct suggestions included (S8 once)
                assertThat(report).as(p.getKey() + ", pass " + pass).isEqualTo(scanned);
                long ofS8 = report.units().stream().filter(u -> u.unitId() == a.id() || u.unitId() == b.id())
                        .mapToLong(UnitKpis::assigned).sum();
                assertThat(ofS8).as(p.getKey().toString()).isEqualTo(p.getValue());
            }
            tally.catchUp();
        }
    }

    @Test
    void theDashboardShowsFiftyUnitsAPageAndKeepsThePeriodInItsPager() throws Exception {
        // 51 units, each leading one suggestion assigned on a day no other test uses
        Instant at = KpiFixtures.daysAgo(500);
        LocalDate day = at.atZone(KpiFixtures.ZONE).toLocalDate();
        for (int i = 0; i < 51; i++) {
            fx.ledBy("分页测试建议" + i, fx.unit(String.format("分页测试局%02d", i)), at);
        }
        String q = "/suggestions/dashboard?from=" + day + "&to=" + day;
        org.jsoup.nodes.Document first = org.jsoup.Jsoup.parse(mvc.perform(get(q).with(user(u("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(first.select("#kpi-table tbody tr")).hasSize(50);
        assertThat(first.select("#kpi-district td").first().text()).as("the district's row counts all 51").isEqualTo("51");
        assertThat(first.select(".pagination").text()).contains("第 1 页，共 2 页（51 条）");
        assertThat(first.select(".pagination a").last().attr("href")).isEqualTo(q + "&page=1");
        // the range counted, not this year's preset, reads in the period's choice
        assertThat(first.select("#period option[selected]").text()).isEqualTo("自定义起止日期");
        assertThat(first.select("#period option[selected]").attr("value")).isEmpty();
        for (String page : List.of("1", "9")) { // the last page, and one past it
            org.jsoup.nodes.Document second = org.jsoup.Jsoup.parse(mvc.perform(get(q + "&page=" + page).with(user(u("office"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(second.select("#kpi-table tbody tr")).hasSize(1);
            assertThat(second.select("#kpi-table tbody th").text()).startsWith("分页测试局50");
        }
    }

    @Test
    void theDashboardIsForTheOfficeLeadersAndTheEvaluationOfficeOnly() throws Exception {
        for (String who : List.of("office", "leader", "evaluation")) {
            mvc.perform(get("/suggestions/dashboard").with(user(u(who)))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("办复率")));
        }
        for (String who : List.of("unit", "deputy", "admin")) {
            mvc.perform(get("/suggestions/dashboard").with(user(u(who)))).andExpect(status().isForbidden());
            mvc.perform(get("/suggestions/dashboard/items?kpi=ASSIGNED").with(user(u(who)))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/suggestions/dashboard")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aWrongPeriodIsExplainedAndTheYearShownInstead() throws Exception {
        int year = LocalDate.now(KpiFixtures.ZONE).getYear();
        mvc.perform(get("/suggestions/dashboard?period=2026-Q5").with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择有效的统计期")))
                .andExpect(content().string(containsString(year + "年")));
        mvc.perform(get("/suggestions/dashboard?from=2026-05-01&to=2026-04-01").with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("起始日期不能晚于截止日期")));
        mvc.perform(get("/suggestions/dashboard?period=2026-Q3").with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年第3季度")));
        org.jsoup.nodes.Document quarter = org.jsoup.Jsoup.parse(mvc.perform(get("/suggestions/dashboard?period=2026-Q3")
                .with(user(u("office")))).andReturn().getResponse().getContentAsString());
        assertThat(quarter.select("#period option[selected]").attr("value")).isEqualTo("2026-Q3");
        assertThat(quarter.select("#period option").text()).doesNotContain("自定义起止日期");
        mvc.perform(get("/suggestions/dashboard/items?kpi=NOPE").with(user(u("office")))).andExpect(status().isBadRequest());
        mvc.perform(get("/suggestions/dashboard/items?kpi=CLASSIFIED&cls=Z").with(user(u("office"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("没有这个答复类别")));
    }

    private static void counts(UnitKpis u, long assigned, long replied, long onTime, long late, long overdue, long evaluated,
                               long satisfied, long classified, long solved, long implemented, long met) {
        assertThat(new long[] {u.assigned(), u.replied(), u.onTime(), u.late(), u.overdue(), u.evaluated(), u.satisfied(),
                u.classified(), u.solved(), u.implemented(), u.met()})
                .as("assigned, replied, onTime, late, overdue, evaluated, satisfied, classified, solved, implemented, met of "
                        + (u.district() ? "the district" : u.unitName()))
                .containsExactly(assigned, replied, onTime, late, overdue, evaluated, satisfied, classified, solved, implemented, met);
    }

    private static List<Long> ids(List<SuggestionKpis.KpiItem> items) {
        return items.stream().map(SuggestionKpis.KpiItem::suggestionId).toList();
    }

    private CivicUser u(String name) {
        return demo.user(name);
    }
}
