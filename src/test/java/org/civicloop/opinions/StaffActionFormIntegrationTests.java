package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A staff action refused on an item's page (ActionOutcome) gives its form back as it was typed, with the
 * reason above its button, and no other form; the texts it needs are marked required.
 */
@IntegrationTest
class StaffActionFormIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpinionService service;
    @Autowired
    UserDetailsService users;

    OpinionFixtures f;

    @BeforeEach
    void fixtures() {
        f = new OpinionFixtures(service, users, jdbc);
    }

    @Test
    void aRefusedExtensionRequestComesBackAsTypedWithItsReasonBesideIt() throws Exception {
        Opinion o = f.submitted("青杠坡小区门口的人行道地砖松动翘起，下雨踩上去溅一身泥水，请尽快修补。");
        long order = f.forwardedToHousing(o);
        service.sign(order, f.user("unit"));

        Document page = after(post("/work-orders/" + order + "/extension-request", "workingDays", "10", "reason", ""), o);
        assertThat(page.getElementById("workingDays").val()).isEqualTo("10");
        assertThat(page.getElementById("extension-reason").hasAttr("required")).isTrue();
        assertThat(page.getElementById("request-extension-failed").text()).isEqualTo("请填写内容。");
        assertThat(page.getElementById("extension-reason").attr("aria-describedby")).isEqualTo("request-extension-failed");
        // the other forms are as they were: empty, no reason beside them
        assertThat(page.getElementById("reply-text").text()).isEmpty();
        assertThat(page.getElementById("reply-failed")).isNull();
        assertThat(page.getElementById("action-failed").text()).isEqualTo("请填写内容。");

        page = after(post("/work-orders/" + order + "/extension-request", "workingDays", "999", "reason", "施工队排期到下个月"), o);
        assertThat(page.getElementById("extension-reason").text()).isEqualTo("施工队排期到下个月");
        assertThat(page.getElementById("workingDays").val()).isEqualTo("999");
        assertThat(page.getElementById("request-extension-failed").text()).contains("1 到 60");

        assertThat(f.orderStatus(order)).isEqualTo("SIGNED");
        // the next visit, without the refusal, shows the form empty again
        Document again = Jsoup.parse(mvc.perform(get("/opinions/" + o.id()).with(user(f.user("unit"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(again.getElementById("extension-reason").text()).isEmpty();
        assertThat(again.getElementById("request-extension-failed")).isNull();
    }

    /** Posts the form as the unit, then opens the page it is sent back to, in the same session, as a browser does. */
    private Document after(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Opinion o)
            throws Exception {
        MvcResult posted = mvc.perform(request.with(user(f.user("unit"))).with(csrf())).andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/opinions/" + o.id());
        // the session (Spring Session's cookie) carries the flash attributes to the next request
        return Jsoup.parse(mvc.perform(get("/opinions/" + o.id()).cookie(posted.getResponse().getCookies())
                        .with(user(f.user("unit")))).andReturn().getResponse().getContentAsString());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder post(String path, String... fields) {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }
}
