package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.testing.Accessibility;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core on the staff pages, as on the public ones: the office, a unit and the administrator each
 * sign in on a desktop-sized browser and axe checks their workbench, lists, a detail page and a form.
 * Every serious or critical violation (contrast, labels, landmarks...) fails the test.
 */
@IntegrationTest
class StaffAccessibilityBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1280, 900);

    @LocalServerPort
    int port;

    @Test
    void theOfficeUnitAndAdministratorPagesHaveNoSeriousViolations() throws Exception {
        long opinion = anOpinion();
        List<String> found = new ArrayList<>();

        browser.signIn("office");
        found.addAll(check("/workbench", "/opinions", "/opinions/" + opinion, "/opinions/record", "/opinions/ledger",
                "/opinions/decisions", "/opinions/routing", "/opinions/routing/duties", "/suggestions", "/deputies", "/liaison/sites",
                "/messages"));
        browser.signOut();

        browser.signIn("unit");
        found.addAll(check("/workbench", "/work-orders", "/suggestions/inbox", "/my-unit"));
        browser.signOut();

        browser.signIn("admin");
        found.addAll(check("/workbench", "/admin/units", "/admin/units/new", "/admin/accounts", "/admin/accounts/new",
                "/admin/open311", "/admin/calendar", "/admin/regions", "/admin/audit"));
        browser.signOut();

        assertThat(found).as("serious or critical axe violations on staff pages").isEmpty();
    }

    /** Each page in turn; the violations of all, so one run shows everything to fix. */
    private List<String> check(String... paths) {
        List<String> found = new ArrayList<>();
        for (String path : paths) {
            browser.get(url(path));
            assertThat(browser.findElements(By.id("error-title"))).as(path + " shows no error page").isEmpty();
            Accessibility.seriousViolations(browser).stream().map(v -> path + " " + v).forEach(found::add);
        }
        return found;
    }

    /** An opinion for the office's detail page, sent through the Open311 API as a partner would. */
    private long anOpinion() throws Exception {
        String form = "api_key=demo-open311-key-huaxi-2026&service_code=URBAN&address_string="
                + URLEncoder.encode("青岩镇南街村", StandardCharsets.UTF_8) + "&description="
                + URLEncoder.encode("南街的路灯坏了两个月，晚上出行不安全", StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Matcher id = Pattern.compile("\"service_request_id\":\"(\\d+)\"").matcher(answer.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
