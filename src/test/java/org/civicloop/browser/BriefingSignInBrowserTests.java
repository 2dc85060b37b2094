package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import org.civicloop.briefings.domain.BriefingDraft;
import org.civicloop.briefings.domain.BriefingKind;
import org.civicloop.briefings.domain.BriefingService;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deputy at the door on a 390-px phone: opens the address the door's QR code holds, presses 签到 and
 * is recorded; a second scan says they have already signed in; their own briefings page shows it. The
 * briefing started five minutes ago (planned by the test through the service).
 */
@IntegrationTest
class BriefingSignInBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(390, 844);

    @Autowired
    BriefingService service;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        service.useClock(Clock.systemUTC());
    }

    @Test
    void aDeputySignsInToABriefingOnAPhone() {
        service.useClock(Clock.systemUTC());
        LocalDateTime start = LocalDateTime.now(service.zone()).minusMinutes(5).withSecond(0).withNano(0);
        long id = service.schedule(new BriefingDraft(BriefingKind.TRAINING, "测试：代表履职手机签到演练", start, start.plusHours(2),
                "花溪区人大常委会第二会议室", "花溪区人大常委会办公室", Set.of(demo.deputy("王建国"), demo.deputy("李秀英"))),
                demo.user("office"));
        String token = jdbc.sql("select sign_in_token from briefing where id = :id").param("id", id).query(String.class).single();

        browser.signIn("deputy");
        browser.get(browser.url("/briefings/sign-in/" + token));
        assertThat(browser.findElement(By.id("briefing-title")).getText()).isEqualTo("测试：代表履职手机签到演练");
        Browser.screenshot(browser, "deputy-briefing-sign-in");
        browser.findElement(By.id("sign-in-button")).click();
        assertThat(Browser.await(browser, By.id("signed-in")).getText()).contains("王建国", "签到成功");
        assertThat(jdbc.sql("select status from briefing_invitation where briefing_id = :b and deputy_id = :d")
                .param("b", id).param("d", demo.deputy("王建国")).query(String.class).single()).isEqualTo("PRESENT");
        Browser.screenshot(browser, "deputy-briefing-signed-in");
        // nothing sticks out of a phone's width
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0L);

        // scanning again: told so, no button
        browser.get(browser.url("/briefings/sign-in/" + token));
        assertThat(browser.findElement(By.id("already")).getText()).contains("无需重复签到");
        assertThat(browser.findElements(By.id("sign-in-button"))).isEmpty();

        browser.findElement(By.id("to-mine")).click();
        assertThat(Browser.await(browser, By.id("my-upcoming")).getText()).contains("测试：代表履职手机签到演练", "已签到");
        Browser.screenshot(browser, "deputy-my-briefings");
        browser.signOut();
    }
}
