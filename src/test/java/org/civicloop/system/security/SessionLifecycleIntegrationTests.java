package org.civicloop.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15, items 3 and 7, against the real server and its PostgreSQL session store: an account's
 * other sessions end when it is disabled or its password changes, and anonymous visitors of the
 * sign-in page create no session rows at all.
 */
@IntegrationTest
class SessionLifecycleIntegrationTests {

    private static final String NEW_PASSWORD = "Qx7vLm29pt#k";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorsPasswordResetEndsEverySessionOfTheAccount() throws Exception {
        String username = account();
        WebClient phone = new WebClient(port).signIn(username);
        WebClient desk = new WebClient(port).signIn(username);
        assertSignedIn(phone);
        assertSignedIn(desk);

        accounts.resetPassword(accounts.findIdByUsername(username).orElseThrow());

        assertSignedOut(phone);
        assertSignedOut(desk);
        assertThat(sessionsOf(username)).isZero();
    }

    @Test
    void disablingAnAccountEndsItsSessions() throws Exception {
        String username = account();
        WebClient phone = new WebClient(port).signIn(username);
        WebClient desk = new WebClient(port).signIn(username);
        long id = accounts.findIdByUsername(username).orElseThrow();

        accounts.update(id, new AccountDetails("会话测试", null, null, EnumSet.of(Role.LEADER), false));

        assertSignedOut(phone);
        assertSignedOut(desk);
        assertThat(sessionsOf(username)).isZero();
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        String username = account();
        WebClient phone = new WebClient(port).signIn(username);
        WebClient desk = new WebClient(port).signIn(username);
        assertThat(sessionsOf(username)).isEqualTo(2);

        HttpResponse<String> changed = desk.post("/account/password", "/account/password", Map.of(
                "currentPassword", WebClient.DEMO_PASSWORD, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        assertThat(changed.uri().getPath()).isEqualTo("/workbench");

        assertSignedIn(desk);
        assertSignedOut(phone);
        assertThat(sessionsOf(username)).isEqualTo(1);
    }

    @Test
    void anonymousVisitsToTheSignInPageCreateNoSession() throws Exception {
        long before = sessionRows();
        // no cookie jar: every visit is a new visitor, as 200 strangers (or one script) would be
        HttpClient stranger = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> page = stranger.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + (i % 2 == 0 ? "/login" : "/workbench"))).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isIn(200, 302);
            assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        }
        assertThat(sessionRows()).isEqualTo(before);

        // the sign-in form still carries a CSRF token and still works, creating exactly one session
        String username = account();
        WebClient browser = new WebClient(port).signIn(username);
        assertSignedIn(browser);
        assertThat(sessionsOf(username)).isEqualTo(1);
    }

    @Test
    void theSignInFormStillRefusesAPostWithoutItsCsrfToken() throws Exception {
        String username = account();
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + WebClient.DEMO_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(sessionsOf(username)).isZero();
    }

    private String account() {
        String username = "sess" + System.nanoTime() % 100_000_000;
        accounts.create(username, new AccountDetails("会话测试", null, null, EnumSet.of(Role.LEADER), true),
                WebClient.DEMO_PASSWORD, false);
        return username;
    }

    private static void assertSignedIn(WebClient client) throws Exception {
        assertThat(client.get("/workbench").uri().getPath()).isEqualTo("/workbench");
    }

    private static void assertSignedOut(WebClient client) throws Exception {
        assertThat(client.get("/workbench").uri().getPath()).isEqualTo("/login");
    }

    private long sessionsOf(String username) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :u").param("u", username)
                .query(Long.class).single();
    }

    private long sessionRows() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }
}
