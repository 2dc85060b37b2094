package org.civicloop.legislation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.civicloop.legislation.LegislationFixture;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The compiled report on the real database: the exported .docx read back by POI, the frozen version, bad input.
 * The fixture, counted by hand: article 1 has 4 comments (3 by QR code, 1 at a meeting), of which the QR one about
 * fees is excluded; article 2 has 3 (2 at a meeting, 1 on a visit), the visit one excluded; 1 on the draft as a
 * whole (by QR code); article 3 none. Included: article 1: QR 2 + meeting 1 = 3; article 2: meeting 2; whole: QR 1.
 */
@IntegrationTest
class ReportIntegrationTests {

    static final String A1_LEASH = "遛狗必须牵绳，建议写明绳长不超过一点五米";
    static final String A1_LEASH_AGAIN = "建议写明遛狗必须牵绳，绳长不得超过一点五米";
    static final String A1_NIGHT = "夜间遛狗应当佩戴反光项圈，方便行人和司机看到";
    static final String A1_FEES = "登记收费太贵了";
    static final String A2_BIG_DOGS = "大型犬禁养名录应当由市公安机关会同农业农村部门公布";
    static final String A2_LIST = "烈性犬目录要定期更新并向社会公开征求意见";
    static final String A2_VISIT = "我家楼下的狗天天叫";
    static final String WHOLE = "条例整体上应当更多体现对养犬人的服务而不只是处罚";

    @Autowired JdbcClient jdbc;
    @Autowired Reports reports;
    @Autowired ReportDocx docx;

    LegislationFixture fx;
    CivicUser office;
    long point;
    long draft;
    long a1;
    long a2;
    long a3;
    Map<String, Long> ids;

    @BeforeEach
    void fixture() {
        fx = new LegislationFixture(jdbc);
        office = fx.office();
        point = fx.site(0);
        draft = fx.draft("test-report-" + System.nanoTime(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), point, fx.site(1));
        a1 = fx.article(draft, 1, 1, "总则", "养犬人携犬出户时，应当为犬只束犬链。");
        a2 = fx.article(draft, 2, 1, "总则", "重点管理区域内禁止个人饲养大型犬、烈性犬。");
        a3 = fx.article(draft, 3, 2, "附则", "本条例自公布之日起施行。");
        long meeting = fx.consultation(draft, point, "MEETING", LocalDate.of(2026, 3, 10), 23);
        long visit = fx.consultation(draft, point, "VISIT", LocalDate.of(2026, 3, 12), 6);
        ids = new java.util.LinkedHashMap<>();
        ids.put(A1_LEASH, fx.comment(draft, a1, "QR", point, null, A1_LEASH, "13908510001"));
        ids.put(A1_LEASH_AGAIN, fx.comment(draft, a1, "QR", point, null, A1_LEASH_AGAIN, null));
        ids.put(A1_NIGHT, fx.comment(draft, a1, "MEETING", point, meeting, A1_NIGHT, null));
        ids.put(A1_FEES, fx.comment(draft, a1, "QR", point, null, A1_FEES, null));
        ids.put(A2_BIG_DOGS, fx.comment(draft, a2, "MEETING", point, meeting, A2_BIG_DOGS, null));
        ids.put(A2_LIST, fx.comment(draft, a2, "MEETING", point, meeting, A2_LIST, null));
        ids.put(A2_VISIT, fx.comment(draft, a2, "VISIT", point, visit, A2_VISIT, null));
        ids.put(WHOLE, fx.comment(draft, null, "QR", point, null, WHOLE, null));
        // another point's comment and an online one: not this point's report
        fx.comment(draft, a1, "QR", fx.site(1), null, "另一个联系点收到的意见不应出现", null);
        fx.comment(draft, a1, "ONLINE", null, null, "网上的意见不属于任何联系点", null);
    }

    private void decideAll() {
        for (var e : ids.entrySet()) {
            boolean excluded = e.getKey().equals(A1_FEES) || e.getKey().equals(A2_VISIT);
            reports.decide(office, draft, point, e.getValue(), !excluded, excluded ? "与条文无关" : null);
        }
        reports.revise(office, draft, point, a1, "建议增加：犬链长度不超过一点五米；夜间出户佩戴反光项圈。");
    }

