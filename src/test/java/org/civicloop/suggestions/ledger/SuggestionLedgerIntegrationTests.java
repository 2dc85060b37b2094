package org.civicloop.suggestions.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 建议台账: each filter returns exactly the fixture's expected rows, paging by key loses and repeats
 * nothing, the export holds the header and the filtered rows only, and overdue items carry their badge
 * in every list. The fixture's suggestions are moved to a year of their own (2031) so that suggestions
 * other tests make never match.
 */
@IntegrationTest
class SuggestionLedgerIntegrationTests {

    static final String HOUSING = "花溪区住房和城乡建设局";
    static final String EDUCATION = "花溪区教育局";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    SuggestionService service;
    @Autowired
    SuggestionLedger ledger;
    @Autowired
    JdbcClient jdbc;

    CivicUser deputy;
    CivicUser office;
    CivicUser unit;

    // the fixture, made once for the class (the shared database outlives each test)
    static long overdue;      // URBAN, RECESS, key, HOUSING lead, assigned 2025-06-02: long overdue
    static long twoUnits;     // EDUCATION, SESSION, EDUCATION lead + HOUSING co, assigned now
    static long registered;   // URBAN, SESSION, registered only
    static long closed;       // URBAN, RECESS, key, HOUSING, class A, deputy satisfied
    static long submitted;    // OTHER, RECESS, submitted only
    static long draft;        // never in the ledger

