package org.civicloop.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.shared.BusinessException;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 15, item 8: password rules (username inside, invisible characters, common passwords, more
 * than BCrypt's 72 bytes), a sign-in that never tells whether an account exists, locked or
 * disabled, and a throttle on failed sign-ins per client address.
 */
@IntegrationTest
class SignInSecurityIntegrationTests {

    private static final String PASSWORD = "Kv83tqPz";
    private static final AtomicInteger ADDRESS = new AtomicInteger((int) (System.nanoTime() % 200));

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignInThrottleProperties throttle;

    // ------------------------------------------------------------------ password rules

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "woaini1314            | password.error.common",
            "QQ123456              | password.error.common",
            "Password2024          | password.error.common",
            "huaxi@2026            | password.error.common",
            "1qaz2wsx              | password.error.common",
            "x{user}7              | password.error.containsUsername",
            "{USER}2026ab          | password.error.containsUsername",
            "abc\u200bdef12        | password.error.invisibleCharacters",
            "abc\u0007def12        | password.error.invisibleCharacters",
            "abc\u0000def12        | password.error.invisibleCharacters",
            "\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200ba1 | password.error.invisibleCharacters",
            "abcdefgh              | password.error.needsLettersAndDigits"})
    void aWeakOrUntypeablePasswordIsRefused(String template, String key) {
        String username = account();
        String password = template.replace("{user}", username).replace("{USER}", username.toUpperCase());
        long id = accounts.findIdByUsername(username).orElseThrow();
        assertThatThrownBy(() -> accounts.changeOwnPassword(id, PASSWORD, password))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).messageKey()).isEqualTo(key));
    }

    @Test
    void aPasswordOverSeventyTwoBytesIsRefusedWithAClearMessageNotAServerError() throws Exception {
        String username = account();
        // 31 Chinese characters: 93 bytes in UTF-8, which BCrypt cannot take
        String tooLong = "花溪区人大代表联络站民意闭环系统密码测试花溪区人大代表联络站民".substring(0, 29) + "a1";
        assertThat(tooLong.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        MockHttpServletResponse page = mvc.perform(post("/account/password").with(csrf()).with(user(users.loadUserByUsername(username)))
                        .param("currentPassword", PASSWORD).param("newPassword", tooLong).param("confirmPassword", tooLong))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("新密码太长：最多 72 字节");
        assertThat(hash(username)).isEqualTo(hashBefore(username));
    }

    @Test
    void aGoodPasswordIsStillAccepted() {
        String username = account();
        long id = accounts.findIdByUsername(username).orElseThrow();
        accounts.changeOwnPassword(id, PASSWORD, "Lantern9Quiet");
        // Chinese passwords within 72 bytes are fine: 20 characters are 60 bytes
        accounts.changeOwnPassword(id, "Lantern9Quiet", "青岩古镇的石板路走了三十年还是那么滑溜溜的啊7");
    }

    // ------------------------------------------------------------------ enumeration

    @Test
    void unknownLockedAndDisabledAccountsAllGetTheSameAnswer() throws Exception {
        String address = address();
        String locked = account();
        jdbc.sql("update account set locked_until = now() + interval '30 minutes' where username = :u").param("u", locked).update();
        String disabled = account();
        jdbc.sql("update account set enabled = false where username = :u").param("u", disabled).update();
        String ordinary = account();

        String wrong = signIn(ordinary, "Wrong12345", address);
        assertThat(wrong).isEqualTo("/login?error");
        assertThat(signIn("nobody" + System.nanoTime(), PASSWORD, address)).isEqualTo(wrong);
        assertThat(signIn(locked, PASSWORD, address)).as("locked, right password").isEqualTo(wrong);
        assertThat(signIn(locked, "Wrong12345", address)).as("locked, wrong password").isEqualTo(wrong);
        assertThat(signIn(disabled, PASSWORD, address)).as("disabled, right password").isEqualTo(wrong);
        assertThat(signIn(disabled, "Wrong12345", address)).as("disabled, wrong password").isEqualTo(wrong);

        // old addresses of the lock and disabled messages say the same as a wrong password
        String error = loginMessage("/login?error");
        assertThat(error).startsWith("用户名或密码不正确");
        assertThat(loginMessage("/login?locked")).isEqualTo(error);
        assertThat(loginMessage("/login?disabled")).isEqualTo(error);
    }

    // ------------------------------------------------------------------ throttle per address

    @Test
    void anAddressWithTooManyFailuresCannotSignInOrLockAnyoneUntilTheWindowEnds() throws Exception {
        String address = address();
        String victim = account();
        for (int i = 0; i < throttle.failures(); i++) {
            assertThat(signIn("guess" + i + "x" + System.nanoTime(), "Wrong12345", address)).isEqualTo("/login?error");
        }

        // further guesses are refused unseen: the account's failure count does not move
        assertThat(signIn(victim, "Wrong12345", address)).isEqualTo("/login?throttled");
        assertThat(signIn(victim, PASSWORD, address)).isEqualTo("/login?throttled");
        assertThat(failedLogins(victim)).isZero();
        assertThat(loginMessage("/login?throttled")).contains("此网络地址登录失败次数过多").contains("15 分钟");

        // HTTP Basic from the same address: 429 with Retry-After
        MockHttpServletResponse api = mvc.perform(get("/api/me").with(httpBasic(victim, PASSWORD)).with(from(address)))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(api.getHeader("Retry-After"))).isBetween(1L, 15 * 60L);

        // another address is not affected
        assertThat(signIn(victim, PASSWORD, address())).isEqualTo("/workbench");
    }

    @Test
    void failuresOverHttpBasicCountTowardTheSameThrottle() throws Exception {
        String address = address();
        String victim = account();
        for (int i = 0; i < throttle.failures(); i++) {
            assertThat(mvc.perform(get("/api/me").with(httpBasic("guess" + i, "Wrong12345")).with(from(address)))
                    .andReturn().getResponse().getStatus()).isEqualTo(401);
        }
        assertThat(signIn(victim, PASSWORD, address)).isEqualTo("/login?throttled");
    }

    // ------------------------------------------------------------------ back to the page after signing in

    @Test
    void aSignedOutVisitorIsBroughtBackToThePageTheyOpenedAfterSigningIn() throws Exception {
        // a deputy scans a briefing's door code on a phone that is signed out
        String target = "/briefings/sign-in/abc123def456?from=qr";
        String login = mvc.perform(get(target)).andReturn().getResponse().getRedirectedUrl();
        assertThat(login).endsWith("/login?continue=%2Fbriefings%2Fsign-in%2Fabc123def456%3Ffrom%3Dqr");
        // the form carries the way back, and a wrong password keeps it
        String form = mvc.perform(get("/login").param("continue", target)).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(form).select("input[name=continue]").val()).isEqualTo(target);
        String username = account();
        String address = address();
        assertThat(signIn(username, "Wrong-password-9", address, target))
                .isEqualTo("/login?error&continue=%2Fbriefings%2Fsign-in%2Fabc123def456%3Ffrom%3Dqr");
        assertThat(signIn(username, PASSWORD, address, target)).isEqualTo(target);
        // without a way back: the workbench, as before
        assertThat(signIn(username, PASSWORD, address)).isEqualTo("/workbench");
    }

    @ParameterizedTest(name = "continue={0} goes to the workbench")
    @CsvSource({"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/login?error",
            "/logout", "''"})
    void theWayBackIsOnlyEverAPathOnThisSite(String target) throws Exception {
        assertThat(signIn(account(), PASSWORD, address(), target)).isEqualTo("/workbench");
        assertThat(mvc.perform(post("/login").with(csrf()).with(from(address())).param("username", "nobody" + System.nanoTime())
                .param("password", "Wrong-password-9").param("continue", target)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void aFormSentAfterTheSessionEndedGoesToThePlainSignInForm() throws Exception {
        assertThat(mvc.perform(post("/opinions/record").with(csrf())).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
    }

    // ------------------------------------------------------------------

    private String signIn(String username, String password, String address, String target) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password)
                        .param("continue", target))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private String signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private String loginMessage(String url) throws Exception {
        String html = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select(".alert-danger").text();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address() {
        int n = ADDRESS.incrementAndGet();
        return "198.51." + (100 + n / 250 % 100) + "." + (1 + n % 250);
    }

    private String account() {
        String username = "pw" + System.nanoTime() % 100_000_000;
        accounts.create(username, new AccountDetails("密码测试", null, null, EnumSet.of(Role.LEADER), true), PASSWORD, false);
        hashes.put(username, hash(username));
        return username;
    }

    private final java.util.Map<String, String> hashes = new java.util.HashMap<>();

    private String hashBefore(String username) {
        return hashes.get(username);
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from account where username = :u").param("u", username).query(String.class).single();
    }

    private int failedLogins(String username) {
        return jdbc.sql("select failed_logins from account where username = :u").param("u", username).query(Integer.class).single();
    }
}
