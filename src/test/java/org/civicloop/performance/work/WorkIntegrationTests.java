package org.civicloop.performance.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.deadlines.domain.DeadlineScanner;
import org.civicloop.organization.CivicUser;
import org.civicloop.performance.work.domain.NewWorkItem;
import org.civicloop.performance.work.domain.ProjectStage;
import org.civicloop.performance.work.domain.WorkKind;
import org.civicloop.performance.work.domain.WorkQueries;
import org.civicloop.performance.work.domain.WorkService;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.Rag;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Tracked work on the real database: escalation on the one clock, the three rates, the pages and who may use them. */
@IntegrationTest
class WorkIntegrationTests {

    static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @Autowired
    WorkService service;
    @Autowired
    WorkQueries queries;
    @Autowired
    DeadlineScanner scanner;
    @Autowired
    WorkingCalendars calendars;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    CivicUser evaluation;
    CivicUser leader;
    CivicUser invest;
    long investUnit;

    @BeforeEach
    void people() {
        evaluation = demo.user("evaluation");
        leader = demo.user("leader");
        invest = demo.user("invest");
        investUnit = demo.unit("花溪区投资促进局");
    }

    /** A year no other test or the demo uses, so that the rates of that year are exactly the fixture's. */
    int freshYear() {
        for (int y = 2060 + (int) (System.nanoTime() % 30); ; y++) {
            boolean used = jdbc.sql("select exists (select 1 from perf_work_item where year = :y)").param("y", y).query(Boolean.class).single();
            if (!used) {
                return y;
            }
        }
    }

    long item(WorkKind kind, int year, String title) {
        return service.create(new NewWorkItem(kind, year, title, null, investUnit, leader.accountId(),
                kind == WorkKind.INVESTMENT ? "贵州测试投资有限公司" : null, kind == WorkKind.INVESTMENT ? "BIG_DATA" : null), evaluation);
    }

