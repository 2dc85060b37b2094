package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import javax.sql.DataSource;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 转为代表建议: an opinion reads 已转代表建议 only once a saved suggestion includes it. The button
 * opens the new-suggestion form with the opinion linked by its receipt code and the form filled from
 * it; leaving the form changes nothing. The form takes receipt codes and refuses each one it cannot
 * take with that code's one reason.
 */
@IntegrationTest
class OpinionIntoSuggestionIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    OpinionService opinions;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    Addressing addressing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    CivicUser u(String name) {
        return demo.user(name);
    }

    Opinion viaCode(String token, String category, String content) {
        Addressing.Addressee a = addressing.byToken(token).orElseThrow();
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        return opinions.submit(SubmitOpinion.of(Channel.QR).addressee(a.kind(), a.id()).category(category).content(content)
                .place(village, null).build(), List.of());
    }

    Document page(String path, String username) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(user(u(username)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(r.getContentAsString());
    }

    /** What the voter reads on the receipt-code page: the status and the timeline. */
    String voterSees(Opinion o) throws Exception {
        Document d = Jsoup.parse(mvc.perform(get("/public/opinions/" + o.receiptCode())).andReturn().getResponse().getContentAsString());
        return d.select("#opinion-status").text() + " | " + d.select("#timeline").text() + " | " + d.select("#suggestion-outcome").size();
    }

    String stateOf(Opinion o) {
        return jdbc.sql("select status || ' ' || coalesce(suggestion_id::text, '-') from opinion where id = :id")
                .param("id", o.id()).query(String.class).single();
    }

    long draftsOfTheDeputy() {
        return jdbc.sql("select count(*) from suggestion where lead_deputy_id = :d").param("d", suggestions.deputyIdOf(u("deputy")))
                .query(Long.class).single();
    }

    @Test
    void theButtonOpensAFilledFormAndOnlySavingTheSuggestionTakesTheOpinionUp() throws Exception {
        String text = "村里到镇上的公交一天只有两班，早上赶不上学校上课，希望增加早班车";
        Opinion o = viaCode("wangjg2026hx", "URBAN", text);
        opinions.accept(o.id(), u("deputy"));
        String voterBefore = voterSees(o);
        assertThat(voterBefore).startsWith("已受理 | ").endsWith(" | 0");
        long draftsBefore = draftsOfTheDeputy();

        // the button is a link to the form, not a move of the opinion
        Element button = page("/opinions/" + o.id(), "deputy").selectFirst("#to-suggestion");
        assertThat(button).isNotNull();
        assertThat(button.tagName()).isEqualTo("a");
        assertThat(button.attr("href")).isEqualTo("/suggestions/new?opinion=" + o.id());

        Document form = page(button.attr("href"), "deputy");
        assertThat(form.selectFirst("#opinions").val()).isEqualTo(o.receiptCode());
        assertThat(form.selectFirst("#content").text()).isEqualTo(text);
        assertThat(form.select("#category option[selected]").eachAttr("value")).containsExactly("URBAN");
        assertThat(form.selectFirst("#title").val()).isEmpty();
        assertThat(form.select("label[for=opinions]").text()).isEqualTo("关联的群众意见回执码");

        // the deputy leaves the form: nothing changed, and the button is still there
        assertThat(stateOf(o)).isEqualTo("ACCEPTED -");
        assertThat(voterSees(o)).isEqualTo(voterBefore);
        assertThat(draftsOfTheDeputy()).isEqualTo(draftsBefore);
        Document again = page("/opinions/" + o.id(), "deputy");
        assertThat(again.select("#opinion-status").text()).isEqualTo("已受理");
        assertThat(again.select("#to-suggestion")).hasSize(1);

        // saved (the code typed as a person might: lower case, no dash): now it is taken up
        String typed = o.receiptCode().toLowerCase(java.util.Locale.ROOT).replace("-", "");
        String location = mvc.perform(post("/suggestions").with(csrf()).with(user(u("deputy")))
                        .param("title", "增加村镇早班公交").param("content", text).param("category", "URBAN")
                        .param("period", "RECESS").param("opinions", typed))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/suggestions/");
        long id = Long.parseLong(location.substring("/suggestions/".length()));
        assertThat(stateOf(o)).isEqualTo("IN_SUGGESTION " + id);
        assertThat(draftsOfTheDeputy()).isEqualTo(draftsBefore + 1);
        assertThat(voterSees(o)).startsWith("已转代表建议 | ").endsWith(" | 1");
        Document after = page("/opinions/" + o.id(), "deputy");
        assertThat(after.select("#opinion-status").text()).isEqualTo("已转代表建议");
        assertThat(after.select("#to-suggestion")).isEmpty();
        assertThat(page(location, "deputy").select("#linked-opinions a[href=/opinions/" + o.id() + "]").text())
                .isEqualTo(o.receiptCode());
        // the edit form names it by its receipt code too
        assertThat(page(location + "/edit", "deputy").selectFirst("#opinions").val()).isEqualTo(o.receiptCode());
    }

    /**
     * Before the button became a link, leaving the form stranded an opinion at 已转代表建议 with no
     * suggestion. V182 returns such an opinion to 已受理, says so on the voter's timeline, and leaves
     * alone one a saved suggestion took up; the deputy can take it up again.
     */
    @Test
    void theMigrationReturnsAnOpinionStrandedWithoutASuggestionToAccepted() throws Exception {
        Opinion stranded = viaCode("wangjg2026hx", "URBAN", "村里的自来水这几天发黄，烧开了还有一层沉淀");
        opinions.accept(stranded.id(), u("deputy"));
        Opinion taken = viaCode("wangjg2026hx", "URBAN", "村委会门前的公告栏玻璃碎了一地，孩子路过容易划伤");
        opinions.accept(taken.id(), u("deputy"));
        // what the old button wrote: the status and its public step, no suggestion
        jdbc.sql("update opinion set status = 'IN_SUGGESTION' where id = :id").param("id", stranded.id()).update();
        jdbc.sql("insert into opinion_step (opinion_id, kind, public_step, at) values (:id, 'toSuggestion', true, now())")
                .param("id", stranded.id()).update();
        jdbc.sql("update opinion set status = 'IN_SUGGESTION', suggestion_id = 999999 where id = :id")
                .param("id", taken.id()).update();
        assertThat(page("/opinions/" + stranded.id(), "deputy").select("#to-suggestion")).isEmpty();

        new ResourceDatabasePopulator(new ClassPathResource("db/migration/opinions/V182__return_stranded_suggestion_opinions.sql")).execute(dataSource);

        assertThat(stateOf(stranded)).isEqualTo("ACCEPTED -");
        assertThat(stateOf(taken)).isEqualTo("IN_SUGGESTION 999999");
        assertThat(voterSees(stranded)).startsWith("已受理 | ").contains("已转为人大代表建议办理").endsWith("未形成代表建议，恢复为已受理 | 0");
        Document page = page("/opinions/" + stranded.id(), "deputy");
        assertThat(page.select("#opinion-status").text()).isEqualTo("已受理");
        assertThat(page.select("#to-suggestion")).hasSize(1);
    }

    @Test
    void theFormTakesNoCategoryTheSuggestionsDictionaryLacksNorAnOpinionTheDeputyMayNotOpen() throws Exception {
        // 交通出行 has no suggestion category of the same code: the deputy chooses
        Opinion traffic = viaCode("wangjg2026hx", "TRAFFIC", "镇上路口没有红绿灯，学生过马路很危险");
        opinions.accept(traffic.id(), u("deputy"));
        Document form = page("/suggestions/new?opinion=" + traffic.id(), "deputy");
        assertThat(form.select("#category option[selected]")).as("none chosen: the first option, 请选择, shows").isEmpty();
        assertThat(form.select("#category option").first().val()).isEmpty();
        assertThat(form.selectFirst("#content").text()).isEqualTo("镇上路口没有红绿灯，学生过马路很危险");

        // addressed to the station: the deputy may not open it, so the form shows nothing of it
        Opinion station = viaCode("qingyan2026z", "URBAN", "联络站收到的意见，代表无权查看");
        Document empty = page("/suggestions/new?opinion=" + station.id(), "deputy");
        assertThat(empty.selectFirst("#opinions").val()).isEmpty();
        assertThat(empty.selectFirst("#content").text()).isEmpty();
        assertThat(empty.html()).doesNotContain(station.receiptCode());
    }

    /** The office and station staff cannot draft a suggestion, so they are not offered one: the opinion stays theirs to route. */
    @Test
    void theOfficeAndStationStaffAreNotOfferedToTakeAnOpinionUpInASuggestion() throws Exception {
        Opinion atStation = viaCode("qingyan2026z", "URBAN", "青岩镇集市旁的公厕年久失修，希望翻新");
        opinions.accept(atStation.id(), u("station"));
        for (String who : List.of("station", "office")) {
            Document d = page("/opinions/" + atStation.id(), who);
            assertThat(d.select("#route-actions")).as(who).hasSize(1);
            assertThat(d.select("#to-suggestion")).as(who).isEmpty();
            // the old move is gone: posting it changes nothing
            int answer = mvc.perform(post("/opinions/" + atStation.id() + "/to-suggestion").with(csrf()).with(user(u(who))))
                    .andReturn().getResponse().getStatus();
            assertThat(answer).as(who).isEqualTo(404);
            assertThat(stateOf(atStation)).isEqualTo("ACCEPTED -");
        }
        assertThat(mvc.perform(get("/suggestions/new?opinion=" + atStation.id()).with(user(u("station"))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void eachCodeTheFormCannotTakeIsRefusedWithItsOneReasonInBothLanguages() throws Exception {
        Opinion notAccepted = viaCode("wangjg2026hx", "URBAN", "还没有受理的意见：村口路灯不亮");
        Opinion handling = viaCode("wangjg2026hx", "URBAN", "已交办的意见：村口水管漏水");
        opinions.accept(handling.id(), u("deputy"));
        opinions.forward(handling.id(), demo.unit("花溪区住房和城乡建设局"), "", u("deputy"));
        Opinion taken = viaCode("wangjg2026hx", "URBAN", "已纳入建议的意见：村里缺少垃圾桶");
        opinions.accept(taken.id(), u("deputy"));
        suggestions.draft(new SuggestionDraft("增设垃圾桶", "建议增设垃圾桶。", "URBAN", SubmissionPeriod.RECESS, List.of(),
                List.of(taken.id())), u("deputy"));
        Opinion fine = viaCode("wangjg2026hx", "URBAN", "可以纳入的意见：村里缺少路灯");
        opinions.accept(fine.id(), u("deputy"));
        String unknown = "ZZZZZ-ZZZZ0";
        assertThat(jdbc.sql("select count(*) from opinion where receipt_code = :c").param("c", unknown).query(Long.class).single()).isZero();
        long before = draftsOfTheDeputy();

        String typed = String.join("，", fine.receiptCode(), notAccepted.receiptCode(), handling.receiptCode(),
                taken.receiptCode(), unknown, "54");
        Document zh = refused(typed, "zh-CN");
        assertThat(zh.select("#error-summary li").eachText()).containsExactly(
                "群众意见 " + notAccepted.receiptCode() + " 尚未受理：受理后才能纳入建议。",
                "群众意见 " + handling.receiptCode() + " 已交承办单位办理中，不能再纳入建议。",
                "群众意见 " + taken.receiptCode() + " 已纳入另一件代表建议。",
                "没有回执码为 " + unknown + " 的群众意见，请核对回执码。",
                "没有回执码为 54 的群众意见，请核对回执码。");
        assertThat(zh.selectFirst("#opinions").val()).as("the field keeps what was typed").isEqualTo(typed);
        Document en = refused(typed, "en");
        assertThat(en.select("#error-summary li").eachText()).containsExactly(
                "Opinion " + notAccepted.receiptCode() + " has not been accepted yet: accept it before taking it up in a suggestion.",
                "Opinion " + handling.receiptCode() + " is being handled by a unit, so it cannot be taken up in a suggestion as well.",
                "Opinion " + taken.receiptCode() + " is already taken up in another suggestion.",
                "No voter opinion has the receipt code " + unknown + ": please check it.",
                "No voter opinion has the receipt code 54: please check it.");

        // nothing saved, and the opinion that could be taken up was not
        assertThat(draftsOfTheDeputy()).isEqualTo(before);
        assertThat(stateOf(fine)).isEqualTo("ACCEPTED -");
        assertThat(stateOf(notAccepted)).isEqualTo("SUBMITTED -");
        assertThat(stateOf(handling)).isEqualTo("HANDLING -");
    }

    private Document refused(String typed, String lang) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/suggestions").param("lang", lang).with(csrf()).with(user(u("deputy")))
                .param("title", "不应保存的建议").param("content", "内容。").param("category", "URBAN")
                .param("period", "RECESS").param("opinions", typed)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return Jsoup.parse(r.getContentAsString());
    }
}
