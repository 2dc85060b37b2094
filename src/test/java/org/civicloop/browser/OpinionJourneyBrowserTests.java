package org.civicloop.browser;

import java.util.List;
import org.civicloop.deputies.Deputies;
import org.civicloop.organization.Directory;
import org.civicloop.testing.Accessibility;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heart of CivicLoop in a phone-sized browser: a voter scans a deputy's QR link, writes in
 * Chinese, keeps the receipt code; the office accepts and assigns; the unit signs and answers; the
 * voter finds the answer by the code and rates it. Then axe-core checks the public pages.
 */
@IntegrationTest
class OpinionJourneyBrowserTests {

    @RegisterExtension
    static final BrowserExtension phone = BrowserExtension.sized(390, 844); // an ordinary phone's CSS viewport

    @LocalServerPort
    int port;
    @Autowired
    Deputies deputies;
    @Autowired
    Directory directory;

    @Test
    void aVoterFollowsAnOpinionFromTheQrCodeToTheRating() {
        long deputyAccount = directory.accountIdByUsername("deputy").orElseThrow();
        var deputy = deputies.forAccount(deputyAccount).orElseThrow();

        // the voter scans the deputy's QR code
        phone.get(url("/o/" + deputy.dutyToken()));
        assertThat(phone.findElement(By.id("addressee-name")).getText()).isEqualTo(deputy.name());
        phone.findElement(By.id("content")).sendKeys("我们村的灌溉水渠堵塞了，今年春耕用水很困难，希望尽快疏通。");
        new Select(phone.findElement(By.id("category"))).selectByVisibleText("农业农村与乡村振兴");
        new Select(phone.findElement(By.id("placeCode"))).selectByIndex(3);
        phone.findElement(By.id("voterPhone")).sendKeys("13987654321");
        click("consent");
        Browser.screenshot(phone, "phone-opinion-form");
        click("submit-opinion");
        String code = Browser.await(phone, By.id("receipt-code")).getText();
        assertThat(code).matches("[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(phone.findElement(By.id("opinion-status")).getText()).isEqualTo("已收到");
        assertThat(phone.getPageSource()).doesNotContain("13987654321");
        Browser.screenshot(phone, "phone-receipt");

        // the congress office accepts it and assigns it to the housing bureau
        phone.signIn("office");
        phone.get(url("/opinions?status=SUBMITTED&text=" + code));
        phone.findElement(By.linkText(code)).click();
        click("accept");
        assertThat(phone.findElement(By.id("opinion-status")).getText()).isEqualTo("已受理");
        new Select(phone.findElement(By.id("unitId"))).selectByVisibleText("花溪区住房和城乡建设局");
        phone.findElement(By.id("instructions")).sendKeys("请尽快现场查看");
        click("forward");
        assertThat(phone.findElement(By.id("opinion-status")).getText()).isEqualTo("办理中");
        phone.signOut();

        // the unit finds it in its inbox, signs for it and answers
        phone.signIn("unit");
        phone.get(url("/work-orders"));
        phone.findElement(By.linkText(code)).click();
        click("sign");
        phone.findElement(By.id("reply-text")).sendKeys("已组织人员疏通水渠，并安排每月巡查。");
        click("reply");
        assertThat(phone.findElement(By.id("action-done")).getText()).contains("已答复");
        phone.signOut();

        // the voter looks the code up and rates the answer
        phone.get(url("/public/opinions/track"));
        phone.findElement(By.id("code")).sendKeys(code.toLowerCase());
        phone.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(Browser.await(phone, By.id("reply-text")).getText()).isEqualTo("已组织人员疏通水渠，并安排每月巡查。");
        Browser.screenshot(phone, "phone-status-replied");
        click("rate-satisfied");
        assertThat(phone.findElement(By.id("opinion-status")).getText()).isEqualTo("已办结");
        assertThat(phone.findElement(By.id("final-rating")).getText()).contains("满意");
    }

    @Test
    void thePublicPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
        long deputyAccount = directory.accountIdByUsername("deputy").orElseThrow();
        String token = deputies.forAccount(deputyAccount).orElseThrow().dutyToken();
        // the home page, the form and the look-up at both widths are PublicPageWeightBrowserTests'; here the duty code's form
        for (String path : List.of("/o/" + token)) {
            phone.get(url(path));
            assertNoSeriousViolations(path);
        }
        // a form with errors, and a status page
        phone.get(url("/public/opinions/new"));
        click("submit-opinion");
        assertThat(Browser.await(phone, By.id("error-summary")).isDisplayed()).isTrue();
        assertNoSeriousViolations("form with errors");
        phone.get(url("/public/opinions/new"));
        phone.findElement(By.id("content")).sendKeys("用于无障碍检查的意见内容");
        new Select(phone.findElement(By.id("category"))).selectByIndex(1);
        new Select(phone.findElement(By.id("placeCode"))).selectByIndex(1);
        click("submit-opinion");
        assertNoSeriousViolations("status page");
        // the large-text switch
        click("text-size-switch");
        assertThat(phone.findElement(By.tagName("html")).getAttribute("class")).contains("large-text");
        assertNoSeriousViolations("status page, large text");
        Browser.screenshot(phone, "phone-status-large-text");
        click("text-size-switch");
    }

    private void assertNoSeriousViolations(String page) {
        assertThat(Accessibility.seriousViolations(phone)).as("axe on " + page).isEmpty();
    }

    private void click(String id) {
        phone.click(phone.findElement(By.id(id)));
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
