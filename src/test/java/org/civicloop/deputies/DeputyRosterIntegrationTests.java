package org.civicloop.deputies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import org.civicloop.deputies.domain.DeputyDetails;
import org.civicloop.deputies.domain.DeputyLevel;
import org.civicloop.deputies.domain.DeputyService;
import org.civicloop.deputies.domain.DeputyStatus;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.DutyToken;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The roster: its public facade, the office's forms, duty tokens, and who may read a deputy's
 * phone number. Tests that change data make their own deputies; the demo deputies stay as loaded.
 */
@IntegrationTest
class DeputyRosterIntegrationTests {

    /** 王建国's demo phone (demo/deputies.csv). */
    private static final String WANG_PHONE = "13800000101";

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Deputies deputies;
    @Autowired
    DeputyService service;
    @Autowired
    AccountService accounts;

    @Test
    void theDemoDeputysCodeFindsHimWhateverTheCase() {
        long account = accountId("deputy");
        DeputySummary wang = deputies.byDutyToken("wangjg2026hx").orElseThrow();
        assertThat(wang.name()).isEqualTo("王建国");
        assertThat(wang.level()).isEqualTo("DISTRICT");
        assertThat(wang.constituency()).isEqualTo("青岩镇第二选区");
        assertThat(wang.regionCode()).isEqualTo("520111101");
        assertThat(wang.accountId()).isEqualTo(account);
        assertThat(deputies.byDutyToken("WANGJG2026HX")).contains(wang);
        assertThat(deputies.find(wang.id())).contains(wang);
        assertThat(deputies.forAccount(account)).contains(wang);
    }

    @Test
    void aLoginWithoutADeputyRecordAndAMalformedCodeFindNothing() {
        assertThat(deputies.forAccount(accountId("office"))).isEmpty();
        assertThat(deputies.byDutyToken("nosuchtoken2")).isEmpty();
        assertThat(deputies.byDutyToken("wangjg2026h")).isEmpty();
        assertThat(deputies.byDutyToken(null)).isEmpty();
    }

    @Test
    void anEndedDeputysCodeNoLongerReceivesOpinionsButTheRecordRemains() {
        var row = jdbc.sql("select id, duty_token from deputy where name = '孙德胜'").query().singleRow();
        long id = ((Number) row.get("id")).longValue();
        assertThat(deputies.byDutyToken((String) row.get("duty_token"))).isEmpty();
        assertThat(deputies.find(id)).get().extracting(DeputySummary::name).isEqualTo("孙德胜");
    }

    @Test
    void theOfficeRegistersADeputyWithAFreshCodeAndTheTrailMasksThePhone() throws Exception {
        long regionBefore = countIn("520111102");
        MvcResult created = mvc.perform(post("/deputies/new").with(csrf()).with(user(demo.user("office")))
                        .param("name", "石板新代表").param("level", "DISTRICT").param("constituency", "石板镇第二选区")
                        .param("regionCode", "520111102").param("sector", "农业").param("phone", "13912340199")
                        .param("status", "ACTIVE").param("accountUsername", ""))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/deputies/", ""));
        assertThat(countIn("520111102")).isEqualTo(regionBefore + 1);

        DeputySummary d = deputies.find(id).orElseThrow();
        assertThat(DutyToken.isWellFormed(d.dutyToken())).isTrue();
        assertThat(d.accountId()).isNull();
        Map<String, Object> audit = jdbc.sql("""
                        select actor, summary_after->>'phone' as phone, summary_after->>'name' as name
                        from audit_entry where action = 'deputy.created' and subject_id = :id""")
                .param("id", Long.toString(id)).query().singleRow();
        assertThat(audit.get("actor")).isEqualTo("office");
        assertThat(audit.get("name")).isEqualTo("石板新代表");
        assertThat(audit.get("phone")).as("11 digits: 7 masked, last 4 kept").isEqualTo("*******0199");
    }

    @Test
    void aFormWithErrorsListsEveryProblemAndSavesNothing() throws Exception {
        long before = count();
        mvc.perform(post("/deputies/new").with(csrf()).with(user(demo.user("office")))
                        .param("name", "").param("level", "DISTRICT").param("constituency", "")
                        .param("regionCode", "").param("phone", "12345").param("status", "ACTIVE")
                        .param("accountUsername", "nobody-here"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("请填写代表姓名")))
                .andExpect(content().string(containsString("请填写选区（代表团）")))
                .andExpect(content().string(containsString("请选择所在区划")))
                .andExpect(content().string(containsString("请填写 11 位手机号码或带区号的固定电话")))
                .andExpect(content().string(containsString("没有用户名为“nobody-here”的账号")))
                .andExpect(content().string(containsString("href=\"#phone\"")));
        assertThat(count()).isEqualTo(before);
    }