    @BeforeEach
    void fixture() {
        deputy = u("deputy");
        office = u("office");
        unit = u("unit");
        if (overdue != 0) {
            return;
        }
        overdue = registered("台账-逾期的建议", "URBAN", SubmissionPeriod.RECESS, true);
        service.assign(overdue, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), office,
                LocalDate.of(2025, 6, 2).atTime(10, 0).atZone(ZONE).toInstant());
        twoUnits = registered("台账-主办协办的建议", "EDUCATION", SubmissionPeriod.SESSION, false);
        service.assign(twoUnits, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(EDUCATION), AssignmentRole.LEAD),
                new UnitRole(unitId(HOUSING), AssignmentRole.CO)), office);
        registered = registered("台账-已立案的建议", "URBAN", SubmissionPeriod.SESSION, false);
        closed = registered("台账-已办结的建议", "URBAN", SubmissionPeriod.RECESS, true);
        service.assign(closed, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), office);
        service.sign(closed, 1, unit);
        service.reply(closed, 1, "已全部整改到位。", "A", unit);
        service.auditReply(closed, 1, "A", office);
        service.sendForEvaluation(closed, office);
        service.evaluate(closed, Evaluation.SATISFIED, "", deputy);
        submitted = drafted("台账-刚提交的建议", "OTHER", SubmissionPeriod.RECESS);
        service.submit(submitted, deputy);
        draft = drafted("台账-草稿", "URBAN", SubmissionPeriod.RECESS);
        jdbc.sql("update suggestion set submitted_at = :at where id in (:ids)")
                .param("at", Timestamp.from(LocalDate.of(2031, 3, 5).atStartOfDay(ZONE).toInstant()))
                .param("ids", List.of(overdue, twoUnits, registered, closed, submitted, draft)).update();
    }

    @Test
    void eachFilterReturnsExactlyTheExpectedRowsNewestFirst() {
        Instant now = Instant.now();
        assertThat(ids(filter(null, "", "", "", null, false, false, "", ""), now))
                .containsExactly(submitted, closed, registered, twoUnits, overdue);
        assertThat(ids(filter("", "", "", null, false, true, "", ""), now)).containsExactly(overdue);
        assertThat(ids(filter("", "", "", unitId(HOUSING), false, false, "", ""), now)).containsExactly(closed, twoUnits, overdue);
        assertThat(ids(filter("", "", "", unitId(EDUCATION), false, false, "", ""), now)).containsExactly(twoUnits);
        assertThat(ids(filter("RECESS", "", "URBAN", null, false, false, "", ""), now)).containsExactly(closed, overdue);
        assertThat(ids(filter("SESSION", "", "", null, false, false, "", ""), now)).containsExactly(registered, twoUnits);
        assertThat(ids(filter("", "", "", null, true, false, "", ""), now)).containsExactly(closed, overdue);
        assertThat(ids(filter("", "REGISTERED", "", null, false, false, "", ""), now)).containsExactly(registered);
        assertThat(ids(filter("", "", "", null, false, false, "A", ""), now)).containsExactly(closed);
        assertThat(ids(filter("", "", "", null, false, false, "B", ""), now)).isEmpty();
        assertThat(ids(filter("", "", "", null, false, false, "", "SATISFIED"), now)).containsExactly(closed);
        assertThat(ledger.count(filter("", "", "", unitId(HOUSING), false, false, "", ""), now)).isEqualTo(3);
        // a year without the fixture
        assertThat(ids(new SuggestionLedger.Filter(2030, "", "", "", null, false, false, "", ""), now))
                .doesNotContain(overdue, twoUnits, registered, closed, submitted);

        // keyset pages of two: every row once, in order
        var f = filter("", "", "", null, false, false, "", "");
        List<Long> paged = new ArrayList<>();
        Long before = null;
        for (int i = 0; i < 5; i++) {
            var page = ledger.page(f, before, 2, now);
            page.forEach(r -> paged.add(r.id()));
            if (page.size() < 2) {
                break;
            }
            before = page.get(page.size() - 1).id();
        }
        assertThat(paged).containsExactly(submitted, closed, registered, twoUnits, overdue);

        // the units, roles, class and deadline of a row
        var row = ledger.page(filter("", "", "", unitId(EDUCATION), false, false, "", ""), null, 10, now).get(0);
        assertThat(row.leadUnitIds()).containsExactly(unitId(EDUCATION));
        assertThat(row.coUnitIds()).containsExactly(unitId(HOUSING));
        var closedRow = ledger.page(filter("", "", "", null, false, false, "A", ""), null, 10, now).get(0);
        assertThat(closedRow.resultClasses()).isEqualTo("A");
        assertThat(closedRow.dueAt()).as("a replied suggestion has no running deadline").isNull();
    }

    @Test
    void theLedgerPageShowsTheRowsWithTheOverdueBadgeAndOnlyTheOfficeAndLeadersOpenIt() throws Exception {
        long days = overdueDays(overdue, 1);
        mvc.perform(get("/suggestions/ledger").param("year", "2031").param("overdueOnly", "true").with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("台账-逾期的建议")))
                .andExpect(content().string(containsString("逾期 " + days + " 天")))
                .andExpect(content().string(containsString("符合条件的建议共 1 件")));
        mvc.perform(get("/suggestions/ledger").param("year", "2031").with(user(u("leader")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("台账-已办结的建议")));
        mvc.perform(get("/suggestions/ledger").with(user(unit))).andExpect(status().isForbidden());
        mvc.perform(get("/suggestions/ledger").with(user(deputy))).andExpect(status().isForbidden());
        mvc.perform(get("/suggestions/ledger").param("status", "BOGUS").with(user(office))).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theExportHoldsTheChineseHeaderAndExactlyTheFilteredRows() throws Exception {
        MvcResult started = mvc.perform(get("/suggestions/ledger.xlsx").param("year", "2031").param("unitId", Long.toString(unitId(HOUSING)))
                        .with(user(office)))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult done = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment"))).andReturn();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(done.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("代表建议台账");
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("编号", "标题", "领衔代表", "类别", "主办（分办）单位", "协办单位", "状态", "重点建议",
                    "提交日期", "办理期限", "剩余工作日（负数为逾期天数）", "期限状态", "办理结果分类", "代表评价");
            assertThat(sheet.getLastRowNum()).as("title, header and three rows").isEqualTo(4);
            List<Long> ids = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                ids.add((long) sheet.getRow(r).getCell(0).getNumericCellValue());
            }
            assertThat(ids).containsExactly(closed, twoUnits, overdue);

            Row late = sheet.getRow(4);
            assertThat(late.getCell(1).getStringCellValue()).isEqualTo("台账-逾期的建议");
            assertThat(late.getCell(2).getStringCellValue()).isEqualTo("王建国");
            assertThat(late.getCell(3).getStringCellValue()).isEqualTo("城建环资");
            assertThat(late.getCell(4).getStringCellValue()).isEqualTo(HOUSING);
            assertThat(late.getCell(6).getStringCellValue()).isEqualTo("已交办");
            assertThat(late.getCell(7).getStringCellValue()).isEqualTo("是");
            assertThat(late.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2031, 3, 5));
            assertThat(late.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("yyyy\"年\"m\"月\"d\"日\"");
            Instant due = dueAt(overdue, 1);
            Cell dueCell = late.getCell(9);
            assertThat(dueCell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(due.atZone(ZONE).toLocalDate());
            assertThat(dueCell.getCellStyle().getDataFormatString()).contains("年");
            long days = overdueDays(overdue, 1);
            assertThat((long) late.getCell(10).getNumericCellValue()).isEqualTo(-days);
            assertThat(late.getCell(11).getStringCellValue()).isEqualTo("逾期 " + days + " 天");

            Row co = sheet.getRow(3);
            assertThat(co.getCell(4).getStringCellValue()).isEqualTo(EDUCATION);
            assertThat(co.getCell(5).getStringCellValue()).isEqualTo(HOUSING);
            Row done2 = sheet.getRow(2);
            assertThat(done2.getCell(12).getStringCellValue()).isEqualTo("A");
            assertThat(done2.getCell(13).getStringCellValue()).isEqualTo("满意");
            assertThat(done2.getCell(9)).as("no running deadline").isNull();
        }

        // in English the same dates read as the English page writes them (18 Feb 2027), not 2027年2月18日
        MvcResult en = mvc.perform(get("/suggestions/ledger.xlsx").param("year", "2031").param("unitId", Long.toString(unitId(HOUSING)))
                .param("lang", "en").with(user(office))).andExpect(request().asyncStarted()).andReturn();
        byte[] english = mvc.perform(asyncDispatch(en)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            Row late = book.getSheetAt(0).getRow(4);
            assertThat(book.getSheetAt(0).getRow(1).getCell(9).getStringCellValue()).isEqualTo("Due");
            assertThat(late.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("d mmm yyyy");
            assertThat(late.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("d mmm yyyy");
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ENGLISH).formatCellValue(late.getCell(8)))
                    .isEqualTo("5 Mar 2031");
        }
    }

    @Test
    void theLedgerCountsDaysLeftInWorkingDaysLikeTheSuggestionsPage() throws Exception {
        long id = registered("台账-剩余工作日", "EDUCATION", SubmissionPeriod.RECESS, false);
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), office);
        // three months to reply: about 90 calendar days but about 60 working days
        String onPage = org.jsoup.Jsoup.parse(mvc.perform(get("/suggestions/" + id).with(user(office)))
                .andReturn().getResponse().getContentAsString()).select("span:matchesOwn(^剩余 \\d+ 个工作日$)").first().text();
        int year = java.time.LocalDate.now(ZONE).getYear();
        mvc.perform(get("/suggestions/ledger").param("year", Integer.toString(year)).param("status", "ASSIGNED")
                        .param("category", "EDUCATION").with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("台账-剩余工作日")))
                .andExpect(content().string(containsString(onPage)));
    }

    @Test
    void anAssignmentMadeInThePastIsMarkedOverdueInTheOfficeListTheInboxAndTheDeputysList() throws Exception {
        long id = registered("逾期标记-校园周边交通", "EDUCATION", SubmissionPeriod.RECESS, false);
        // assigned about five months ago: the three-month reply deadline has passed (the KPI tests keep
        // 45 to 110 days ago for their own assignments)
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), office,
                Instant.now().minus(160, ChronoUnit.DAYS));
        Instant due = dueAt(id, 1);
        assertThat(due).isBefore(Instant.now());
        long days = ChronoUnit.DAYS.between(due.atZone(ZONE).toLocalDate(), LocalDate.now(ZONE));
        assertThat(days).isBetween(55L, 80L);
        String badge = "逾期 " + days + " 天";

        // narrowed to this one's status, category and unit: the list is newest change first, and the
        // assignment dated five months back sorts it behind everything other tests changed since
        mvc.perform(get("/suggestions").param("unitId", Long.toString(unitId(HOUSING))).param("status", "ASSIGNED")
                        .param("category", "EDUCATION").with(user(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString(badge)));
        String inbox = mvc.perform(get("/suggestions/inbox").with(user(unit))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("逾期标记-校园周边交通", badge);
        String mine = mvc.perform(get("/suggestions/mine").with(user(deputy))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(mine).contains(badge);

        // one due in two days is inside the ten-working-day warning window: yellow, not red
        long soon = registered("逾期标记-即将到期", "EDUCATION", SubmissionPeriod.RECESS, false);
        service.assign(soon, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(EDUCATION), AssignmentRole.LEAD)), office,
                LocalDateTime.now(ZONE).minusMonths(3).plusDays(2).atZone(ZONE).toInstant());
        assertThat(dueAt(soon, 1)).isAfter(Instant.now());
        assertThat(DueDates.state(dueAt(soon, 1), warnAt(soon, 1), Instant.now())).isEqualTo("WARNING");
        String list = mvc.perform(get("/suggestions").param("unitId", Long.toString(unitId(EDUCATION))).with(user(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = list.substring(list.indexOf("逾期标记-即将到期"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("即将到期").doesNotContain("逾期 ");
    }

    /**
     * "Overdue only" keeps the rows whose deadline in the due column has passed, and with a unit chosen, that unit's
     * own deadline: a co-unit late with its view does not put the suggestion on the district's overdue list (its
     * row reads the lead unit's deadline, "剩 N 个工作日"), nor on the lead unit's, but on the co-unit's, with the
     * co-unit's deadline. (All three listed it: the demo's 关于增加花溪大学城周边学位供给的建议 from 19 December.)
     */
    @Test
    void overdueOnlyListsTheRowsWhoseShownDeadlineHasPassedAndAUnitsOwnLateItems() {
        // in a year of their own (2032), so the fixture's filters above are not disturbed
        long coLate = registered("台账-协办意见逾期的建议", "URBAN", SubmissionPeriod.RECESS, false);
        service.assign(coLate, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD),
                new UnitRole(unitId(EDUCATION), AssignmentRole.CO)), office);
        // the co-unit's month has run out; the lead unit's three months have not
        jdbc.sql("update suggestion_assignment set due_at = :d where suggestion_id = :s and seq = 2")
                .param("d", Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(3)))).param("s", coLate).update();
        long leadLate = registered("台账-主办答复逾期的建议", "URBAN", SubmissionPeriod.RECESS, false);
        service.assign(leadLate, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD),
                new UnitRole(unitId(EDUCATION), AssignmentRole.CO)), office, LocalDate.of(2025, 6, 2).atTime(10, 0).atZone(ZONE).toInstant());
        jdbc.sql("update suggestion set submitted_at = :at where id in (:ids)")
                .param("at", Timestamp.from(LocalDate.of(2032, 3, 5).atStartOfDay(ZONE).toInstant()))
                .param("ids", List.of(coLate, leadLate)).update();
        Instant now = Instant.now();

        assertThat(ids(filter(2032, "", "", "", null, false, true, "", ""), now)).containsExactly(leadLate);
        assertThat(ids(filter(2032, "", "", "", unitId(HOUSING), false, true, "", ""), now)).containsExactly(leadLate);
        assertThat(ids(filter(2032, "", "", "", unitId(EDUCATION), false, true, "", ""), now)).containsExactly(leadLate, coLate);
        assertThat(ledger.count(filter(2032, "", "", "", null, false, true, "", ""), now)).isEqualTo(1);
        assertThat(ledger.count(filter(2032, "", "", "", unitId(EDUCATION), false, true, "", ""), now)).isEqualTo(2);
        // every row listed as overdue reads overdue, with the deadline of the unit chosen
        for (Long unitFilter : java.util.Arrays.asList(null, unitId(HOUSING), unitId(EDUCATION))) {
            for (var r : ledger.page(filter(2032, "", "", "", unitFilter, false, true, "", ""), null, 10, now)) {
                assertThat(DueDates.state(r.dueAt(), r.warnAt(), now)).as(r.title()).isEqualTo("OVERDUE");
            }
        }
        var coRow = ledger.page(filter(2032, "", "", "", unitId(EDUCATION), false, true, "", ""), null, 10, now).get(1);
        assertThat(coRow.dueAt()).isEqualTo(dueAt(coLate, 2));
        // without the filter the row shows the lead unit's running deadline, as before
        var plain = ledger.page(filter(2032, "", "", "", null, false, false, "", ""), null, 10, now);
        assertThat(plain).extracting(SuggestionLedger.Row::id).containsExactly(leadLate, coLate);
        assertThat(plain.get(1).dueAt()).isEqualTo(dueAt(coLate, 1));
    }

    // ---- helpers ----

    SuggestionLedger.Filter filter(String period, String status, String category, Long unitId, boolean keyOnly,
                                   boolean overdueOnly, String resultClass, String evaluation) {
        return new SuggestionLedger.Filter(2031, period, status, category, unitId, keyOnly, overdueOnly, resultClass, evaluation);
    }

    SuggestionLedger.Filter filter(Integer year, String period, String status, String category, Long unitId, boolean keyOnly,
                                   boolean overdueOnly, String resultClass, String evaluation) {
        return new SuggestionLedger.Filter(year == null ? 2031 : year, period, status, category, unitId, keyOnly, overdueOnly,
                resultClass, evaluation);
    }

    List<Long> ids(SuggestionLedger.Filter f, Instant now) {
        return ledger.page(f, null, 100, now).stream().map(SuggestionLedger.Row::id).toList();
    }

    CivicUser u(String name) {
        return demo.user(name);
    }

    long unitId(String name) {
        return demo.unit(name);
    }

    long drafted(String title, String category, SubmissionPeriod period) {
        return service.draft(new SuggestionDraft(title, "关于" + title + "的具体内容。", category, period, List.of(), List.of()), deputy);
    }

    long registered(String title, String category, SubmissionPeriod period, boolean key) {
        long id = drafted(title, category, period);
        service.submit(id, deputy);
        service.register(id, category, key, false, office);
        return id;
    }

    Instant dueAt(long id, int seq) {
        return jdbc.sql("select due_at from suggestion_assignment where suggestion_id = :id and seq = :seq")
                .param("id", id).param("seq", seq).query(Timestamp.class).single().toInstant();
    }

    Instant warnAt(long id, int seq) {
        return jdbc.sql("select warn_at from suggestion_assignment where suggestion_id = :id and seq = :seq")
                .param("id", id).param("seq", seq).query(Timestamp.class).single().toInstant();
    }

    /** Calendar days from the due day to today, counted by hand from the stored due time. */
    long overdueDays(long id, int seq) {
        return ChronoUnit.DAYS.between(dueAt(id, seq).atZone(ZONE).toLocalDate(), LocalDate.now(ZONE));
    }
}
