package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpHeaders;
import java.util.List;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every response carries the Content-Security-Policy and Referrer-Policy, whoever asks and for what
 * (issue 15, item 9); over TLS (or behind a proxy that says so) HSTS is added and every cookie is Secure.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void aPublicPageAStaffPageAnApiAndAnErrorPageCarryThePolicy() throws Exception {
        HttpResponse<String> publicPage = new WebClient(port).get("/public/opinions/new");
        assertThat(publicPage.statusCode()).isEqualTo(200);
        assertHardened(publicPage.headers());

        HttpResponse<String> staffPage = new WebClient(port).signIn("office").get("/workbench");
        assertThat(staffPage.statusCode()).isEqualTo(200);
        assertHardened(staffPage.headers());

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/public/api/opinions/ABCDE-23456"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertHardened(api.headers());

        HttpResponse<String> staticFile = new WebClient(port).get("/css/civicloop.css");
        assertThat(staticFile.statusCode()).isEqualTo(200);
        assertHardened(staticFile.headers());

        HttpResponse<String> missing = new WebClient(port).get("/public/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertHardened(missing.headers());
    }

    @Test
    void overTlsHstsIsSentAndEveryCookieIsSecure() throws Exception {
        MockHttpServletResponse secure = mvc.perform(get("/public/opinions/new").secure(true)).andReturn().getResponse();
        assertThat(secure.getHeader("Strict-Transport-Security")).contains("max-age=");
        List<String> cookies = secure.getHeaders("Set-Cookie");
        assertThat(cookies).as("the public form's CSRF cookie").anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(cookies).allMatch(c -> c.contains("; Secure"), "Secure");
        MockHttpServletResponse language = mvc.perform(get("/locale").param("lang", "en").param("back", "/").secure(true))
                .andReturn().getResponse();
        assertThat(language.getHeaders("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("; Secure"), "Secure");

        MockHttpServletResponse plain = mvc.perform(get("/public/opinions/new")).andReturn().getResponse();
        assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
        assertThat(plain.getHeaders("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    private static void assertHardened(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(POLICY);
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.allValues("Content-Security-Policy")).hasSize(1);
    }
}
