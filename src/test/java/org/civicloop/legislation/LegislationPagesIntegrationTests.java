package org.civicloop.legislation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The staff pages of reports, adoption and figures render for every reading role in both languages; forms work without JS. */
@IntegrationTest
class LegislationPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired DemoFixture demo;
    @Autowired JdbcClient jdbc;

    LegislationFixture fx;
    long draft;
    long point;
    long comment;

    @BeforeEach
    void fixture() {
        fx = new LegislationFixture(jdbc);
        point = fx.site(0);
        draft = fx.draft("test-pages-" + System.nanoTime(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), point);
        long a1 = fx.article(draft, 1, 1, "总则", "养犬人携犬出户时，应当为犬只束犬链。");
        fx.article(draft, 2, null, null, "本条例自公布之日起施行。");
        comment = fx.comment(draft, a1, "QR", point, null, "建议写明犬链长度", "13908519999");
    }

    Document page(String path, String role, Locale locale) throws Exception {
        var r = mvc.perform(get(path).param("lang", locale.toLanguageTag()).with(user(demo.user(role)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " as " + role + " in " + locale).isEqualTo(200);
        Document d = Jsoup.parse(r.getContentAsString());
        assertThat(d.getElementById("error-title")).as(path).isNull();
        return d;
    }

    @Test
    void everyPageRendersForEachReadingRoleInBothLanguagesWithNothingPreselected() throws Exception {
        List<String> paths = List.of("/legislation/reports", "/legislation/reports/" + draft + "/" + point,
                "/legislation/adoption", "/legislation/adoption/" + draft, "/legislation/figures",
                "/legislation/figures?year=2026", "/legislation/figures?year=abc", "/legislation/figures/drafts/" + draft);
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String role : List.of("office", "admin", "leader")) {
                for (String path : paths) {
                    Document d = page(path, role, locale);
                    assertThat(d.select("input[type=radio][checked]")).as(path).isEmpty();
                }
            }
            page("/legislation/reports", "station", locale);
        }
        Document report = page("/legislation/reports/" + draft + "/" + point, "office", Locale.SIMPLIFIED_CHINESE);
        assertThat(report.getElementById("comment-" + comment)).isNotNull();
        assertThat(report.select("#comment-" + comment + " input[type=radio]")).hasSize(2);
        // an undecided comment is counted as received and undecided, not yet as included: no row reads 0 beside it
        assertThat(report.select("#report-counts tbody tr").first().select("td").eachText()).startsWith("1", "1", "0");
        Document chart = page("/legislation/figures/drafts/" + draft, "leader", Locale.SIMPLIFIED_CHINESE);
        assertThat(chart.getElementById("legislation-figures-data").data()).contains("\"counts\":[1,0,0]");
    }

    @Test
    void aStationThatRunsNoContactPointIsToldWhyItHasNoDraftAndItsCardPromisesNoRegistering() throws Exception {
        Long unit = demo.user("station").unitId();
        assertThat(jdbc.sql("select count(*) from liaison_site where staff_unit_id = :u and type = 'LEGISLATIVE_POINT'")
                .param("u", unit).query(Long.class).single()).isZero();
        Document drafts = page("/legislation/drafts", "station", Locale.SIMPLIFIED_CHINESE);
        assertThat(drafts.getElementById("no-drafts").text()).startsWith("本站不是基层立法联系点");
        Document list = page("/legislation/reports", "station", Locale.SIMPLIFIED_CHINESE);
        assertThat(list.getElementById("reports-empty").text()).startsWith("本站不是基层立法联系点");
        assertThat(page("/workbench", "station", Locale.SIMPLIFIED_CHINESE).text()).doesNotContain("登记法规草案");
        assertThat(page("/workbench", "office", Locale.SIMPLIFIED_CHINESE).text()).contains("登记法规草案");
        // the office's empty state is not the station's
        assertThat(page("/legislation/drafts", "office", Locale.SIMPLIFIED_CHINESE).text()).doesNotContain("本站不是");
    }

    @Test
    void theDraftPageNamesTheReportOfEachCommentAndWritesArticlesAsTheDraftDoes() throws Exception {
        jdbc.sql("update legislation_draft set opened_at = now() where id = :d").param("d", draft).update();
        fx.comment(draft, null, "ONLINE", null, null, "网上提交的整体意见", null);
        Document d = page("/legislation/drafts/" + draft, "office", Locale.SIMPLIFIED_CHINESE);
        assertThat(d.select("#comment-places a").eachText()).containsExactly(
                jdbc.sql("select name from liaison_site where id = :s").param("s", point).query(String.class).single() + "：1 条",
                "网上征求意见汇总：1 条");
        assertThat(d.select("#comment-places a").eachAttr("href")).containsExactly(
                "/legislation/reports/" + draft + "/" + point, "/legislation/reports/" + draft + "/0");
        assertThat(d.getElementById("comment-" + comment).text()).contains("第一条").doesNotContain("第1条");
        Document report = page("/legislation/reports/" + draft + "/" + point, "office", Locale.SIMPLIFIED_CHINESE);
        assertThat(report.getElementById("article-" + jdbc.sql("select article_id from legislation_comment where id = :c")
                .param("c", comment).query(Long.class).single()).text()).contains("第一条", "第一章 总则").doesNotContain("第1条");
        Document online = page("/legislation/reports/" + draft + "/0", "office", Locale.ENGLISH);
        assertThat(online.getElementById("report-source").text()).isEqualTo("Comments sent online");
    }

    @Test
    void thePublicDraftCountsCommentsInGoodEnglish() throws Exception {
        jdbc.sql("update legislation_draft set opened_at = now() where id = :d").param("d", draft).update();
        fx.comment(draft, null, "ONLINE", null, null, "整体意见", null);
        var r = mvc.perform(get("/public/drafts/" + draft).param("lang", "en")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        String text = Jsoup.parse(r.getContentAsString()).text();
        assertThat(text).contains("1 comment received").doesNotContain("1 comments");
    }

    @Test
    void theFormsWorkWithoutJavaScriptAndExplainBadInput() throws Exception {
        var office = demo.user("office");
        String base = "/legislation/reports/" + draft + "/" + point;
        // no choice made: the page says so (in the flash it shows next) and nothing is written
        var refused = mvc.perform(post(base + "/comments/" + comment).with(user(office)).with(csrf()).param("reason", ""))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).endsWith("#error-summary");
        assertThat(refused.getFlashMap().get("errors")).asString().contains("请选择纳入或不纳入");
        assertThat(jdbc.sql("select count(*) from legislation_report where draft_id = :d").param("d", draft).query(Long.class).single())
                .isZero();

        mvc.perform(post(base + "/comments/" + comment).with(user(office)).with(csrf()).param("included", "true")).andReturn();
        mvc.perform(post(base + "/revisions").with(user(office)).with(csrf()).param("article", "").param("revision", "整体建议"))
                .andReturn();
        mvc.perform(post(base + "/send").with(user(office)).with(csrf())).andReturn();
        assertThat(jdbc.sql("select status from legislation_report where draft_id = :d").param("d", draft).query(String.class).single())
                .isEqualTo("SENT");
        var docx = mvc.perform(get(base + "/report.docx").param("no", "1").with(user(office))).andReturn().getResponse();
        assertThat(docx.getContentType()).contains("wordprocessingml");
        var pdf = mvc.perform(get(base + "/report.pdf").with(user(office))).andReturn().getResponse();
        assertThat(pdf.getContentAsByteArray()).startsWith("%PDF".getBytes());

        // the final text uploaded as a .docx
        byte[] upload;
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : List.of("测试条例", "第一条 养犬人携犬出户时，应当为犬只束犬链，犬链不超过一点五米。", "第二条 本条例自公布之日起施行。")) {
                d.createParagraph().createRun().setText(line);
            }
            d.write(out);
            upload = out.toByteArray();
        }
        mvc.perform(multipart("/legislation/adoption/" + draft + "/final-text")
                        .file(new MockMultipartFile("file", "final.docx", "application/octet-stream", upload))
                        .param("passedOn", "2026-06-01").with(user(office)).with(csrf()))
                .andReturn();
        assertThat(jdbc.sql("select final_text from legislation_draft where id = :d").param("d", draft).query(String.class).single())
                .contains("第二条 本条例自公布之日起施行。");
        Document adoption = page("/legislation/adoption/" + draft, "office", Locale.SIMPLIFIED_CHINESE);
        assertThat(adoption.select(".article-change")).hasSize(2);
        assertThat(adoption.select(".article-change ins").text()).contains("犬链不超过一点五米");
        // each change names its articles as the draft numbers them
        assertThat(adoption.select(".article-change h3").eachText()).anyMatch(t -> t.contains("草案第一条") && t.contains("通过文本第一条"))
                .noneMatch(t -> t.matches(".*第\\d+条.*"));
        assertThat(adoption.select("input[name=outcome][checked]")).isEmpty();
        // a leader reads but does not change
        assertThat(mvc.perform(post("/legislation/adoption/" + draft + "/publish").with(user(demo.user("leader"))).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
