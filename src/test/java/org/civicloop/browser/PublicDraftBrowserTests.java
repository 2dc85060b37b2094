package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.civicloop.testing.Accessibility;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident reads the open draft on a 390-px phone and comments on one article, once with JavaScript
 * and once without: the comment is stored with that article. axe finds no serious violation on the
 * public draft and feedback pages nor on the office's draft, report, adoption and figures pages. The phone screenshot of the draft is the README's.
 */
@IntegrationTest
class PublicDraftBrowserTests {

    static final String PROPERTY = "贵州省物业管理条例（修订草案征求意见稿）";

    @RegisterExtension
    static final BrowserExtension phone = BrowserExtension.sized(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long draft() {
        return jdbc.sql("select id from legislation_draft where title = :t").param("t", PROPERTY).query(Long.class).single();
    }

    long article(int no) {
        return jdbc.sql("select id from legislation_article where draft_id = :d and article_no = :n").param("d", draft())
                .param("n", no).query(Long.class).single();
    }

    /** From the list of open drafts to the article, its form and the thank-you page; the comment's text. */
    private String commentOnArticle(WebDriver browser, int articleNo, String text, boolean screenshot) {
        browser.get(url("/public/drafts"));
        browser.findElement(By.linkText(PROPERTY)).click();
        Browser.await(browser, By.id("draft-title"));
        if (screenshot) {
            Browser.screenshot(browser, "public-draft-phone");
        }
        WebElement article = browser.findElement(By.id("article-" + articleNo));
        assertThat(article.getText()).contains("第二十");
        // nothing wider than the phone: no sideways scrolling
        if (browser instanceof org.openqa.selenium.JavascriptExecutor js) {
            Object wide = null;
            try {
                wide = js.executeScript("return document.documentElement.scrollWidth");
            } catch (RuntimeException noScript) {
                // JavaScript off: the check is the JavaScript run's
            }
            if (wide != null) {
                assertThat(((Number) wide).intValue()).isLessThanOrEqualTo(390);
            }
        }
        String link = article.findElement(By.className("comment-link")).getAttribute("href");
        browser.get(link);
        Browser.await(browser, By.id("comment-article"));
        browser.findElement(By.id("body")).sendKeys(text);
        browser.findElement(By.id("submit-comment")).click();
        WebElement received = Browser.await(browser, By.id("comment-received"));
        assertThat(received.getText()).contains("意见已收到");
        return text;
    }

    @Test
    void aResidentCommentsOnArticleNOnAPhoneWithJavaScriptAndItIsStoredWithThatArticle() {
        String text = commentOnArticle(phone, 26, "电动自行车充电场所应当按户数配建，并且有人管理。", true);
        assertThat(jdbc.sql("select article_id from legislation_comment where body = :b and channel = 'ONLINE'").param("b", text)
                .query(Long.class).single()).isEqualTo(article(26));
    }

    @Test
    void aResidentCommentsOnArticleNOnAPhoneWithoutJavaScriptAndItIsStoredWithThatArticle() {
        WebDriver noScript = Browser.start(390, 844, false);
        try {
            String text = commentOnArticle(noScript, 27, "专项维修资金应当每年公布余额和使用明细。", false);
            assertThat(jdbc.sql("select article_id from legislation_comment where body = :b and channel = 'ONLINE'").param("b", text)
                    .query(Long.class).single()).isEqualTo(article(27));
        } finally {
            noScript.quit();
        }
    }

    @Test
    void theDraftPagesHaveNoSeriousAccessibilityViolations() {
        long draft = draft();
        // the closed draft: its reports are sent and its adoption fed back (the demo's)
        long closed = jdbc.sql("select id from legislation_draft where passed_on is not null order by id limit 1")
                .query(Long.class).single();
        long point = jdbc.sql("select site_id from legislation_draft_point where draft_id = :d order by site_id limit 1")
                .param("d", closed).query(Long.class).single();
        List<String> found = new ArrayList<>(check(phone, "/public/drafts", "/public/drafts/" + draft,
                "/public/drafts/" + draft + "/comment?article=" + article(24), "/public/drafts/points/huaxilf2026a",
                "/public/drafts/feedback", "/public/drafts/" + closed + "/feedback"));
        WebDriver desktop = Browser.start(1280, 900, true);
        try {
            desktop.get(url("/login"));
            desktop.findElement(By.id("username")).sendKeys("office");
            desktop.findElement(By.id("password")).sendKeys(BrowserExtension.DEMO_PASSWORD);
            desktop.findElement(By.id("sign-in")).click();
            Browser.await(desktop, By.id("main-menu"));
            found.addAll(check(desktop, "/legislation/drafts", "/legislation/drafts/new", "/legislation/drafts/" + draft,
                    "/legislation/drafts/" + draft + "/consultations/new", "/legislation/reports",
                    "/legislation/reports/" + closed + "/" + point, "/legislation/adoption", "/legislation/adoption/" + closed,
                    "/legislation/figures"));
        } finally {
            desktop.quit();
        }
        assertThat(found).as("serious or critical axe violations on the draft pages").isEmpty();
    }

    private List<String> check(WebDriver browser, String... paths) {
        List<String> found = new ArrayList<>();
        for (String path : paths) {
            browser.get(url(path));
            assertThat(browser.findElements(By.id("error-title"))).as(path + " shows no error page").isEmpty();
            Accessibility.seriousViolations(browser).stream().map(v -> path + " " + v).forEach(found::add);
        }
        return found;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
