package org.civicloop.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SignInLockIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "Correct2026";

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    private String newAccount() {
        String username = "lock" + System.nanoTime() % 1_000_000 + "x" + SEQ.incrementAndGet();
        accounts.create(username, new AccountDetails("测试人员", null, null, Set.of(Role.DEPUTY), true), PASSWORD, false);
        return username;
    }

    private void signInWrong(String username) throws Exception {
        mvc.perform(formLogin("/login").user(username).password("wrong-password1"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheRightOneNoLongerGetsIn() throws Exception {
        String username = newAccount();
        for (int i = 0; i < 4; i++) {
            signInWrong(username);
        }
        assertThat(failedLogins(username)).isEqualTo(4);
        assertThat(lockedUntil(username)).isNull();

        signInWrong(username);

        Instant until = lockedUntil(username);
        assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));
        // the same answer as a wrong password: the lock tells nobody that the account exists (issue 15, item 8)
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.locked' and summary_after->>'username' = :u")
                .param("u", username).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.signInFailed' and summary_after->>'username' = :u")
                .param("u", username).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() throws Exception {
        String username = newAccount();
        for (int i = 0; i < 4; i++) {
            signInWrong(username);
        }
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/workbench"));
        assertThat(failedLogins(username)).isZero();
        signInWrong(username);
        assertThat(failedLogins(username)).isEqualTo(1);
        assertThat(lockedUntil(username)).isNull();
    }

    @Test
    void theLockRunsOutAndCountingStartsAgain() throws Exception {
        String username = newAccount();
        for (int i = 0; i < 5; i++) {
            signInWrong(username);
        }
        jdbc.sql("update account set locked_until = now() - interval '1 minute' where username = :u").param("u", username).update();
        signInWrong(username);
        assertThat(failedLogins(username)).as("the count restarts after an expired lock").isEqualTo(1);
        assertThat(lockedUntil(username)).isNull();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/workbench"));
    }

    @Test
    void anAdministratorCanUnlock() throws Exception {
        String username = newAccount();
        for (int i = 0; i < 5; i++) {
            signInWrong(username);
        }
        long id = accounts.findIdByUsername(username).orElseThrow();
        mvc.perform(post("/admin/accounts/{id}/unlock", id).with(csrf()).with(user(demo.user("admin"))))
                .andExpect(redirectedUrl("/admin/accounts/" + id + "/edit"));
        assertThat(lockedUntil(username)).isNull();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/workbench"));
    }

    @Test
    void wrongPasswordsOverTheApiCountToo() throws Exception {
        String username = newAccount();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic(username, "wrong-password1"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
        assertThat(lockedUntil(username)).isNotNull();
    }

    @Test
    void unknownUsernamesChangeNothing() throws Exception {
        // the highest id, not the count: a rolled-back insert leaves a gap in the ids
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
        mvc.perform(formLogin("/login").user("nobody-here").password("whatever1")).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.signInFailed' and id > :b")
                .param("b", before).query(Long.class).single()).isZero();
    }

    private int failedLogins(String username) {
        return jdbc.sql("select failed_logins from account where username = :u").param("u", username).query(Integer.class).single();
    }

    private Instant lockedUntil(String username) {
        var ts = jdbc.sql("select locked_until from account where username = :u").param("u", username)
                .query((rs, n) -> rs.getTimestamp(1)).list().get(0);
        return ts == null ? null : ts.toInstant();
    }
}
