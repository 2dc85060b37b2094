package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.notifications.RecordingSmsSender;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A voter votes in the demo's five-type deputies campaign on a 390-px phone with JavaScript off:
 * the campaign, the phone, the SMS code, the thanks; nothing wider than the screen.
 */
@IntegrationTest
class CampaignVotingBrowserTests {

    @RegisterExtension
    static final BrowserExtension office = BrowserExtension.sized(1280, 900);

    @LocalServerPort
    int port;
    @Autowired
    RecordingSmsSender sms;

    @Test
    void aVoterVotesWithAnSmsCodeOnAPhoneWithoutJavaScript() {
        WebDriver browser = Browser.start(390, 844, false);
        try {
            browser.get("http://localhost:" + port + "/public/campaigns");
            browser.findElement(By.partialLinkText("五型代表")).click();
            assertThat(Browser.await(browser, By.id("campaign-status")).getText()).isEqualTo("投票进行中");
            assertNoSidewaysScroll(browser);
            Browser.screenshot(browser, "public-campaign-voting");

            browser.findElement(By.cssSelector("a[id^=vote-]")).click();
            String phone = "176" + String.format("%08d", (int) (Math.random() * 100_000_000));
            Browser.await(browser, By.id("phone")).sendKeys("12345");
            browser.findElement(By.id("send-code")).click();
            assertThat(Browser.await(browser, By.id("error-summary")).getText()).contains("请填写正确的 11 位手机号码。");
            browser.findElement(By.id("phone")).clear();
            browser.findElement(By.id("phone")).sendKeys(phone);
            browser.findElement(By.id("send-code")).click();
            assertThat(Browser.await(browser, By.id("code-sent")).getText()).contains(phone.substring(0, 3) + "****");
            assertNoSidewaysScroll(browser);
            Browser.screenshot(browser, "public-campaign-code");

            await().atMost(Duration.ofSeconds(20)).until(() -> !sms.sentTo(phone).isEmpty());
            Matcher code = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])").matcher(sms.sentTo(phone).get(0).text());
            assertThat(code.find()).isTrue();
            browser.findElement(By.id("code")).sendKeys(code.group(1));
            browser.findElement(By.id("cast-vote")).click();
            assertThat(Browser.await(browser, By.id("voted")).getText()).contains("投票成功");
            assertNoSidewaysScroll(browser);
            Browser.screenshot(browser, "public-campaign-voted");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theOfficeSeesEachNomineesCheckAndVotesAndARefusedFormSaysWhy() {
        office.signIn("office");
        // campaigns are a tab of the deputies' area in the office's menu
        office.findElement(By.linkText("代表名册")).click();
        office.findElement(By.cssSelector("#sub-menu")).findElement(By.linkText("典型选树")).click();
        office.findElement(By.partialLinkText("五型代表")).click();
        assertThat(Browser.await(office, By.id("campaign-status")).getText()).isEqualTo("群众投票中");
        assertThat(office.findElements(By.cssSelector("#nominees tbody tr"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(office.findElement(By.id("nominees")).getText()).contains("符合条件");
        assertThat(office.findElements(By.cssSelector("input[name=chosen]:checked"))).as("nothing chosen beforehand").isEmpty();
        Browser.screenshot(office, "office-campaign-voting");

        office.get(office.url("/campaigns/new"));
        office.findElement(By.id("save")).click();
        assertThat(Browser.await(office, By.id("error-summary")).getText()).contains("请填写日期。");
        Browser.screenshot(office, "office-campaign-form-errors");
        office.signOut();
    }

    private static void assertNoSidewaysScroll(WebDriver browser) {
        // with JavaScript off, Selenium's own script still runs
        Object width = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
    }
}