    WorkQueries.Row row(long id, Instant at) {
        return queries.list(evaluation, new WorkQueries.Filter(List.of(), null, null, null), at).stream()
                .filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    long messages(long accountId, String key, String link) {
        return jdbc.sql("select count(*) from staff_message where account_id = :a and message_key = :k and link = :l")
                .param("a", accountId).param("k", key).param("l", link).query(Long.class).single();
    }

    @Test
    void aMilestoneGoingOverdueTurnsTheItemRedAndEscalatesToTheLeaderAndTheEvaluationOfficeOnce() {
        int year = freshYear();
        long id = item(WorkKind.REFORM_POINT, year, "推进测试改革要点" + System.nanoTime());
        Instant now = Instant.now();
        // reported for this month and last, so only the milestone colours it
        // created this month, so no report is owed yet; this month's is filed for when the due day falls next month
        service.fileReportAs(id, YearMonth.now(DISTRICT), "本月进展", "invest", now);
        LocalDate today = LocalDate.now(DISTRICT);
        LocalDate due = calendars.current().plusWorkingDays(today, 12); // a working day, far outside the warning window
        long milestone = service.addMilestone(id, "完成方案起草", due, evaluation, now);

        Instant dueAt = jdbc.sql("select due_at from perf_milestone where id = :m").param("m", milestone)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(dueAt).isEqualTo(calendars.current().endOfDay(due));
        assertThat(row(id, now).rag()).isEqualTo(Rag.GREEN);
        Instant inWindow = calendars.current().endOfDay(calendars.current().plusWorkingDays(due, -3));
        assertThat(row(id, inWindow).rag()).isEqualTo(Rag.YELLOW);
        String page = "/performance/work/items/" + id;
        scanner.scan(inWindow);
        assertThat(messages(invest.accountId(), "performance.work.notice.approaching", page)).as("the unit is reminded").isEqualTo(1);
        assertThat(messages(leader.accountId(), "performance.work.notice.missed", page)).isZero();
        assertThat(row(id, dueAt).rag()).as("due time itself is on time").isEqualTo(Rag.YELLOW);

        Instant after = dueAt.plus(Duration.ofMinutes(5));
        assertThat(row(id, after).rag()).isEqualTo(Rag.RED);
        assertThat(row(id, after).overdue()).isEqualTo(1);

        String link = "/performance/work/items/" + id;
        scanner.scan(after);
        assertThat(messages(leader.accountId(), "performance.work.notice.missed", link)).isEqualTo(1);
        assertThat(messages(evaluation.accountId(), "performance.work.notice.missed", link)).isEqualTo(1);
        assertThat(messages(invest.accountId(), "performance.work.notice.missedUnit", link)).isEqualTo(1);
        assertThat(jdbc.sql("select missed_at is not null from perf_milestone where id = :m").param("m", milestone)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'performance-work-item' and subject_id = :s and action = 'performance.work.milestoneMissed'")
                .param("s", Long.toString(id)).query(Long.class).single()).isEqualTo(1);

        scanner.scan(after.plus(Duration.ofHours(1)));
        assertThat(messages(leader.accountId(), "performance.work.notice.missed", link)).as("escalated once").isEqualTo(1);

        // reaching the milestone late: green again (last month reported), the clock keeps that it was late
        service.completeMilestone(id, milestone, invest, after.plus(Duration.ofDays(1)));
        assertThat(row(id, after.plus(Duration.ofDays(1))).rag()).isEqualTo(Rag.GREEN);
    }

    @Test
    void theThreeRatesAreCountedBySqlExactlyAsDefined() {
        int year = freshYear();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(DISTRICT);
        // signed 1000, now 开工, 300 in place
        long a = project(year, "A", ProjectStage.STARTED, "1000", now);
        service.recordFunds(a, today, new BigDecimal("300"), null, invest, now);
        // signed 2000, now 注册, 500 in place
        long b = project(year, "B", ProjectStage.REGISTERED, "2000", now);
        service.recordFunds(b, today, new BigDecimal("500"), null, invest, now);
        // signed 1000, still 签约, nothing in place
        project(year, "C", ProjectStage.SIGNED, "1000", now);
        // signed 500, now 竣工, 500 in place
        long d = project(year, "D", ProjectStage.COMPLETED, "500", now);
        service.recordFunds(d, today, new BigDecimal("500"), null, invest, now);
        // signed 1500, reached 手续, then 暂缓: counts as signed, not as performing; 200 in place
        long e = project(year, "E", ProjectStage.PREPARING, "1500", now);
        service.recordFunds(e, today, new BigDecimal("200"), null, invest, now);
        service.moveProject(e, ProjectStage.ON_HOLD, null, "用地未落实", invest, now);
        // in talks, never signed: not counted anywhere
        project(year, "F", ProjectStage.NEGOTIATING, null, now);
        // signed 1000, then 终止
        long g = project(year, "G", ProjectStage.SIGNED, "1000", now);
        service.moveProject(g, ProjectStage.TERMINATED, null, "企业撤资", invest, now);

        WorkQueries.Rates r = queries.rates(year);
        assertThat(r.signed()).isEqualTo(6);
        assertThat(r.performing()).isEqualTo(3);              // A, B, D
        assertThat(r.startedOrCompleted()).isEqualTo(2);      // A (started), D (completed)
        assertThat(r.contractTotal()).isEqualByComparingTo("7000");
        assertThat(r.fundsTotal()).isEqualByComparingTo("1500");
        assertThat(r.performanceRate()).isEqualByComparingTo("50.0");    // 3 / 6
        assertThat(r.startCompletionRate()).isEqualByComparingTo("33.3"); // 2 / 6
        assertThat(r.fundsRate()).isEqualByComparingTo("21.4");           // 1500 / 7000

        assertThat(queries.rates(freshYear()).performanceRate()).as("nothing signed: no rate, not 0").isNull();
    }

    long project(int year, String name, ProjectStage to, String value, Instant now) {
        long id = item(WorkKind.INVESTMENT, year, "测试招商项目" + name + System.nanoTime());
        for (ProjectStage s : ProjectStage.values()) {
            if (s == ProjectStage.CLUE) {
                continue;
            }
            if (s.ordinal() > to.ordinal() || !s.onLine()) {
                break;
            }
            service.moveProject(id, s, value == null ? null : new BigDecimal(value), null, invest, now);
        }
        return id;
    }

    @Test
    void theDashboardShowsTheRatesWithTheirDefinitionsInBothLanguages() throws Exception {
        int year = freshYear();
        project(year, "X", ProjectStage.STARTED, "3000", Instant.now());
        project(year, "Y", ProjectStage.SIGNED, "1000", Instant.now());
        project(year, "Z", ProjectStage.NEGOTIATING, null, Instant.now());
        mvc.perform(get("/performance/work/dashboard").param("year", Integer.toString(year)).with(user(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("50.0%（1/2）")))
                .andExpect(content().string(containsString("开竣工率 =（开工项目数 + 竣工项目数）÷ 签约项目数")));
        mvc.perform(get("/performance/work/dashboard").param("year", Integer.toString(year)).param("lang", "en").with(user(evaluation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("50.0% (1/2)")))
                .andExpect(content().string(containsString("Start/completion rate = (started + completed)")));
        mvc.perform(get("/performance/work/dashboard").with(user(invest))).andExpect(status().isForbidden());
        mvc.perform(get("/performance/work/ledger.xlsx").param("year", Integer.toString(year)).with(user(evaluation)))
                .andExpect(status().isOk());
    }

    /**
     * The list's export gives exactly the rows the list shows under the same filters: it exported every kind of
     * the year, whatever the colour or unit chosen (tracked work with 0 of 4 filters kept: 64 rows in the demo for
     * a list of 48, 5 for red).
     */
    @Test
    void eachListExportsExactlyTheRowsItShowsUnderItsFilters() throws Exception {
        int year = freshYear();
        long education = demo.unit("花溪区教育局");
        long green = item(WorkKind.REFORM_POINT, year, "导出测试绿" + System.nanoTime());
        long yellow = item(WorkKind.REFORM_POINT, year, "导出测试黄" + System.nanoTime());
        // created two months ago and no report filed for last month: yellow by the rule
        jdbc.sql("update perf_work_item set created_at = :t where id = :i")
                .param("t", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(70)))).param("i", yellow).update();
        long other = service.create(new NewWorkItem(WorkKind.OTHER_TASK, year, "导出测试教育" + System.nanoTime(), null, education,
                leader.accountId(), null, null), evaluation);
        long project = project(year, "导出", ProjectStage.SIGNED, "100", Instant.now());
        assertThat(row(yellow, Instant.now()).rag()).isEqualTo(Rag.YELLOW);
        assertThat(row(green, Instant.now()).rag()).isEqualTo(Rag.GREEN);

        String y = Integer.toString(year);
        // tracked work of the year: the three non-project items (not the project, which is on the projects list)
        assertThat(exported("/performance/work?year=" + y)).containsExactlyInAnyOrder(green, yellow, other);
        assertThat(exported("/performance/work?year=" + y + "&rag=YELLOW")).containsExactly(yellow);
        assertThat(exported("/performance/work?year=" + y + "&unitId=" + education)).containsExactly(other);
        assertThat(exported("/performance/work?year=" + y + "&kind=REFORM_POINT&rag=GREEN")).containsExactly(green);
        assertThat(exported("/performance/projects?year=" + y)).containsExactly(project);
        assertThat(exported("/performance/projects?year=" + y + "&rag=RED")).isEmpty();
    }

    /** The ids of the rows a list shows and, read back by title, of the rows its export link gives: they must agree. */
    private List<Long> exported(String list) throws Exception {
        String page = mvc.perform(get(list).with(user(leader))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/performance/work/ledger\\.xlsx[^\"]*)\"").matcher(page);
        assertThat(m.find()).as("export link on " + list).isTrue();
        String href = org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
        java.util.Set<Long> shown = new java.util.HashSet<>();
        java.util.regex.Matcher items = java.util.regex.Pattern.compile("href=\"/performance/(?:work/items|projects)/(\\d+)\"").matcher(page);
        while (items.find()) {
            shown.add(Long.valueOf(items.group(1)));
        }
        var started = mvc.perform(get(java.net.URI.create(href)).with(user(leader))).andReturn();
        started.getAsyncResult(120_000);
        byte[] xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> titles = new java.util.ArrayList<>();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            int column = -1;
            int header = -1;
            for (var row : sheet) {
                for (var cell : row) {
                    if (column < 0 && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals("名称")) {
                        column = cell.getColumnIndex();
                        header = row.getRowNum();
                    } else if (column >= 0 && cell.getColumnIndex() == column && row.getRowNum() > header) {
                        titles.add(cell.getStringCellValue());
                    }
                }
            }
        }
        List<Long> ids = titles.stream().map(t -> jdbc.sql("select id from perf_work_item where title = :t").param("t", t)
                .query(Long.class).single()).toList();
        assertThat(ids).as("the export of " + list + " has the rows the list shows").containsExactlyInAnyOrderElementsOf(shown);
        return ids;
    }

    @Test
    void theOwnerUnitMovesItsProjectOnItsPageAndARefusedMoveWritesNothing() throws Exception {
        long id = project(freshYear(), "P", ProjectStage.SIGNED, "800", Instant.now());
        mvc.perform(post("/performance/projects/" + id + "/moves").param("to", "STARTED").with(csrf()).with(user(invest)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failed", "performance.work.error.move"));
        assertThat(stage(id)).isEqualTo("SIGNED");
        assertThat(jdbc.sql("select count(*) from perf_project_move where item_id = :i").param("i", id).query(Long.class).single())
                .isEqualTo(2);
        mvc.perform(post("/performance/projects/" + id + "/moves").param("to", "REGISTERED").with(csrf()).with(user(invest)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "performance.work.done.moved"));
        assertThat(stage(id)).isEqualTo("REGISTERED");
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'performance-work-item' and subject_id = :s and action = 'performance.work.projectMoved'")
                .param("s", Long.toString(id)).query(Long.class).single()).isEqualTo(3);

        // a leader reads and instructs but does not move; another unit does not even see it
        mvc.perform(post("/performance/projects/" + id + "/moves").param("to", "PREPARING").with(csrf()).with(user(leader)))
                .andExpect(flash().attribute("failed", "performance.work.error.notAllowed"));
        assertThat(stage(id)).isEqualTo("REGISTERED");
        mvc.perform(get("/performance/projects/" + id).with(user(demo.user("unit2")))).andExpect(status().isNotFound());
        mvc.perform(get("/performance/projects/" + id).with(user(demo.user("deputy")))).andExpect(status().isForbidden());
        mvc.perform(get("/performance/projects/" + id).with(user(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"instruction-form\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"move-form\""))));
        mvc.perform(post("/performance/work/items/" + id + "/instructions").param("text", "加快推进，月底前报进展").with(csrf()).with(user(leader)))
                .andExpect(flash().attribute("done", "performance.work.done.instructed"));
        assertThat(messages(invest.accountId(), "performance.work.notice.instructed", "/performance/projects/" + id)).isEqualTo(1);
    }

    @Test
    void aRefusedMoveOrFundsEntryComesBackAsTypedWithTheReasonBesideItsField() throws Exception {
        long id = project(freshYear(), "F", ProjectStage.SIGNED, "800", Instant.now());
        String today = LocalDate.now(DISTRICT).toString();
        var funds = mvc.perform(post("/performance/projects/" + id + "/funds").param("receivedOn", today).param("amount", "1,500")
                        .param("note", "首笔到位").with(csrf()).with(user(invest)))
                .andExpect(flash().attribute("failed", "performance.error.decimalComma")).andReturn();
        assertThat(jdbc.sql("select count(*) from perf_funds_entry where item_id = :i").param("i", id).query(Long.class).single()).isZero();
        String page = mvc.perform(get("/performance/projects/" + id).cookie(funds.getResponse().getCookies()).with(user(invest)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document d = Jsoup.parse(page);
        assertThat(d.selectFirst("#amount").val()).isEqualTo("1,500");
        assertThat(d.selectFirst("#amount").hasClass("is-invalid")).isTrue();
        assertThat(d.selectFirst("#amount").attr("aria-describedby")).isEqualTo("amount-error");
        assertThat(d.selectFirst("#amount-error").text()).startsWith("数字中不能有逗号");
        assertThat(d.selectFirst("#receivedOn").val()).isEqualTo(today);
        assertThat(d.selectFirst("#funds-note").val()).isEqualTo("首笔到位");
        assertThat(d.select("#receivedOn-error, #funds-error, #to-error, #contractValue-error")).isEmpty();

        var move = mvc.perform(post("/performance/projects/" + id + "/moves").param("to", "").param("note", "等待环评")
                        .with(csrf()).with(user(invest)))
                .andExpect(flash().attribute("failed", "performance.work.error.stageRequired")).andReturn();
        d = Jsoup.parse(mvc.perform(get("/performance/projects/" + id).cookie(move.getResponse().getCookies()).with(user(invest)))
                .andReturn().getResponse().getContentAsString());
        assertThat(d.selectFirst("#to-error").text()).isEqualTo("请选择要移至的阶段。");
        assertThat(d.selectFirst("#to").hasClass("is-invalid")).isTrue();
        assertThat(d.selectFirst("#move-note").text()).isEqualTo("等待环评");
        assertThat(d.select("#amount-error, #move-error, #contractValue-error")).isEmpty();
        assertThat(stage(id)).isEqualTo("SIGNED");
    }

    String stage(long id) {
        return jdbc.sql("select stage from perf_project where item_id = :i").param("i", id).query(String.class).single();
    }

    @Test
    void monthlyReportsOncePerMonthByTheOwnerUnitOnly() {
        long id = item(WorkKind.LEADER_PROJECT, freshYear(), "测试领衔项目" + System.nanoTime());
        YearMonth month = YearMonth.now(DISTRICT);
        assertThatThrownBy(() -> service.fileReport(id, month, "进展", leader, Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("performance.work.error.notAllowed");
        assertThatThrownBy(() -> service.fileReport(id, month, "进展", demo.user("unit2"), Instant.now()))
                .isInstanceOf(NotFoundException.class);
        service.fileReport(id, month, "本月完成调研", invest, Instant.now());
        assertThatThrownBy(() -> service.fileReport(id, month, "再报一次", invest, Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("performance.work.error.monthReported");
        assertThatThrownBy(() -> service.fileReport(id, month.plusMonths(1), "下月", invest, Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("performance.work.error.month");
        assertThat(jdbc.sql("select count(*) from perf_progress_report where item_id = :i").param("i", id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aReportWithoutAMonthSaysSoAndComesBackWithItsTextAndMonthsReadAsTheReaderWritesThem() throws Exception {
        long id = item(WorkKind.LEADER_PROJECT, freshYear(), "测试月报事项" + System.nanoTime());
        YearMonth month = YearMonth.now(DISTRICT);
        String zh = month.getYear() + "年" + month.getMonthValue() + "月";
        String en = month.format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.ENGLISH));
        var posted = mvc.perform(post("/performance/work/items/" + id + "/reports").param("month", "").param("report", "完成选址论证")
                        .with(csrf()).with(user(invest)))
                .andExpect(flash().attribute("failed", "performance.work.error.monthRequired")).andReturn();
        assertThat(jdbc.sql("select count(*) from perf_progress_report where item_id = :i").param("i", id).query(Long.class).single()).isZero();
        // the page it goes back to: the text as typed, the reason beside the month, the months in Chinese
        assertThat(posted.getFlashMap().get("failedForm")).isEqualTo(java.util.Map.of("month", "", "report", "完成选址论证"));
        // (the flash map lives in the JDBC-stored session: the next request brings its cookie)
        mvc.perform(get("/performance/work/items/" + id).cookie(posted.getResponse().getCookies()).with(user(invest)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">完成选址论证</textarea>")))
                .andExpect(content().string(containsString("id=\"month-error\">请选择月份。</div>")))
                .andExpect(content().string(containsString("value=\"" + month + "\">" + zh + "</option>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("只能报送本月或上月"))));

        service.fileReport(id, month, "本月完成调研", invest, Instant.now());
        mvc.perform(get("/performance/work/items/" + id).with(user(leader)))
                .andExpect(content().string(containsString("<strong>" + zh + "</strong>")));
        mvc.perform(get("/performance/work/items/" + id).param("lang", "en").with(user(leader)))
                .andExpect(content().string(containsString("<strong>" + en + "</strong>")));
        int year = jdbc.sql("select year from perf_work_item where id = :i").param("i", id).query(Integer.class).single();
        mvc.perform(get("/performance/work").param("year", Integer.toString(year)).with(user(evaluation)))
                .andExpect(content().string(containsString("<td>" + zh + "</td>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(">" + month + "<"))));
        try {
            service.fileReport(id, month, "再报一次", invest, Instant.now());
            org.assertj.core.api.Assertions.fail("a second report of the month was filed");
        } catch (BusinessException e) {    // the month as numbers, which the message writes 2026年12月 or Dec 2026
            assertThat(e.messageKey()).isEqualTo("performance.work.error.monthReported");
            assertThat(e.arguments()).containsExactly(month.getYear(), month.getMonthValue());
        }

        // the ledger: the month as a date cell (the month's first day) shown 2026年12月, like its other date columns
        var started = mvc.perform(get("/performance/work/ledger.xlsx").param("year", Integer.toString(year)).with(user(evaluation)))
                .andReturn();
        started.getAsyncResult(120_000);
        byte[] xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            int header = -1;
            int column = -1;
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals("最近月报")) {
                        header = row.getRowNum();
                        column = cell.getColumnIndex();
                    }
                }
            }
            assertThat(column).isNotNegative();
            var cell = sheet.getRow(header + 1).getCell(column);
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(month.atDay(1));
            // Excel shows yyyy"年"m"月" as 2026年12月 (POI's own formatter would keep the quotes)
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy\"年\"m\"月\"");
        }
    }

    @Test
    void aMilestoneWithABadOrPastDayIsRefusedWithItsMessageAndNoClockStarts() throws Exception {
        long id = item(WorkKind.OTHER_TASK, freshYear(), "测试交办事项" + System.nanoTime());
        for (String day : new String[] {"", "2026-13-40", LocalDate.now(DISTRICT).minusDays(1).toString()}) {
            mvc.perform(post("/performance/work/items/" + id + "/milestones").param("title", "完成调研").param("dueOn", day)
                            .with(csrf()).with(user(evaluation)))
                    .andExpect(flash().attribute("failed", "performance.work.error.dueOn"));
        }
        // more than ten years ahead (9999-12-31, or the day after ten years) is a slip, not a plan
        for (String day : new String[] {"9999-12-31", LocalDate.now(DISTRICT).plusYears(10).plusDays(1).toString()}) {
            mvc.perform(post("/performance/work/items/" + id + "/milestones").param("title", "完成调研").param("dueOn", day)
                            .with(csrf()).with(user(evaluation)))
                    .andExpect(flash().attribute("failed", "performance.work.error.dueOnTooFar"));
        }
        mvc.perform(post("/performance/work/items/" + id + "/milestones").param("title", "完成调研")
                        .param("dueOn", LocalDate.now(DISTRICT).plusDays(20).toString()).with(csrf()).with(user(invest)))
                .andExpect(flash().attribute("failed", "performance.work.error.notAllowed"));
        assertThat(jdbc.sql("select count(*) from perf_milestone where item_id = :i").param("i", id).query(Long.class).single()).isZero();
        mvc.perform(post("/performance/work/items/" + id + "/milestones").param("title", "完成调研")
                        .param("dueOn", LocalDate.now(DISTRICT).plusDays(20).toString()).with(csrf()).with(user(evaluation)))
                .andExpect(flash().attribute("done", "performance.work.done.milestoneAdded"));
        mvc.perform(get("/performance/work/items/" + id).param("lang", "en").with(user(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("完成调研")))
                .andExpect(content().string(containsString("Milestones")));
    }

    @Test
    void onlyTheEvaluationOfficeCreatesAndEveryProblemOfTheFormIsShownBesideItsField() throws Exception {
        assertThatThrownBy(() -> service.create(new NewWorkItem(WorkKind.OTHER_TASK, 2026, "x", null, investUnit, leader.accountId(), null, null), leader))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("performance.work.error.notAllowed");
        mvc.perform(post("/performance/work/new").param("kind", "INVESTMENT").param("year", "2026").param("title", "无投资方的项目")
                        .param("ownerUnitId", Long.toString(investUnit)).param("leaderAccountId", Long.toString(leader.accountId()))
                        .with(csrf()).with(user(evaluation)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("招商项目请填写投资方。")));
        assertThat(jdbc.sql("select count(*) from perf_work_item where title = '无投资方的项目'").query(Long.class).single()).isZero();
        mvc.perform(get("/performance/work/new").with(user(evaluation))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("selected=\"selected\""))));
    }
}
