package org.civicloop.system;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Errors reach people as friendly pages and machines as RFC 9457 ProblemDetails, never as stack traces. */
@IntegrationTest
class ErrorHandlingIntegrationTests {

    private static final String PASSWORD = "Huaxi@2026";

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void aMalformedApiParameterIsAProblemDetailInChinese() throws Exception {
        mvc.perform(get("/api/units/abc").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andExpect(jsonPath("$.detail").value("参数“id”缺失或格式不正确。"))
                .andExpect(content().string(allOf(not(containsString("Exception")), not(containsString("convert")))));
    }

    @Test
    void apiClientsMayAskForEnglish() throws Exception {
        mvc.perform(get("/api/units/abc").with(httpBasic("admin", PASSWORD)).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value("The parameter \"id\" is missing or malformed."));
    }

    @Test
    void unauthenticatedApiCallsGetA401ProblemDetail() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("请先登录（提供有效的用户名和密码）。"));
    }

    @Test
    void anUnknownApiPathIsA404ProblemDetail() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.instance").value("/api/no-such-thing"));
    }

    @Test
    void anUnknownPageIsAFriendlyChinesePage() throws Exception {
        mvc.perform(get("/no-such-page").with(user(demo.user("office"))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("找不到您要的内容")))
                .andExpect(content().string(containsString("返回首页")))
                .andExpect(content().string(not(containsString("Whitelabel"))));
    }

    @Test
    void aPageAddressWhoseNumberIsNotANumberIsNotFoundForPeopleAndAMalformedParameterForPrograms() throws Exception {
        mvc.perform(get("/opinions/triage").with(user(demo.user("office"))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("找不到您要的内容")))
                .andExpect(content().string(not(containsString("参数“id”"))));
        mvc.perform(get("/opinions/triage").with(user(demo.user("office"))).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("参数“id”缺失或格式不正确。"));
        mvc.perform(get("/deputies").param("page", "abc").with(user(demo.user("office"))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("参数“page”缺失或格式不正确。")));
    }

    @Test
    void errorsThroughTheRealServerShowNoInternals() throws Exception {
        for (String path : new String[] {"/a%00b", "/units/abc", "/no-such-page"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isBetween(300, 499);
            assertThat(response.body()).as(path).doesNotContain("Exception", "at org.", "Tomcat", "Whitelabel");
        }
    }

    @Test
    void healthIsPublicAndMetricsAreForAdministrators() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("unit", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void theOpenApiDescriptionAndSwaggerUiAreServed() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/units/{id}']").exists());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void theLanguageSwitchTurnsPagesEnglishAndBack() throws Exception {
        var english = mvc.perform(get("/locale").param("lang", "en").param("back", "/login"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("civicloop-lang");
        mvc.perform(get("/login").cookie(english)).andExpect(content().string(containsString("Staff sign-in")));
        mvc.perform(get("/login")).andExpect(content().string(containsString("工作人员登录")));
        mvc.perform(get("/login").header("Accept-Language", "en-US"))
                .andExpect(content().string(containsString("工作人员登录")));
    }

    @Test
    void theLanguageSwitchNeverRedirectsOffSite() throws Exception {
        mvc.perform(get("/locale").param("lang", "en").param("back", "//evil.example/"))
                .andExpect(header().string("Location", "/"));
    }
}
