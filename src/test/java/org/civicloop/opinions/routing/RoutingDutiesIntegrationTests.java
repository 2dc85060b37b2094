package org.civicloop.opinions.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The handling units' duty descriptions on the real database: the office writes them on their page
 * (refused input writes nothing and comes back as typed), every change is audited, and a suggestion
 * reads them where the history holds only loosely related matters.
 */
@IntegrationTest
class RoutingDutiesIntegrationTests {

    static final String MARKET = "花溪区市场监督管理局";
    static final String QINGYAN = "青岩镇人民政府";
    static final String SHIBAN = "石板镇人民政府";

    @Autowired
    DemoFixture demo;
    @Autowired
    RoutingSuggestions suggestions;
    @Autowired
    RoutingDecisions decisions;
    @Autowired
    OpinionService opinions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    /** The demo's duties, put back after each test so that other tests' suggestions see them unchanged. */
    private List<Map<String, Object>> demoDuties;
    /** The office signed in: sessions (and the flash a redirect carries) live in Spring Session's JDBC store. */
    private Cookie office;

    @BeforeEach
    void keepDemoDutiesAndSignIn() throws Exception {
        demoDuties = jdbc.sql("select unit_id, category, duty from routing_unit_duty").query().listOfRows();
        office = mvc.perform(formLogin("/login").user("office").password(DemoFixture.PASSWORD)).andReturn()
                .getResponse().getCookie("SESSION");
    }

    @AfterEach
    void restoreDemoDuties() {
        jdbc.sql("delete from routing_unit_duty").update();
        demoDuties.forEach(r -> jdbc.sql("insert into routing_unit_duty (unit_id, category, duty) values (:u, :c, :d)")
                .param("u", r.get("unit_id")).param("c", r.get("category")).param("d", r.get("duty")).update());
    }