    @Test
    void theExportedDocxHoldsEveryIncludedCommentOnceUnderItsArticleAndNoExcludedOneWithHandCountedFigures() throws Exception {
        decideAll();
        reports.send(office, draft, point, Instant.now());
        byte[] sent = reports.sentDocument(office, draft, point, 1).orElseThrow();

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(sent));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            // the views part (after the table): each article's section runs from its heading to the next one
            String body = text.substring(text.indexOf("第一条（第一章 总则）"));
            int h1 = body.indexOf("第一条");
            int h2 = body.indexOf("第二条");
            int hw = body.indexOf("对草案整体的意见");
            assertThat(h1).isLessThan(h2);
            assertThat(h2).isLessThan(hw);
            assertThat(body).doesNotContain("第三条"); // no views, no revision: not in the document
            for (String included : List.of(A1_LEASH, A1_LEASH_AGAIN, A1_NIGHT)) {
                assertThat(occurrences(text, included)).as(included).isEqualTo(1);
                assertThat(body.indexOf(included)).as(included).isBetween(h1, h2);
            }
            for (String included : List.of(A2_BIG_DOGS, A2_LIST)) {
                assertThat(occurrences(text, included)).as(included).isEqualTo(1);
                assertThat(body.indexOf(included)).as(included).isBetween(h2, hw);
            }
            assertThat(occurrences(text, WHOLE)).isEqualTo(1);
            assertThat(body.indexOf(WHOLE)).isGreaterThan(hw);
            for (String excluded : List.of(A1_FEES, A2_VISIT, "另一个联系点", "网上的意见")) {
                assertThat(text).as(excluded).doesNotContain(excluded);
            }
            // the draft text and the suggested revision stand under the article
            assertThat(body.indexOf("养犬人携犬出户时，应当为犬只束犬链。")).isBetween(h1, h2);
            assertThat(body.indexOf("建议增加：犬链长度不超过一点五米")).isBetween(h1, h2);
            // 10 comments in the draft, 8 at this point, 6 included
            assertThat(text).contains("共收到意见 8 条，纳入本汇总 6 条（扫码留言 3 条、座谈会 3 条）");
            assertThat(body).contains("【意见】共 3 条（扫码留言 2 条、座谈会 1 条）");
            assertThat(body).contains("【意见】共 2 条（座谈会 2 条）");