    /**
     * A level and a status not in the list (a hand-made request) with an unknown login: the login's message was added
     * with rejectValue, which read the form the failed conversion had not built, and the office got 500
     * (系统出了点问题). Now the form comes back with each message and what was typed.
     */
    @Test
    void anOptionNotInTheListComesBackBesideItsFieldAndSavesNothing() throws Exception {
        long before = count();
        for (String[] sent : new String[][] {{"GALACTIC", "ACTIVE"}, {"DISTRICT", "999999999"}}) {
            mvc.perform(post("/deputies/new").with(csrf()).with(user(demo.user("office")))
                            .param("name", "新代表甲").param("level", sent[0]).param("constituency", "石板镇第三选区")
                            .param("regionCode", "520111102").param("status", sent[1]).param("accountUsername", "nobody-here"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("格式不正确。")))
                    .andExpect(content().string(containsString("没有用户名为“nobody-here”的账号")))
                    .andExpect(content().string(containsString("value=\"新代表甲\"")));
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aLoginLinkedToAnotherDeputyAndAnUnknownPlaceAreRefusedBesideTheirFields() throws Exception {
        long before = count();
        mvc.perform(post("/deputies/new").with(csrf()).with(user(demo.user("admin")))
                        .param("name", "重复账号").param("level", "CITY").param("constituency", "某选区")
                        .param("regionCode", "520111101").param("status", "ACTIVE").param("accountUsername", "deputy"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该账号已关联代表“王建国”")));
        mvc.perform(post("/deputies/new").with(csrf()).with(user(demo.user("admin")))
                        .param("name", "未知区划").param("level", "CITY").param("constituency", "某选区")
                        .param("regionCode", "999999").param("status", "ACTIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("区划代码 999999 不存在")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void editingChangesTheDetailsButNeverTheCodeAndIsAudited() throws Exception {
        long id = service.create(details("编辑测试代表", "13800009999", DeputyStatus.ACTIVE));
        String token = deputies.find(id).orElseThrow().dutyToken();
        mvc.perform(post("/deputies/{id}/edit", id).with(csrf()).with(user(demo.user("office")))
                        .param("name", "编辑测试代表").param("level", "CITY").param("constituency", "贵阳市代表团")
                        .param("regionCode", "520111104").param("phone", "13800008888").param("status", "SUSPENDED"))
                .andExpect(status().is3xxRedirection());
        DeputySummary after = deputies.find(id).orElseThrow();
        assertThat(after.level()).isEqualTo("CITY");
        assertThat(after.dutyToken()).isEqualTo(token);
        assertThat(deputies.byDutyToken(token)).as("a suspended deputy's code is switched off").isEmpty();
        Map<String, Object> audit = jdbc.sql("""
                        select summary_before->>'phone' as before_phone, summary_after->>'phone' as after_phone,
                               summary_after->>'status' as status
                        from audit_entry where action = 'deputy.updated' and subject_id = :id""")
                .param("id", Long.toString(id)).query().singleRow();
        assertThat(audit).containsEntry("before_phone", "*******9999").containsEntry("after_phone", "*******8888")
                .containsEntry("status", "SUSPENDED");
    }

    @Test
    void regeneratingACodeSwitchesTheOldOneOffAndIsAudited() throws Exception {
        long id = service.create(details("换码测试代表", null, DeputyStatus.ACTIVE));
        String old = deputies.find(id).orElseThrow().dutyToken();
        mvc.perform(post("/deputies/{id}/duty-token", id).with(csrf()).with(user(demo.user("office"))))
                .andExpect(status().is3xxRedirection());
        String fresh = deputies.find(id).orElseThrow().dutyToken();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(DutyToken.isWellFormed(fresh)).isTrue();
        assertThat(deputies.byDutyToken(old)).isEmpty();
        assertThat(deputies.byDutyToken(fresh)).get().extracting(DeputySummary::id).isEqualTo(id);
        Map<String, Object> audit = jdbc.sql("""
                        select actor, summary_before->>'dutyToken' as old_token, summary_after->>'dutyToken' as new_token
                        from audit_entry where action = 'deputy.dutyTokenRegenerated' and subject_id = :id""")
                .param("id", Long.toString(id)).query().singleRow();
        assertThat(audit).containsEntry("actor", "office").containsEntry("old_token", old).containsEntry("new_token", fresh);
        mvc.perform(get("/public/qr/{t}.png", old)).andExpect(status().isNotFound());
        mvc.perform(get("/public/qr/{t}.png", fresh)).andExpect(status().isOk());
    }

    @Test
    void aCodeIsUniqueAndFollowsTheFormat() {
        assertThatThrownBy(() -> service.create(details("撞码", null, DeputyStatus.ACTIVE), "wangjg2026hx"))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("deputy.error.tokenTaken");
        assertThatThrownBy(() -> service.create(details("坏码", null, DeputyStatus.ACTIVE), "Bad-Token"))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("deputy.error.tokenFormat");
        // and the database itself refuses a second holder, whatever the code path
        long id = service.create(details("唯一索引", null, DeputyStatus.ACTIVE));
        assertThatThrownBy(() -> jdbc.sql("update deputy set duty_token = 'wangjg2026hx' where id = :id").param("id", id).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theOfficeSeesThePhoneTheDeputyAndStationStaffDoNot() throws Exception {
        long wang = deputies.byDutyToken("wangjg2026hx").orElseThrow().id();
        mvc.perform(get("/deputies/{id}", wang).with(user(demo.user("office"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(WANG_PHONE)));
        mvc.perform(get("/deputies?q=王建国").with(user(demo.user("admin"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(WANG_PHONE)));

        mvc.perform(get("/my/duty-code").with(user(demo.user("deputy"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("wangjg2026hx")))
                .andExpect(content().string(containsString("/public/qr/wangjg2026hx/poster.pdf")))
                .andExpect(content().string(not(containsString(WANG_PHONE))));
        mvc.perform(get("/deputies/{id}", wang).with(user(demo.user("deputy")))).andExpect(status().isForbidden());
        mvc.perform(get("/deputies").with(user(demo.user("station")))).andExpect(status().isForbidden());

        long qingyanStation = jdbc.sql("select id from liaison_site where duty_token = 'qingyan2026z'").query(Long.class).single();
        mvc.perform(get("/liaison/sites/{id}", qingyanStation).with(user(demo.user("station"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王建国")))
                .andExpect(content().string(not(containsString(WANG_PHONE))));
    }

    @Test
    void aDeputyWithoutARecordIsToldWhomToAsk() throws Exception {
        mvc.perform(get("/my/duty-code").with(user(demo.user("office")))).andExpect(status().isForbidden());
        // a DEPUTY login the office has not linked to a roster record yet
        String username = "newdeputy" + System.nanoTime() % 1_000_000;
        accounts.create(username, new AccountDetails("新当选代表", null, null, Set.of(Role.DEPUTY), true), "Deputy2026x", false);
        mvc.perform(get("/my/duty-code").with(user(demo.user(username))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您的账号尚未关联代表信息")));
    }

    @Test
    void theListFiltersByLevelAndPlace() throws Exception {
        // demo: 黄文斌 is the one provincial deputy; 520111101 (青岩镇) has 王建国 only
        mvc.perform(get("/deputies?level=PROVINCE").with(user(demo.user("office"))))
                .andExpect(content().string(containsString("黄文斌")))
                .andExpect(content().string(not(containsString("王建国"))));
        mvc.perform(get("/deputies?region=520111101").with(user(demo.user("office"))))
                .andExpect(content().string(containsString("王建国")))
                .andExpect(content().string(not(containsString("黄文斌"))));
    }

    @Test
    void theLevelAndStatusChoicesOfferOnlyLevelsAndStatusesNotThePagesRegions() throws Exception {
        String page = mvc.perform(get("/deputies/new").with(user(demo.user("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document html = Jsoup.parse(page);
        // the level is the office's choice: "please choose" first, nothing selected
        assertThat(html.select("#level option").eachAttr("value"))
                .containsExactly("", "DISTRICT", "CITY", "PROVINCE", "NATIONAL");
        assertThat(html.select("#level option[selected]")).isEmpty();
        assertThat(html.select("#status option").eachAttr("value")).doesNotContain("520111");
        assertThat(html.select("#status option")).hasSize(DeputyStatus.values().length);
        assertThat(html.select("#regionCode option").eachAttr("value")).contains("", "520111");
    }

    private static DeputyDetails details(String name, String phone, DeputyStatus status) {
        return new DeputyDetails(name, DeputyLevel.DISTRICT, "测试选区", "520111104", "测试", phone, status, null);
    }

    private long count() {
        return jdbc.sql("select count(*) from deputy").query(Long.class).single();
    }

    private long countIn(String region) {
        return jdbc.sql("select count(*) from deputy where region_code = :r").param("r", region).query(Long.class).single();
    }

    private long accountId(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
    }
}