    private Map<String, Object> duty(long unitId) {
        return jdbc.sql("select category, duty from routing_unit_duty where unit_id = :u").param("u", unitId)
                .query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    /** What the office was told after posting: the outcome's key and the page it was redirected to. */
    record Written(String failed, String redirectedUrl, String page) {
    }

    /** Posts a unit's duty and, as a browser does, follows the redirect (which takes the outcome with it). */
    private Written write(long unitId, String category, String duty) throws Exception {
        MvcResult posted = mvc.perform(post("/opinions/routing/duties/{u}", unitId).cookie(office).with(csrf())
                        .param("category", category).param("duty", duty))
                .andExpect(status().is3xxRedirection()).andReturn();
        return new Written((String) posted.getFlashMap().get("failed"), posted.getResponse().getRedirectedUrl(),
                page("/opinions/routing/duties"));
    }

    /** A page as the office sees it next, after a redirect: with the outcome (and the draft) the redirect carried. */
    private String page(String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).cookie(office)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private long audited(long unitId) {
        return jdbc.sql("select count(*) from audit_entry where subject_type = 'routing-duty' and subject_id = :u and action = 'routing.dutyWritten'")
                .param("u", Long.toString(unitId)).query(Long.class).single();
    }

    @Test
    void theOfficeWritesAUnitsDutyAndTheChangeIsAudited() throws Exception {
        long market = demo.unit(MARKET);
        long auditedBefore = audited(market);
        String text = "菜市场和超市的计量器具检定，缺斤短两，食品安全";
        Written posted = write(market, "BUSINESS", "  " + text + "\n");
        assertThat(posted.failed()).isNull();
        assertThat(posted.redirectedUrl()).isEqualTo("/opinions/routing/duties#duty-" + market);
        assertThat(duty(market)).containsEntry("category", "BUSINESS").containsEntry("duty", text);
        assertThat(audited(market)).isEqualTo(auditedBefore + 1);
        assertThat(posted.page()).contains("职责说明已保存。").contains(text).contains("id=\"duty-" + market + "\"");
        // the district's departments first, then the town and street governments
        String page = posted.page();
        assertThat(page.indexOf("区直部门和驻区单位")).isPositive().isLessThan(page.indexOf("id=\"duty-" + market + "\""));
        assertThat(page.indexOf("id=\"duty-" + market + "\"")).isLessThan(page.indexOf("<h2 class=\"h5 mt-4\">乡镇（街道）</h2>"));
        assertThat(page.indexOf("<h2 class=\"h5 mt-4\">乡镇（街道）</h2>")).isLessThan(page.indexOf("id=\"duty-" + demo.unit(QINGYAN) + "\""));

        // saved again unchanged: nothing more in the audit trail
        write(market, "BUSINESS", text);
        assertThat(audited(market)).isEqualTo(auditedBefore + 1);

        // a blank description removes what was written: the unit is then suggested from history alone
        write(market, "", "   ");
        assertThat(duty(market)).isEmpty();
        assertThat(audited(market)).isEqualTo(auditedBefore + 2);
    }

    @Test
    void refusedInputWritesNothingAndComesBackAsTyped() throws Exception {
        long market = demo.unit(MARKET);
        write(market, "BUSINESS", "食品安全和计量监督");
        long auditedBefore = audited(market);

        String tooLong = "计".repeat(RoutingDuties.MAX_DUTY + 1);
        Written refused = write(market, "BUSINESS", tooLong);
        assertThat(refused.failed()).isEqualTo("routing.duty.error.tooLong");
        assertThat(refused.page()).doesNotContain("职责说明已保存。").contains("职责说明不能超过 1,000 个字（现有 1,001 个字）。").contains(tooLong);

        assertThat(write(market, "NOT_A_CATEGORY", "食品安全").failed())
                .isEqualTo("opinion.error.category");
        assertThat(write(market, "BUSINESS", "食品\u2028安全").failed()).isEqualTo("routing.duty.error.control");
        // a NUL never reaches the page: the request is refused as a whole
        mvc.perform(post("/opinions/routing/duties/{u}", market).cookie(office).with(csrf())
                .param("category", "BUSINESS").param("duty", "食品\u0000安全")).andExpect(status().isBadRequest());
        assertThat(write(market, "BUSINESS", "").failed())
                .isEqualTo("routing.duty.error.categoryWithoutDuty");
        // the congress office itself is no handling unit
        long congressOffice = demo.user("office").unitId();
        assertThat(write(congressOffice, "", "人大代表建议的交办").failed())
                .isEqualTo("routing.duty.error.unit");
        assertThat(duty(congressOffice)).isEmpty();

        assertThat(duty(market)).containsEntry("category", "BUSINESS").containsEntry("duty", "食品安全和计量监督");
        assertThat(audited(market)).isEqualTo(auditedBefore);
    }

    @Test
    void onlyTheOfficeReadsAndWritesDuties() throws Exception {
        long market = demo.unit(MARKET);
        Map<String, Object> before = duty(market);
        mvc.perform(get("/opinions/routing/duties").with(user(demo.user("unit")))).andExpect(status().isForbidden());
        mvc.perform(post("/opinions/routing/duties/{u}", market).with(csrf()).with(user(demo.user("unit")))
                .param("category", "").param("duty", "由我单位负责")).andExpect(status().isForbidden());
        assertThat(duty(market)).isEqualTo(before);
    }

    @Test
    void aUnitsDutyOutweighsLooselyRelatedHistory() throws Exception {
        String n = Long.toString(System.nanoTime() % 1_000_000);
        String text = "小区楼顶新装了一个" + n + "号无人机起降平台，每天夜里无人机反复起降，螺旋桨噪声很大，吵得居民睡不着";
        long market = demo.unit(MARKET);
        // before: nothing in the history or the duties is about drones; the market bureau is not the answer
        assertThat(suggestions.forText(text, null).best()).map(RoutingSuggestions.UnitChoice::unitId).isNotEqualTo(Long.valueOf(market));

        write(market, "BUSINESS", "无人机起降平台的设置和夜间无人机起降噪声扰民");
        var after = suggestions.forText(text, null);
        assertThat(after.best()).map(RoutingSuggestions.UnitChoice::unitName).contains(MARKET);
        assertThat(after.category()).isEqualTo("BUSINESS");
        assertThat(after.byDuty()).contains(market);

        // the office tries the text on the duties page: the same answer, and nothing is stored
        long shown = jdbc.sql("select count(*) from routing_suggestion").query(Long.class).single();
        String tried = HtmlUtils.htmlUnescape(mvc.perform(post("/opinions/routing/duties/try").cookie(office).with(csrf())
                .param("text", text)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String result = tried.substring(tried.indexOf("id=\"routing-try-result\""));
        assertThat(result.substring(0, result.indexOf("</ol>"))).contains(MARKET).contains("（主要依据职责说明）");
        assertThat(jdbc.sql("select count(*) from routing_suggestion").query(Long.class).single()).isEqualTo(shown);
        String blank = HtmlUtils.htmlUnescape(mvc.perform(post("/opinions/routing/duties/try").cookie(office).with(csrf())
                .param("text", "  ")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(blank).contains("请填写此项。").doesNotContain("id=\"routing-try-result\"");
    }

    @Test
    void theTownsSharedDutyGoesToTheGovernmentOfThePlace() throws Exception {
        String n = Long.toString(System.nanoTime() % 1_000_000);
        String duty = "村里" + n + "号晒谷场的划分和使用纠纷调解";
        write(demo.unit(QINGYAN), "", duty);
        write(demo.unit(SHIBAN), "", duty);
        String village = jdbc.sql("select code from region where parent_code = '520111102' order by code limit 1")
                .query(String.class).single();
        var s = suggestions.forText("村里" + n + "号晒谷场怎么划分，邻居之间吵起来了，请调解", village);
        assertThat(s.best()).map(RoutingSuggestions.UnitChoice::unitName).contains(SHIBAN);
        assertThat(s.units()).extracting(RoutingSuggestions.UnitChoice::unitName).doesNotContain(QINGYAN);
    }

    @Test
    void theShareOfSuggestionsTakenNamesCategoriesInTheReadersLanguage() throws Exception {
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        var o = opinions.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN")
                .content("青岩镇" + System.nanoTime() % 1_000_000 + "号公交站的站牌被撞倒了").place(village, null).build(), List.of());
        opinions.accept(o.id(), demo.user("office"));
        decisions.shown(o.id(), suggestions.forOpinion(o.id()));
        decisions.accept(o.id(), demo.unit("花溪区交通运输局"), "TRAFFIC", demo.user("office"));

        String en = mvc.perform(get("/opinions/routing").param("lang", "en").with(user(demo.user("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Transport and roads").doesNotContain("交通出行");
        String zh = mvc.perform(get("/opinions/routing").param("lang", "zh").with(user(demo.user("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("交通出行");
    }

    @Test
    void savingTheAutomaticRuleSaysSoAndARefusalIsShown() throws Exception {
        var rule = jdbc.sql("select enabled, threshold from routing_rule where id = 1").query().singleRow();
        try {
            mvc.perform(post("/opinions/routing/rule").cookie(office).with(csrf()).param("threshold", "0.95"))
                    .andExpect(status().is3xxRedirection());
            assertThat(page("/opinions/routing")).contains("自动派单规则已保存。");

            mvc.perform(post("/opinions/routing/rule").cookie(office).with(csrf()).param("threshold", "2"))
                    .andExpect(status().is3xxRedirection());
            assertThat(page("/opinions/routing")).contains("阈值应为 0.5 至 1 之间的数字。");
            assertThat(jdbc.sql("select threshold from routing_rule where id = 1").query(Double.class).single()).isEqualTo(0.95);
        } finally {
            jdbc.sql("update routing_rule set enabled = :e, threshold = :t where id = 1")
                    .param("e", rule.get("enabled")).param("t", rule.get("threshold")).update();
        }
    }
}
