package org.civicloop.suggestions.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.kpi.KpiFixtures;
import org.civicloop.suggestions.kpi.KpiFixtures.TestUnit;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.kpi.SuggestionKpis;
import org.civicloop.suggestions.kpi.UnitKpis;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Collective notices: figures frozen at generation and never changed by later work, a Chinese PDF,
 * a public page for published ones only, and only the office may make and publish them. The
 * fixture's suggestions are assigned 415 days ago, a window no other test uses.
 */
@IntegrationTest
class BulletinIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    Bulletins bulletins;
    @Autowired
    SuggestionService service;
    @Autowired
    SuggestionKpis kpis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;

    @Test
    void aPublishedBulletinKeepsItsFiguresTheOfficeMadeAndThePublicSeesIt() throws Exception {
        KpiFixtures fx = new KpiFixtures(service, jdbc, users);
        TestUnit unit = fx.unit("通报测试丙局");
        Instant assigned = KpiFixtures.daysAgo(415);
        long t1 = fx.ledBy("通报T1燕楼乡通组公路", unit, assigned);
        service.sign(t1, 1, unit.clerk());
        long t2 = fx.ledBy("通报T2马铃乡卫生院", unit, assigned);
        fx.reply(t2, 1, unit, "A", "A");
        long t3 = fx.registered("通报T3涉密事项标题", true);
        service.assign(t3, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unit.id(), AssignmentRole.LEAD)), fx.office, assigned);
        service.sign(t3, 1, unit.clerk());
        LocalDate today = LocalDate.now(KpiFixtures.ZONE);
        KpiPeriod period = KpiPeriod.between(today.minusDays(420), today.minusDays(410));

        long id = bulletins.create("2025年第四季度代表建议办理情况通报", period, "请各承办单位对照通报抓紧办理。", fx.office);
        BulletinView b = bulletins.find(id);
        assertThat(b.status()).isEqualTo("GENERATED");
        assertThat(b.units()).extracting(UnitKpis::unitName).containsExactly(unit.name());
        // 3 replies owed; T2 replied (late: due months ago), T1 and T3 overdue now; class A once
        frozen(b, 3, 1, 0, 2);
        assertThat(b.units().get(0).classes()).containsEntry("A", 1L);
        assertThat(b.units().get(0).onTimeRate().text()).isEqualTo("0.0%");
        assertThat(b.overdue()).extracting(BulletinView.Overdue::suggestionId).containsExactlyInAnyOrder(t1, t3);
        BulletinView.Overdue o1 = b.overdue().stream().filter(o -> o.suggestionId() == t1).findFirst().orElseThrow();
        Instant due = jdbc.sql("select due_at from suggestion_assignment where suggestion_id = :s and seq = 1").param("s", t1)
                .query(Instant.class).single();
        assertThat(o1.title()).isEqualTo("通报T1燕楼乡通组公路");
        assertThat(o1.unitName()).isEqualTo(unit.name());
        assertThat(o1.daysOverdue()).isEqualTo((int) ChronoUnit.DAYS.between(due.atZone(KpiFixtures.ZONE).toLocalDate(), today))
                .isGreaterThan(300);
        BulletinView.Overdue o3 = b.overdue().stream().filter(o -> o.suggestionId() == t3).findFirst().orElseThrow();
        assertThat(o3.title()).as("a confidential suggestion keeps no title in a bulletin").isNull();
        assertThat(o3.confidential()).isTrue();

        // not public before publication
        mvc.perform(get("/public/bulletins/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/public/bulletins/{id}.pdf", id)).andExpect(status().isNotFound());
        mvc.perform(get("/public/bulletins")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("2025年第四季度代表建议办理情况通报"))));
        // the office previews it and may compute it again while unpublished
        mvc.perform(get("/suggestions/bulletins/{id}", id).with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2025年第四季度代表建议办理情况通报")))
                .andExpect(content().string(containsString("publish-bulletin")));
        bulletins.regenerate(id, fx.office);
        frozen(bulletins.find(id), 3, 1, 0, 2);

        mvc.perform(post("/suggestions/bulletins/{id}/publish", id).with(csrf()).with(user(u("office"))))
                .andExpect(redirectedUrl("/suggestions/bulletins/" + id))
                .andExpect(flash().attribute("done", "bulletin.done.published"));
        assertThat(audit(id)).containsExactly("bulletin.generated", "bulletin.generated", "bulletin.published");

        // later work changes the live figures, not the published bulletin
        fx.replyAgain(t1, 1, unit, "B", "B");
        UnitKpis live = kpis.compute(period, Instant.now()).units().get(0);
        assertThat(live.replied()).isEqualTo(2);
        assertThat(live.overdue()).isEqualTo(1);
        BulletinView published = bulletins.find(id);
        frozen(published, 3, 1, 0, 2);
        assertThat(published.overdue()).hasSize(2);
        assertThatThrownBy(() -> bulletins.regenerate(id, fx.office)).isInstanceOf(BusinessException.class)
                .extracting("status").isEqualTo(409);
        mvc.perform(post("/suggestions/bulletins/{id}/regenerate", id).with(csrf()).with(user(u("office"))))
                .andExpect(flash().attribute("failed", "bulletin.error.published"));
        assertThatThrownBy(() -> jdbc.sql("update suggestion_bulletin_unit set replied = 2 where bulletin_id = :id")
                .param("id", id).update()).as("the database refuses too").isInstanceOf(DataAccessException.class);
        frozen(bulletins.find(id), 3, 1, 0, 2);

        // the public page, without sign-in: the figures, the overdue list, no confidential title
        mvc.perform(get("/public/bulletins")).andExpect(status().isOk())
                .andExpect(content().string(containsString("2025年第四季度代表建议办理情况通报")));
        mvc.perform(get("/public/bulletins/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString(unit.name())))
                .andExpect(content().string(containsString("通报T1燕楼乡通组公路")))
                .andExpect(content().string(containsString("涉密建议，标题不公开")))
                .andExpect(content().string(not(containsString("通报T3涉密事项标题"))))
                .andExpect(content().string(containsString("请各承办单位对照通报抓紧办理。")))
                .andExpect(content().string(containsString("按时办复率")));

        byte[] pdf = mvc.perform(get("/public/bulletins/{id}.pdf", id)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertThat(text.toString()).contains("2025年第四季度代表建议办理情况通报", unit.name(), "通报T1燕楼乡通组公路",
                "按时办复率", "0.0%", "超期天数").doesNotContain("通报T3涉密事项标题");
        assertThat(fontNames(reader)).anyMatch(n -> n.matches("/[A-Z]{6}\\+WenQuanYiMicroHei.*"));
    }

    @Test
    void onlyTheOfficeMakesAndPublishesBulletinsAndABadFormWritesNothing() throws Exception {
        KpiPeriod period = KpiPeriod.of("2001");
        long id = bulletins.create("权限测试通报", period, null, u("office"));
        for (String who : List.of("leader", "unit", "deputy", "evaluation")) {
            mvc.perform(get("/suggestions/bulletins").with(user(u(who)))).andExpect(status().isForbidden());
            mvc.perform(get("/suggestions/bulletins/{id}.pdf", id).with(user(u(who)))).andExpect(status().isForbidden());
            mvc.perform(post("/suggestions/bulletins/{id}/publish", id).with(csrf()).with(user(u(who))))
                    .andExpect(status().isForbidden());
        }
        assertThatThrownBy(() -> bulletins.publish(id, u("leader"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bulletins.create("x", period, null, u("evaluation"))).isInstanceOf(AccessDeniedException.class);
        assertThat(bulletins.find(id).status()).isEqualTo("GENERATED");
        mvc.perform(get("/public/bulletins/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/public/bulletins/{id}", 987_654_321L)).andExpect(status().isNotFound());

        long before = jdbc.sql("select count(*) from suggestion_bulletin").query(Long.class).single();
        mvc.perform(post("/suggestions/bulletins").with(csrf()).with(user(u("office"))).param("title", " ").param("period", "2001"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写通报标题")));
        mvc.perform(post("/suggestions/bulletins").with(csrf()).with(user(u("office"))).param("title", "无效统计期")
                        .param("period", "2001-Q9"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择有效的统计期")))
                .andExpect(content().string(containsString("无效统计期")));
        assertThat(jdbc.sql("select count(*) from suggestion_bulletin").query(Long.class).single()).isEqualTo(before);

        // an empty period still makes a bulletin: no units, dashes for rates, a PDF in Chinese
        String location = mvc.perform(post("/suggestions/bulletins").with(csrf()).with(user(u("office")))
                        .param("title", "2001年通报").param("period", "2001-H1").param("foreword", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        byte[] pdf = mvc.perform(get(location + ".pdf").with(user(u("office")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("2001年通报", "2001年上半年", "未发布的预览稿", "全区合计", "—");
    }

    /**
     * Defect: 「A类：所提问题已经解决或者基本解决; B类：…」, 「0.0% (0/1)」 and the PDF's 「办复率: 已答复件…」
     * in Chinese. Chinese pages and PDFs now punctuate in Chinese, English ones in English.
     */
    @Test
    void aBulletinPunctuatesChineseInChineseAndEnglishInEnglish() throws Exception {
        KpiFixtures fx = new KpiFixtures(service, jdbc, users);
        TestUnit unit = fx.unit("通报标点丁局");
        Instant assigned = KpiFixtures.daysAgo(515);
        long t1 = fx.ledBy("通报标点T1", unit, assigned);
        fx.reply(t1, 1, unit, "A", "A");
        fx.ledBy("通报标点T2", unit, assigned);
        LocalDate today = LocalDate.now(KpiFixtures.ZONE);
        long id = bulletins.create("标点测试通报", KpiPeriod.between(today.minusDays(520), today.minusDays(510)), null, fx.office);
        bulletins.publish(id, fx.office);

        String zh = mvc.perform(get("/public/bulletins/{id}", id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String zhText = org.jsoup.Jsoup.parse(zh).select("main").text();
        assertThat(zhText).contains("A类：所提问题已经解决或者基本解决；B类：", "0.0%（0/1）", "（主办）")
                .doesNotContain("; B类", "0.0% (0/1)", "(主办)");
        String en = org.jsoup.Jsoup.parse(mvc.perform(get("/public/bulletins/{id}", id).param("lang", "en"))
                .andReturn().getResponse().getContentAsString()).select("main").text();
        assertThat(en).contains("; Class B: ", "0.0% (0/1)").doesNotContain("；", "（");

        String zhPdf = pdfText(mvc.perform(get("/public/bulletins/{id}.pdf", id)).andReturn().getResponse().getContentAsByteArray());
        assertThat(zhPdf).contains("办复率：已答复件", "落实率：落实类（A、B类）", unit.name() + "（主办）").doesNotContain("办复率:", " (主办)");
        String enPdf = pdfText(mvc.perform(get("/public/bulletins/{id}.pdf", id).param("lang", "en")).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(enPdf).doesNotContain("：", "（");

        // the dashboard's definitions, the same way
        String dashboard = org.jsoup.Jsoup.parse(mvc.perform(get("/suggestions/dashboard").with(user(u("office"))))
                .andReturn().getResponse().getContentAsString()).select("#kpi-definitions").text();
        assertThat(dashboard).contains("A类：所提问题已经解决或者基本解决；B类：", "落实类（A、B类）").doesNotContain("; ", "A, B");
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        return text.toString();
    }

    private static void frozen(BulletinView b, long assigned, long replied, long onTime, long overdue) {
        UnitKpis u = b.units().get(0);
        assertThat(new long[] {u.assigned(), u.replied(), u.onTime(), u.overdue()}).containsExactly(assigned, replied, onTime, overdue);
        UnitKpis d = b.district();
        assertThat(new long[] {d.assigned(), d.replied(), d.onTime(), d.overdue()}).containsExactly(assigned, replied, onTime, overdue);
    }

    private List<String> audit(long id) {
        return jdbc.sql("select action from audit_entry where subject_type = 'bulletin' and subject_id = :id order by id")
                .param("id", Long.toString(id)).query(String.class).list();
    }

    private static List<String> fontNames(PdfReader reader) {
        List<String> names = new ArrayList<>();
        PdfDictionary resources = (PdfDictionary) PdfReader.getPdfObject(reader.getPageN(1).get(PdfName.RESOURCES));
        PdfDictionary fonts = (PdfDictionary) PdfReader.getPdfObject(resources.get(PdfName.FONT));
        for (PdfName name : fonts.getKeys()) {
            PdfDictionary font = (PdfDictionary) PdfReader.getPdfObject(fonts.get(name));
            names.add(String.valueOf(font.getAsName(PdfName.BASEFONT)));
        }
        return names;
    }

    private CivicUser u(String name) {
        return demo.user(name);
    }
}
