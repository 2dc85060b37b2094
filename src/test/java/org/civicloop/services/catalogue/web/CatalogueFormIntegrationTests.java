package org.civicloop.services.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.services.catalogue.ServiceCatalogue;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The catalogue's structured form through the controller: loaded, posted back, checked, saved or refused. */
@IntegrationTest
class CatalogueFormIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServiceCatalogue catalogue;

    private int versions() {
        return jdbc.sql("select count(*) from service_definition").query(Integer.class).single();
    }

    private Document page(String url) throws Exception {
        String html = mvc.perform(get(url).param("lang", "zh-CN").with(user(demo.user("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    /** What a browser posts: every named control's value, checked boxes only, no button. */
    private static Map<String, String> formData(Document page) {
        Element form = page.getElementById("definition-form");
        Map<String, String> data = new LinkedHashMap<>();
        for (Element c : form.select("input[name], textarea[name], select[name]")) {
            if (c.tagName().equals("input") && c.attr("type").equals("checkbox")) {
                if (c.hasAttr("checked")) {
                    data.put(c.attr("name"), c.val());
                }
            } else if (c.tagName().equals("select")) {
                Element chosen = c.selectFirst("option[selected]");
                data.put(c.attr("name"), chosen == null ? "" : chosen.val());
            } else {
                data.put(c.attr("name"), c.val());
            }
        }
        return data;
    }

    private MockHttpServletRequestBuilder submit(Map<String, String> data, String action) {
        MockHttpServletRequestBuilder post = post("/services/catalogue/form").param("lang", "zh-CN").param("action", action)
                .with(user(demo.user("admin"))).with(csrf());
        data.forEach(post::param);
        return post;
    }

    @Test
    void theFormOfAServicePostedBackUnchangedSavesTheSameDefinitionAsTheNextVersion() throws Exception {
        var latest = catalogue.latest("enterprise-migration").orElseThrow();
        Document page = page("/services/catalogue/enterprise-migration/form");
        assertThat(page.getElementById("f-code").hasAttr("readonly")).isTrue();
        // the existing rows and two empty ones
        assertThat(page.select("#form-parts tr")).hasSize(latest.definition().parts().size() + 2);

        Map<String, String> data = formData(page);
        int before = versions();
        mvc.perform(submit(data, "check")).andExpect(status().isOk());
        assertThat(versions()).isEqualTo(before);
        mvc.perform(submit(data, "save")).andExpect(status().is3xxRedirection());
        assertThat(versions()).isEqualTo(before + 1);
        var saved = catalogue.latest("enterprise-migration").orElseThrow();
        assertThat(saved.version()).isEqualTo(latest.version() + 1);
        assertThat(saved.definition()).isEqualTo(latest.definition());
    }

    @Test
    void aPartWithoutItemAndAnUndefinedFieldAreBothListedAndNothingIsSaved() throws Exception {
        Map<String, String> data = formData(page("/services/catalogue/enterprise-migration/form"));
        data.put("parts[0].item", "");
        data.put("parts[1].fields", data.get("parts[1].fields") + ", shoe-size");
        int before = versions();
        String html = mvc.perform(submit(data, "save")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(versions()).isEqualTo(before);
        Document page = Jsoup.parse(html);
        assertThat(page.getElementById("definition-problem-count").text()).contains("2");
        assertThat(page.getElementById("definition-problem-list").text())
                .contains("第1个事项 · 事项名称", "第2个事项 · 表单字段", "使用了未定义的表单字段“shoe-size”");
        // each problem also beside its row, and the row keeps what was typed
        assertThat(page.select("#form-parts-0 .row-problems li")).hasSize(1);
        assertThat(page.select("#form-parts-1 .row-problems").text()).contains("shoe-size");
        assertThat(page.select("textarea[name='parts[1].fields']").first().val()).contains("shoe-size");
    }

    @Test
    void aMalformedNumberOrLineIsAProblemNotAnError() throws Exception {
        Map<String, String> data = formData(page("/services/catalogue/new/form"));
        assertThat(page("/services/catalogue/new/form").select("#f-applicant option[selected]")).isEmpty();
        data.put("code", "form-made");
        data.put("promisedWorkingDays", "三");
        data.put("questions[0].code", "q");
        data.put("questions[0].options", "没有等号");
        int before = versions();
        String html = mvc.perform(submit(data, "save")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(versions()).isEqualTo(before);
        assertThat(html).contains("“三”不是整数", "第1行“没有等号”不是“编码=文字”的写法");
    }

    @Test
    void onlyAnAdministratorGetsTheForm() throws Exception {
        mvc.perform(get("/services/catalogue/enterprise-migration/form").with(user(demo.user("window")))).andExpect(status().isForbidden());
        mvc.perform(post("/services/catalogue/form").param("action", "save").with(user(demo.user("window"))).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
