package org.civicloop.services.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.Locale;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The application pages choose nothing for anyone (no answer, no consent, no refusal reason, no
 * rating), the form asks each applicable field once and nothing else, and the worklists reach each
 * role from the workbench.
 */
@IntegrationTest
class CasePagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;

    Document page(String path, String role, Locale locale) throws Exception {
        var r = mvc.perform(get(path).param("lang", locale.toLanguageTag()).with(user(demo.user(role)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " as " + role).isEqualTo(200);
        return Jsoup.parse(r.getContentAsString());
    }

    long demoCase(String key) {
        return jdbc.sql("select id from service_case where submission_key like :k").param("k", "%:" + key).query(Long.class).single();
    }

    @Test
    void nothingIsChosenForThePersonAndEachFieldIsAskedOnce() throws Exception {
        Document start = page("/services/apply/enterprise-migration", "enterprise", Locale.SIMPLIFIED_CHINESE);
        assertThat(start.select("#questions input[type=radio][checked]")).isEmpty();
        assertThat(start.select("#application")).isEmpty();

        Document form = page("/services/apply/enterprise-migration?a-origin=guiyang&a-tax-registered=no&a-employees=no"
                + "&a-new-seal=yes&a-bank=no", "window", Locale.SIMPLIFIED_CHINESE);
        assertThat(form.select("#consent[checked]")).isEmpty();
        assertThat(form.select("#applicantName").val()).isEmpty();
        // market regulation and the seal: their fields once each, none of tax's or social insurance's
        assertThat(form.select("[name=f-company-name]")).hasSize(1);
        assertThat(form.select("[name=f-seal-types]")).hasSize(1);
        assertThat(form.select("[name=f-tax-authority], [name=f-employees-count], [name=f-bank-name]")).isEmpty();
        assertThat(form.select("input[type=file]")).extracting(e -> e.attr("name")).containsExactly("m-resolution", "m-address-proof");

        Document check = page("/services/cases/" + demoCase("demo-new"), "window", Locale.ENGLISH);
        assertThat(check.select("#refusal-reason option[selected]")).isEmpty();
        assertThat(check.select("#refusal-reason option").first().val()).isEmpty();
        assertThat(check.select("#correction-form input[type=checkbox][checked]")).isEmpty();
        assertThat(check.select("#accept").text()).isEqualTo("Accept");

        Document rate = page("/services/cases/" + demoCase("demo-done-unrated"), "enterprise", Locale.SIMPLIFIED_CHINESE);
        assertThat(rate.select("#rate-form input[type=radio]")).hasSize(5);
        assertThat(rate.select("#rate-form input[type=radio][checked]")).isEmpty();
    }

    /**
     * Only the company name and a wrong credit code sent: every line of the summary names its field and
     * links to it, every problem is also beside its field, and what was typed is still there.
     */
    @Test
    void theSummaryNamesEachFieldAndEachProblemIsAlsoBesideItsField() throws Exception {
        var form = multipart("/services/apply/enterprise-migration");
        CaseFixtures.answers().forEach((k, v) -> form.param("a-" + k, v));
        form.param("f-company-name", "花溪示例科技有限公司").param("f-credit-code", "91520111MA6DKQ3X01")
                .param("applicantName", "花溪示例科技有限公司").param("applicantPhone", "")
                .param("submissionKey", java.util.UUID.randomUUID().toString())
                .with(user(demo.user("enterprise"))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE);
        var response = mvc.perform(form).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());

        // 11 empty required fields of the four parts + the credit code + phone + consent + two materials
        var lines = page.select("#error-summary li");
        assertThat(lines).hasSize(16);
        assertThat(lines.eachText()).doesNotHaveDuplicates().allMatch(t -> t.contains("："));
        assertThat(page.select("#error-summary a[href=#applicantPhone]").text()).isEqualTo("联系电话：请填写有效的联系电话（手机或固定电话）。");
        assertThat(page.select("#error-summary a[href=#consent]").text()).isEqualTo("接收办理进度短信：请勾选同意使用联系电话接收办理进度通知。");
        assertThat(page.select("#error-summary a[href=#field-legal-rep]").text()).isEqualTo("法定代表人姓名：请填写此项。");
        assertThat(page.select("#error-summary a[href=#field-credit-code]").text())
                .isEqualTo("统一社会信用代码：统一社会信用代码不正确（18位，校验位须正确）。");
        assertThat(page.select("#error-summary a[href=#material-resolution]").text()).startsWith("股东会决议或股东决定");
        // every line's field exists and shows the same problem beside it
        for (var link : page.select("#error-summary a")) {
            String id = link.attr("href").substring(1);
            var control = page.getElementById(id);
            assertThat(control).as(id).isNotNull();
            assertThat(control.hasClass("is-invalid")).as(id).isTrue();
            assertThat(control.parent().select(".invalid-feedback").text()).as(id).isNotEmpty()
                    .isEqualTo(link.text().substring(link.text().indexOf('：') + 1));
        }
        assertThat(page.select("#field-credit-code").val()).isEqualTo("91520111MA6DKQ3X01");
        assertThat(page.select("#field-company-name").val()).isEqualTo("花溪示例科技有限公司");
        assertThat(page.select("#applicantName").val()).isEqualTo("花溪示例科技有限公司");
    }

    /** A date answer is kept ISO and shown as the page writes dates, like the submission time beside it. */
    @Test
    void aDateAnswerReadsAsThePageWritesDatesAndIsKeptIso() throws Exception {
        long id = demoCase("demo-running");
        assertThat(jdbc.sql("select field_values::jsonb ->> 'move-date' from service_case where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("2026-12-20");
        Document zh = page("/services/cases/" + id, "window", Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.select("#value-move-date").text()).isEqualTo("2026年12月20日");
        assertThat(zh.select("#values").text()).doesNotContain("2026-12-20");
        Document en = page("/services/cases/" + id, "hrss", Locale.ENGLISH);
        assertThat(en.select("#value-move-date").text()).isEqualTo("20 Dec 2026");
        assertThat(en.select("#value-company-name").text()).isEqualTo("花溪示例科技有限公司");
    }

    @Test
    void eachRoleFindsItsWorklistOnTheWorkbench() throws Exception {
        assertThat(page("/workbench", "window", Locale.SIMPLIFIED_CHINESE).select("a[href=/services/window]")).isNotEmpty();
        assertThat(page("/workbench", "approver", Locale.SIMPLIFIED_CHINESE).select("a[href=/services/approvals]")).isNotEmpty();
        assertThat(page("/workbench", "enterprise", Locale.SIMPLIFIED_CHINESE).select("a[href=/services/cases]")).isNotEmpty();
        Document returned = page("/services/approvals", "approver", Locale.ENGLISH);
        long id = demoCase("demo-returned");
        assertThat(returned.select("#part-" + id + "-change-registration").text()).contains("Clock stopped");
    }
}
