package org.civicloop.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicloop.suggestions.SuggestionEvents.SuggestionFiled;
import org.civicloop.suggestions.SuggestionEvents.SuggestionResultsKnown;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The duty records' pages: the office's ranking, its Excel and the ZIP of every deputy's annual report
 * (each a PDF whose text shows Chinese), a deputy's own record and report, who may see what, and every
 * new form refusing bad input with a clear message and writing nothing.
 */
@IntegrationTest
class RecordPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();

    @Test
    void theOfficeSeesTheRankingWithEveryDemoDeputyHavingPoints() throws Exception {
        String page = html(get("/records/ranking"), "office");
        assertThat(page).contains("王建国", "李秀英", "导出 Excel");
        int deputies = jdbc.sql("select count(*) from deputy where status = 'ACTIVE'").query(Integer.class).single();
        int withRecord = jdbc.sql("""
                        select count(distinct e.deputy_id) from record_entry e join deputy d on d.id = e.deputy_id
                         where d.status = 'ACTIVE' and extract(year from e.occurred_on) = :y""")
                .param("y", year).query(Integer.class).single();
        assertThat(withRecord).as("the demo backfill gives every serving deputy a record this year").isEqualTo(deputies);
        String record = html(get("/records/deputies/{id}", demo.deputy("王建国")), "office");
        assertThat(record).contains("王建国的履职档案", "起施行的规则计");
    }

    @Test
    void theRankingExportsToExcelAndTheReportsComeAsOneZipOfChinesePdfs() throws Exception {
        byte[] xlsx = streamed(get("/records/ranking.xlsx"), "office");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            List<String> names = new ArrayList<>();
            sheet.forEach(row -> names.add(row.getCell(1) == null ? "" : row.getCell(1).toString()));
            assertThat(names).contains("代表", "王建国");
        }
        byte[] zip = streamed(get("/records/reports.zip"), "office");
        int deputies = jdbc.sql("select count(*) from deputy where status = 'ACTIVE'").query(Integer.class).single();
        int pdfs = 0;
        boolean sawWang = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getName()).endsWith(".pdf");
                String text = new PdfTextExtractor(new PdfReader(in.readAllBytes())).getTextFromPage(1);
                assertThat(text).contains("贵阳市花溪区人民代表大会常务委员会", year + "年度代表履职报告");
                sawWang |= text.contains("王建国");
                pdfs++;
            }
        }
        assertThat(pdfs).isEqualTo(deputies);
        assertThat(sawWang).isTrue();
    }

    @Test
    void aDeputySeesTheirOwnRecordAndReportButNotTheRanking() throws Exception {
        String mine = html(get("/records/mine"), "deputy");
        assertThat(mine).contains("我的履职档案", "下载年度履职报告");
        MvcResult pdf = mvc.perform(get("/records/mine/report.pdf").with(user(demo.user("deputy"))))
                .andExpect(status().isOk()).andReturn();
        String text = new PdfTextExtractor(new PdfReader(pdf.getResponse().getContentAsByteArray())).getTextFromPage(1);
        assertThat(text).contains("王建国", "全年履职积分", "贵阳市花溪区人民代表大会常务委员会");
        mvc.perform(get("/records/ranking").with(user(demo.user("deputy")))).andExpect(status().isForbidden());
        mvc.perform(get("/records/deputies/{id}", demo.deputy("李秀英")).with(user(demo.user("deputy"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/records/mine").with(user(demo.user("unit")))).andExpect(status().isForbidden());
        mvc.perform(post("/records/rules").with(csrf()).with(user(demo.user("deputy"))).param("kind", "OTHER")
                .param("points", "100").param("validFrom", "2026-01-01")).andExpect(status().isForbidden());
    }

    @Test
    void badRulesAreRefusedWithAMessageBesideEachFieldAndNothingIsWritten() throws Exception {
        int before = rules();
        String page = html(post("/records/rules").with(csrf()).param("kind", "").param("points", "").param("validFrom", ""), "office");
        assertThat(page).contains("请选择活动类别。", "请填写每项积分", "请填写施行日期");
        page = html(post("/records/rules").with(csrf()).param("kind", "NOT_A_KIND").param("points", "abc")
                .param("yearlyCap", "-1").param("validFrom", "1999-12-31").param("note", "说明\u0007"), "office");
        assertThat(page).contains("请选择活动类别。", "请填写每项积分", "全年上限须为", "请填写施行日期", "此项只能填写一行");
        page = html(post("/records/rules").with(csrf()).param("kind", "OTHER").param("points", "1")
                .param("validFrom", year + "-01-01").param("note", "长".repeat(201)), "office");
        assertThat(page).contains("此项最多 200 个字");
        page = html(post("/records/rules").with(csrf()).param("kind", "SURVEY").param("points", "3")
                .param("validFrom", year + "-01-01"), "office");
        assertThat(page).as("the demo set SURVEY from 1 January").contains("该日已有一条规则");
        assertThat(rules()).isEqualTo(before);

        mvc.perform(post("/records/rules").with(csrf()).with(user(demo.user("office"))).param("kind", "OTHER")
                        .param("points", "2").param("yearlyCap", "").param("validFrom", year + "-11-15").param("note", "测试调整"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "record.rules.saved"));
        assertThat(rules()).isEqualTo(before + 1);
    }

    @Test
    void badManualEntriesAreRefusedAndAReviewedOneCountsOnlyOnceApproved() throws Exception {
        int before = manual();
        String page = html(post("/records/mine/entries/new").with(csrf()).param("kind", "OPINION")
                .param("occurredOn", LocalDate.now().plusDays(3).toString()).param("title", "宣\u0007传"), "deputy");
        assertThat(page).contains("请选择活动类别（宣传活动", "不能晚于今天", "此项只能填写一行");
        page = html(post("/records/mine/entries/new").with(csrf()).param("kind", "PUBLICITY")
                .param("occurredOn", "not-a-date").param("title", "宣".repeat(101)).param("description", "x".repeat(1001)), "deputy");
        assertThat(page).contains("请填写活动日期", "此项最多 100 个字", "此项最多 1000 个字");
        page = html(post("/records/entries/new").with(csrf()).param("deputyId", "999999999").param("kind", "SURVEY")
                .param("occurredOn", year + "-01-02").param("title", "调研"), "office");
        assertThat(page).contains("请选择代表。");
        assertThat(manual()).isEqualTo(before);

        mvc.perform(post("/records/mine/entries/new").with(csrf()).with(user(demo.user("deputy"))).param("kind", "SURVEY")
                        .param("occurredOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
                        .param("title", "页面测试：调研集市食品安全").param("description", "走访三个摊位。"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "record.entry.submitted"));
        long id = jdbc.sql("select id from record_manual_entry where title = '页面测试：调研集市食品安全'").query(Long.class).single();
        long deputy = demo.deputy("王建国");
        assertThat(lines(id)).as("not counted before review").isZero();
        assertThat(html(get("/records/mine"), "deputy")).contains("页面测试：调研集市食品安全", "待审核");

        mvc.perform(post("/records/review/{id}/refuse", id).with(csrf()).with(user(demo.user("office"))).param("reason", " "))
                .andExpect(flash().attribute("failed", "record.error.reason"));
        assertThat(entryStatus(id)).isEqualTo("PENDING");
        mvc.perform(post("/records/review/{id}/approve", id).with(csrf()).with(user(demo.user("deputy"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/records/review/{id}/approve", id).with(csrf()).with(user(demo.user("office"))))
                .andExpect(flash().attribute("done", "record.review.approved"));
        assertThat(entryStatus(id)).isEqualTo("APPROVED");
        assertThat(lines(id)).isEqualTo(1);
        mvc.perform(post("/records/review/{id}/refuse", id).with(csrf()).with(user(demo.user("office"))).param("reason", "重复登记"))
                .andExpect(flash().attribute("failed", "record.error.alreadyDecided"));
        assertThat(html(get("/records/deputies/{id}", deputy), "office")).contains("页面测试：调研集市食品安全");
    }

    /**
     * The class-A line of a suggestion may be written before its filing is handled (events come in any order): it
     * must still show the suggestion's title, not the confidential label, like the filing's line below it. A
     * confidential suggestion's lines all show the label and never the title. On the page and in the PDF, both
     * languages; and a suggestion's number reads as an identifier, without a thousands separator.
     */
    @Test
    void everyLineAboutOneSuggestionShowsItsTitleUnlessTheSuggestionIsConfidential() throws Exception {
        long deputy = demo.deputy("王建国");
        Instant at = LocalDate.of(year, 6, 15).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        publish(new SuggestionResultsKnown(919_000_001L, deputy, List.of(), false, List.of("A"), at));
        demo.recordsSettled();
        publish(new SuggestionFiled(919_000_001L, "页面测试：充实村卫生室药品", deputy, List.of(), at));
        publish(new SuggestionFiled(919_000_002L, "页面测试：涉密事项", deputy, List.of(), at));
        publish(new SuggestionResultsKnown(919_000_002L, deputy, List.of(), true, List.of("A"), at));
        demo.recordsSettled();
        assertThat(jdbc.sql("select title from record_entry where source like 'suggestion%' and source_id = 919000001")
                .query(String.class).list()).as("the class-A line takes the title of the filing handled after it")
                .containsExactly("页面测试：充实村卫生室药品", "页面测试：充实村卫生室药品");

        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String hidden = locale == Locale.ENGLISH ? "(confidential suggestion, title not shown)" : "（涉密建议，不显示标题）";
            Document page = Jsoup.parse(html(get("/records/mine").param("lang", locale.toLanguageTag()), "deputy"));
            List<String> open = linesAbout(page, "#919000001");
            assertThat(open).as(locale + ": the filing's line and the class-A line, numbered without a separator").hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("页面测试：充实村卫生室药品").doesNotContain(hidden));
            List<String> confidential = linesAbout(page, "#919000002");
            assertThat(confidential).as(locale + ": a confidential suggestion's lines").hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains(hidden).doesNotContain("页面测试：涉密事项"));
            assertThat(page.text()).doesNotContain("919,000,00").doesNotContain("页面测试：涉密事项");

            String pdf = pdfText(mvc.perform(get("/records/mine/report.pdf").param("year", String.valueOf(year))
                    .param("lang", locale.toLanguageTag()).with(user(demo.user("deputy")))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray());
            assertThat(pdf.split("页面测试：充实村卫生室药品", -1)).as(locale + ": both lines in the PDF show the title").hasSize(3);
            assertThat(pdf).doesNotContain("页面测试：涉密事项");
        }
    }

    /** A line about an opinion names the opinion's category in the reader's language, on the page and in the PDF. */
    @Test
    void anEnglishReaderSeesOpinionCategoriesInEnglish() throws Exception {
        long deputy = demo.deputy("王建国");
        record Category(String code, String nameZh, String nameEn) {
        }
        List<Category> categories = jdbc.sql("select code, name_zh, name_en from opinion_category").query(Category.class).list();
        // a line written before the category's code was kept is known by its Chinese name
        jdbc.sql("""
                        update record_entry set category = null where id = (select min(id) from record_entry
                         where source = 'opinion' and deputy_id = :d and extract(year from occurred_on) = :y)""")
                .param("d", deputy).param("y", year).update();
        List<String> codes = jdbc.sql("""
                        select coalesce(e.category, c.code) from record_entry e left join opinion_category c on c.name_zh = e.title
                         where e.source = 'opinion' and e.deputy_id = :d and extract(year from e.occurred_on) = :y""")
                .param("d", deputy).param("y", year).query(String.class).list();
        assertThat(codes).as("the demo deputy collected opinions this year").isNotEmpty().doesNotContainNull();
        List<String> english = categories.stream().filter(c -> codes.contains(c.code())).map(Category::nameEn).toList();

        Document page = Jsoup.parse(html(get("/records/mine").param("lang", "en"), "deputy"));
        List<String> opinions = linesAbout(page, "Opinion #");
        assertThat(opinions).hasSize(codes.size()).allSatisfy(l -> {
            assertThat(english).anySatisfy(name -> assertThat(l).contains(name));
            assertThat(categories).noneSatisfy(c -> assertThat(l).contains(c.nameZh()));
        });
        String pdf = pdfText(mvc.perform(get("/records/mine/report.pdf").param("lang", "en").with(user(demo.user("deputy"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(english).allSatisfy(name -> assertThat(pdf).contains(name));
        assertThat(categories).noneSatisfy(c -> assertThat(pdf).contains(c.nameZh()));
        // English punctuation in the English report: its lines part date, what and points with " · ", not a full-width space
        assertThat(pdf).doesNotContain("\u3000").containsPattern("\\d{4} · [A-Z][^\n]* · \\d+ pts");

        Document chinese = Jsoup.parse(html(get("/records/mine").param("lang", "zh-CN"), "deputy"));
        assertThat(linesAbout(chinese, "意见 #")).hasSize(codes.size()).allSatisfy(l ->
                assertThat(categories.stream().filter(c -> codes.contains(c.code())).map(Category::nameZh))
                        .anySatisfy(name -> assertThat(l).contains(name)));
    }

    /** The texts of the record's lines whose source reads {@code marker} (e.g. "#1176"). */
    static List<String> linesAbout(Document page, String marker) {
        return page.select("#record-lines > li").stream().filter(li -> li.select(".record-source").text().contains(marker))
                .map(Element::text).toList();
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p)).append('\n');
        }
        return text.toString();
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    String html(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(user(demo.user(username)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    byte[] streamed(MockHttpServletRequestBuilder builder, String username) throws Exception {
        MvcResult started = mvc.perform(builder.with(user(demo.user(username)))).andExpect(request().asyncStarted()).andReturn();
        started.getAsyncResult(120_000);
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    int rules() {
        return jdbc.sql("select count(*) from record_point_rule").query(Integer.class).single();
    }

    int manual() {
        return jdbc.sql("select count(*) from record_manual_entry").query(Integer.class).single();
    }

    int lines(long manualId) {
        return jdbc.sql("select count(*) from record_entry where source = 'manual' and source_id = :id").param("id", manualId)
                .query(Integer.class).single();
    }

    String entryStatus(long manualId) {
        return jdbc.sql("select status from record_manual_entry where id = :id").param("id", manualId).query(String.class).single();
    }
}
