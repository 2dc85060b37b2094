package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 行政区划 and 审计日志, the administrator's first and last steps, render in both languages through the
 * real server (both answered 500: a fragment included before the loop or the condition on the same
 * element gave it no value).
 */
@IntegrationTest
class AdministratorPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theRegionTreeShowsTheDemoDivisions(String language) throws Exception {
        WebClient admin = new WebClient(port);
        admin.get("/locale?lang=" + language + "&back=/login");
        HttpResponse<String> page = admin.signIn("admin").get("/admin/regions");

        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select(".region-tree > li").first().text()).startsWith("贵州省 52");
        assertThat(doc.select(".region-tree").text()).contains("贵阳市", "花溪区 520111", "青岩镇 520111101");
        assertThat(doc.select("form[action$=/admin/regions/import] input[type=file]")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theAuditTrailShowsEntriesAndItsCheckWithoutJavaScript(String language) throws Exception {
        WebClient admin = new WebClient(port);
        admin.get("/locale?lang=" + language + "&back=/login");
        HttpResponse<String> page = admin.signIn("admin").get("/admin/audit");

        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("#chain-intact, #chain-broken")).as("no check until asked for").isEmpty();
        assertThat(doc.select("table tbody tr")).isNotEmpty();

        // without htmx the check posts, redirects and shows its result (kept in the session meanwhile)
        HttpResponse<String> checked = admin.post("/admin/audit", "/admin/audit/verify", Map.of());
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.uri().getPath()).isEqualTo("/admin/audit");
        assertThat(Jsoup.parse(checked.body()).select("#chain-intact, #chain-broken")).hasSize(1);
    }

    /** The trail names what each entry is about in the reader's language (it read "account #1" on the Chinese page). */
    @Test
    void everyKindOfAuditedSubjectHasANameInBothLanguages() throws Exception {
        List<String> kinds = jdbc.sql("select distinct subject_type from audit_entry order by 1").query(String.class).list();
        assertThat(kinds).as("the demo's own entries").contains("opinion", "suggestion", "account");
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = new Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(kinds).as(bundle).allSatisfy(k -> assertThat(messages).containsKey("audit.subject." + k));
        }
        WebClient admin = new WebClient(port);
        admin.get("/locale?lang=zh-CN&back=/login");
        Document page = Jsoup.parse(admin.signIn("admin").get("/admin/audit").body());
        assertThat(page.select("table tbody tr td:nth-child(6)").eachText())
                .as("the subject column").isNotEmpty().noneMatch(t -> t.matches("[A-Za-z-]+ #.*"));
    }
}
