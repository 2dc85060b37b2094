package org.civicloop.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicloop.open311.Open311Xml.text;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.open311.domain.ApiKeys;
import org.civicloop.open311.domain.Partners;
import org.civicloop.shared.InvalidInput;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Element;

/** Partner systems and their API keys: issued once, stored as a hash, revocable, audited and rate-limited. */
@IntegrationTest
class Open311PartnerIntegrationTests {

    private static final Pattern KEY_FIELD = Pattern.compile("id=\"api-key\"[^>]*value=\"([A-Za-z0-9_-]+)\"");

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Partners partners;

    @Test
    void theAdministratorSeesTheDemoPartnerAndOthersSeeNothing() throws Exception {
        mvc.perform(get("/admin/open311").with(user(demo.user("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12345热线平台（演示）")))
                .andExpect(content().string(containsString("/open311/v2")))
                .andExpect(content().string(not(containsString("demo-open311-key-huaxi-2026"))));
        mvc.perform(get("/admin/open311").with(user(demo.user("office"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/open311").with(csrf()).with(user(demo.user("office"))).param("name", "越权创建"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aNewPartnersKeyIsShownOnceAndOnlyItsHashIsStored() throws Exception {
        String name = "乡镇便民服务App" + System.nanoTime() % 100_000;
        String page = mvc.perform(post("/admin/open311").with(csrf()).with(user(demo.user("admin")))
                        .param("name", name).param("requestsPerHour", "30"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("密钥只显示这一次")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher m = KEY_FIELD.matcher(page);
        assertThat(m.find()).as("the key is on the page").isTrue();
        String key = m.group(1);
        assertThat(key).hasSizeGreaterThanOrEqualTo(32);

        String hash = jdbc.sql("select key_hash from open311_partner where name = :n").param("n", name).query(String.class).single();
        assertThat(hash).isEqualTo(ApiKeys.hash(key)).hasSize(64).isNotEqualTo(key);
        String row = jdbc.sql("select row_to_json(p)::text from open311_partner p where name = :n").param("n", name)
                .query(String.class).single();
        assertThat(row).doesNotContain(key);
        String audit = jdbc.sql("""
                        select action || ' ' || summary_after::text from audit_entry
                        where subject_type = 'open311Partner' and summary_after->>'name' = :n""")
                .param("n", name).query(String.class).single();
        assertThat(audit).startsWith("partner.created").doesNotContain(key).doesNotContain(hash);
        mvc.perform(get("/admin/open311").with(user(demo.user("admin"))))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString(key))));

        // the key works at once
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", key).param("service_code", "URBAN").param("attribute[place_code]", "520111101")
                        .param("description", "镇上菜市场门口的下水道堵塞"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from open311_request r join open311_partner p on p.id = r.partner_id where p.name = :n")
                .param("n", name).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFormWithProblemsIsShownAgainAndNothingIsCreated() throws Exception {
        long before = jdbc.sql("select count(*) from open311_partner").query(Long.class).single();
        mvc.perform(post("/admin/open311").with(csrf()).with(user(demo.user("admin")))
                        .param("name", " ").param("requestsPerHour", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("请填写合作系统名称。")))
                .andExpect(content().string(containsString("每小时提交上限须为 1 到")));
        mvc.perform(post("/admin/open311").with(csrf()).with(user(demo.user("admin")))
                        .param("name", "12345热线平台（演示）"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("已有名为“12345热线平台（演示）”的合作系统。")));
        assertThat(jdbc.sql("select count(*) from open311_partner").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aDeactivatedKeyIsRefusedWith403AndTheChangeIsAudited() throws Exception {
        Partners.CreatedPartner created = partners.create("待停用的系统" + System.nanoTime() % 100_000, null);
        mvc.perform(post("/admin/open311/" + created.id() + "/deactivate").with(csrf()).with(user(demo.user("admin"))))
                .andExpect(redirectedUrl("/admin/open311"));
        assertThat(jdbc.sql("select active from open311_partner where id = :id").param("id", created.id()).query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'partner.deactivated' and subject_id = :id")
                .param("id", Long.toString(created.id())).query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", created.apiKey()).param("service_code", "URBAN"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403));
        Element errors = Open311Xml.parse(mvc.perform(post("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", created.apiKey()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsByteArray());
        assertThat(text(Open311Xml.child(errors, "error"), "code")).isEqualTo("403");

        // twice is a conflict, shown as a page, not an error in the audit trail
        mvc.perform(post("/admin/open311/" + created.id() + "/deactivate").with(csrf()).with(user(demo.user("admin"))))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'partner.deactivated' and subject_id = :id")
                .param("id", Long.toString(created.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPartnerOverItsHourlyLimitGets429InTheOpen311Format() throws Exception {
        Partners.CreatedPartner created = partners.create("限流测试系统" + System.nanoTime() % 100_000, 2);
        for (int i = 0; i < 2; i++) {
            // refused requests count too: a flood of bad ones is still a flood
            mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("api_key", created.apiKey()).param("service_code", "URBAN"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", created.apiKey()).param("service_code", "URBAN"))
                .andExpect(status().isTooManyRequests())
                // two an hour, refilled gradually: the next one in about half an hour
                .andExpect(header().string("Retry-After", matchesPattern("\\d{3,4}")))
                .andExpect(jsonPath("$[0].code").value(429))
                .andExpect(jsonPath("$[0].description").value("请求过于频繁，请稍后再试。"));
        Element errors = Open311Xml.parse(mvc.perform(post("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", created.apiKey()))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsByteArray());
        assertThat(text(Open311Xml.child(errors, "error"), "code")).isEqualTo("429");
        // another partner is not affected
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", Open311ApiIntegrationTests.DEMO_KEY).param("service_code", "URBAN"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void partnerNamesAreCheckedByTheService() {
        assertThatThrownBy(() -> partners.create("名".repeat(41), null)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).problems().get(0).messageKey()).isEqualTo("open311.partner.error.nameTooLong");
        assertThatThrownBy(() -> partners.create("有效名称" + System.nanoTime(), 0)).isInstanceOf(InvalidInput.class);
        assertThat(List.of(ApiKeys.newKey(), ApiKeys.newKey())).doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(k).matches("[A-Za-z0-9_-]{43}"));
    }
}