            // the table: article, count, then ONLINE, QR, MEETING, VISIT, COLLECTOR
            XWPFTable table = doc.getTables().get(0);
            List<List<String>> rows = new ArrayList<>();
            for (XWPFTableRow row : table.getRows()) {
                rows.add(row.getTableCells().stream().map(c -> c.getText()).toList());
            }
            assertThat(rows).containsExactly(
                    List.of("条款", "意见数", "网上征求", "扫码留言", "座谈会", "入户走访", "信息员收集"),
                    List.of("第一条", "3", "0", "2", "1", "0", "0"),
                    List.of("第二条", "2", "0", "0", "2", "0", "0"),
                    List.of("对草案整体的意见", "1", "0", "1", "0", "0", "0"));
        }

        // the two leash comments say the same and are grouped; the night one stands alone
        CompiledReport report = reports.compile(office, draft, point, null);
        var first = report.sections().get(0);
        assertThat(first.includedGroups()).hasSize(2);
        assertThat(first.includedGroups().get(0).comments()).extracting(CompiledReport.Comment::body)
                .containsExactly(A1_LEASH, A1_LEASH_AGAIN);
        // excluded ones are kept with their reason, never deleted
        assertThat(first.comments()).filteredOn(c -> Boolean.FALSE.equals(c.included()))
                .extracting(CompiledReport.Comment::body, CompiledReport.Comment::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A1_FEES, "与条文无关"));
        // the PDF renders too
        assertThat(new String(new ReportPdfProbe().bytes(report), 0, 5)).isEqualTo("%PDF-");
    }

    /** Renders the PDF through the bean. */
    final class ReportPdfProbe {
        byte[] bytes(CompiledReport report) {
            return pdf.render(report, Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Autowired ReportPdf pdf;

    @Test
    void everyCommentOfADraftIsInExactlyOneReportTheOnlineOnesInTheOfficesOnlineReport() throws Exception {
        // the fixture: 8 comments at this point, 1 at the other point, 1 sent online without a point
        long total = jdbc.sql("select count(*) from legislation_comment where draft_id = :d").param("d", draft)
                .query(Long.class).single();
        assertThat(total).isEqualTo(10);
        List<Reports.PointReport> rows = reports.overview(office).stream().filter(r -> r.draft().id() == draft).toList();
        assertThat(rows).extracting(r -> r.point().id()).containsExactly(point, fx.site(1), Reports.ONLINE);
        assertThat(rows).extracting(Reports.PointReport::comments).containsExactly(8L, 1L, 1L);
        assertThat(rows.stream().mapToLong(Reports.PointReport::comments).sum()).isEqualTo(total);
        long compiled = 0;
        for (var row : rows) {
            compiled += reports.compile(office, draft, row.point().id(), null).comments();
        }
        assertThat(compiled).isEqualTo(total);

        // the online report: only the online comment; a point's comment cannot be put in it
        CompiledReport online = reports.compile(office, draft, Reports.ONLINE, null);
        assertThat(online.online()).isTrue();
        assertThat(online.sections().stream().flatMap(s -> s.comments().stream()).map(CompiledReport.Comment::body))
                .containsExactly("网上的意见不属于任何联系点");
        assertThatThrownBy(() -> reports.decide(office, draft, Reports.ONLINE, ids.get(WHOLE), true, null))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.report.error.unknownComment");
        long onlineComment = online.sections().get(0).comments().get(0).id();
        assertThatThrownBy(() -> reports.decide(office, draft, point, onlineComment, true, null))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.report.error.unknownComment");

        // station staff neither see nor compile it; the office sends it like any report
        CivicUser staff = fx.user(office.accountId(), -1L, Role.STATION_STAFF);
        assertThat(reports.overview(staff)).noneMatch(Reports.PointReport::online);
        assertThatThrownBy(() -> reports.compile(staff, draft, Reports.ONLINE, null)).isInstanceOf(AccessDeniedException.class);
        reports.decide(office, draft, Reports.ONLINE, onlineComment, true, null);
        reports.send(office, draft, Reports.ONLINE, Instant.now());
        byte[] sent = reports.sentDocument(office, draft, Reports.ONLINE, 1).orElseThrow();
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(sent)))) {
            assertThat(extractor.getText()).contains("网上征求意见汇总", "网上的意见不属于任何联系点", "第一条（第一章 总则）");
        }
    }

    @Autowired ReportLayout layout;

    @Test
    void theExportsHeaderWritesTheSendingDayAsTheReaderDoesAndArticlesAsTheDraftDoes() throws Exception {
        decideAll();
        // 2026-12-07 18:30 UTC is already 8 December in Guiyang
        reports.send(office, draft, point, Instant.parse("2026-12-07T18:30:00Z"));
        CompiledReport report = reports.compile(office, draft, point, 1);
        String zh = layout.blocks(report, Locale.SIMPLIFIED_CHINESE).get(1).text();
        assertThat(zh).contains("第1版", "2026年12月8日").doesNotContain("2026-12-0");
        assertThat(layout.blocks(report, Locale.ENGLISH).get(1).text()).contains("8 Dec 2026");
        // the .docx as sent carries the same header; the PDF prints the same blocks
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(
                reports.sentDocument(office, draft, point, 1).orElseThrow())))) {
            assertThat(extractor.getText()).contains("2026年12月8日").doesNotContain("2026-12-0");
        }
        assertThat(layout.blocks(report, Locale.ENGLISH)).extracting(ReportLayout.Block::text)
                .contains("第一条 (第一章 总则)", "第二条 (第一章 总则)");
    }

    @Test
    void aSentReportIsFrozenAndAChangeNeedsANewVersionBothKept() {
        decideAll();
        reports.send(office, draft, point, Instant.now());
        long fees = ids.get(A1_FEES);
        assertThatThrownBy(() -> reports.decide(office, draft, point, fees, true, null))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.report.error.frozen");
        assertThatThrownBy(() -> reports.revise(office, draft, point, a2, "新的建议"))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.report.error.frozen");
        assertThatThrownBy(() -> reports.send(office, draft, point, Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.report.error.frozen");
        byte[] firstSent = reports.sentDocument(office, draft, point, 1).orElseThrow();

        assertThat(reports.newVersion(office, draft, point, Instant.now())).isEqualTo(2);
        reports.decide(office, draft, point, fees, true, "复核后纳入");
        CompiledReport v2 = reports.compile(office, draft, point, null);
        assertThat(v2.version().reportNo()).isEqualTo(2);
        assertThat(v2.included()).isEqualTo(7);
        assertThat(v2.sections().get(0).revision()).startsWith("建议增加"); // carried over

        CompiledReport v1 = reports.compile(office, draft, point, 1);
        assertThat(v1.version().sent()).isTrue();
        assertThat(v1.included()).isEqualTo(6);
        assertThat(reports.sentDocument(office, draft, point, 1).orElseThrow()).isEqualTo(firstSent);
        assertThat(jdbc.sql("select count(*) from legislation_report where draft_id = :d").param("d", draft)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badInputGetsAClearMessageAndWritesNothing() {
        long before = reportRows();
        long fees = ids.get(A1_FEES);
        assertThatThrownBy(() -> reports.decide(office, draft, point, fees, false, " "))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "input.error.required")));
        assertThatThrownBy(() -> reports.decide(office, draft, point, fees, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("legislation.report.error.chooseInclusion"));
        assertThatThrownBy(() -> reports.decide(office, draft, point, fees, false, "理由\u0000"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("input.error.lineCharacters"));
        assertThatThrownBy(() -> reports.decide(office, draft, point, fees, false, "长".repeat(Reports.REASON_MAX + 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("input.error.tooLong"));
        // a comment of another point: refused, and the version it would have opened is rolled back
        long other = jdbc.sql("select id from legislation_comment where draft_id = :d and site_id <> :s").param("d", draft)
                .param("s", point).query(Long.class).single();
        assertThatThrownBy(() -> reports.decide(office, draft, point, other, true, null))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.report.error.unknownComment");
        assertThatThrownBy(() -> reports.revise(office, draft, point, a3 + 100_000, "建议"))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.report.error.unknownArticle");
        assertThat(reportRows()).isEqualTo(before);

        // sending with comments undecided: refused, the version stays open
        reports.decide(office, draft, point, fees, false, "与条文无关");
        assertThatThrownBy(() -> reports.send(office, draft, point, Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.report.error.undecided");
        assertThat(reports.compile(office, draft, point, null).version().sent()).isFalse();
    }

    @Test
    void stationStaffCompileOnlyTheirOwnPointsReport() {
        Long unit = jdbc.sql("select staff_unit_id from liaison_site where id = :s").param("s", point).query(Long.class).optional()
                .orElse(null);
        CivicUser stranger = fx.user(office.accountId(), -1L, Role.STATION_STAFF);
        assertThatThrownBy(() -> reports.decide(stranger, draft, point, ids.get(WHOLE), true, null))
                .isInstanceOf(AccessDeniedException.class);
        if (unit != null) {
            CivicUser staff = fx.user(office.accountId(), unit, Role.STATION_STAFF);
            reports.decide(staff, draft, point, ids.get(WHOLE), true, null);
            assertThat(reports.compile(staff, draft, point, null).included()).isEqualTo(1);
        }
    }

    private long reportRows() {
        return jdbc.sql("select (select count(*) from legislation_report) + (select count(*) from legislation_report_comment)"
                + " + (select count(*) from legislation_report_article)").query(Long.class).single();
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
