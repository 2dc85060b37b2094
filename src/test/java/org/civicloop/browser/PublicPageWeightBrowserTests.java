package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civicloop.deputies.Deputies;
import org.civicloop.organization.Directory;
import org.civicloop.suggestions.bulletin.Bulletins;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.Accessibility;
import org.civicloop.testing.Browser;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public pages on a weak signal: the bytes a phone's browser really transfers (Resource Timing's
 * {@code transferSize}: headers and the compressed body of the page and of every file it loads; 0 for
 * a file taken from the browser's cache) for the QR form on first load and for the next page in the
 * same browser. And the same pages with JavaScript turned off: every header link can be reached and
 * the form works, with no CSRF token in the address after it comes back with a problem.
 */
@IntegrationTest
class PublicPageWeightBrowserTests {

    static final long FIRST_LOAD_BUDGET = 30 * 1024;
    static final long NEXT_PAGE_BUDGET = 5 * 1024;

    /** The page's own transfer plus every resource it loaded, in bytes. */
    private static final String TRANSFERRED = """
            const nav = performance.getEntriesByType('navigation')[0];
            let sum = nav.transferSize;
            for (const r of performance.getEntriesByType('resource')) { sum += r.transferSize; }
            return sum;""";

    @LocalServerPort
    int port;
    @Autowired
    Deputies deputies;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Bulletins bulletins;
    @Autowired
    DemoFixture demo;

    @Test
    void theQrFormIsLightOnFirstLoadAndTheNextPageCostsOnlyItsHtml() throws Exception {
        var deputy = deputies.forAccount(directory.accountIdByUsername("deputy").orElseThrow()).orElseThrow();
        WebDriver phone = Browser.start(390, 844);
        try {
            phone.get(url("/o/" + deputy.dutyToken()));
            assertThat(phone.findElement(By.id("addressee-name")).getText()).isEqualTo(deputy.name());
            long first = transferred(phone);
            Browser.screenshot(phone, "public-form-390");

            phone.findElement(By.id("track-link")).click();
            assertThat(phone.getCurrentUrl()).endsWith("/public/opinions/track");
            long next = transferred(phone);

            String figures = "first load of /o/{token}: " + first + " bytes; next page (/public/opinions/track): " + next + " bytes";
            System.out.println("Public page weight: " + figures);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "public-page-weight.txt"), figures + System.lineSeparator());
            assertThat(first).as("first load").isPositive().isLessThanOrEqualTo(FIRST_LOAD_BUDGET);
            assertThat(next).as("next page").isPositive().isLessThanOrEqualTo(NEXT_PAGE_BUDGET);
        } finally {
            phone.quit();
        }
    }

    @Test
    void withoutJavaScriptTheHeaderLinksAreThereAndTheFormComesBackAtACleanAddressWithItsPhoto() throws Exception {
        WebDriver phone = Browser.start(390, 844, false);
        try {
            phone.get(url("/public/opinions/new"));
            assertThat(phone.findElements(By.tagName("script"))).isEmpty();
            for (String id : List.of("home-link", "track-link", "language-switch", "text-size-switch")) {
                WebElement link = phone.findElement(By.id(id));
                assertThat(link.isDisplayed()).as(id + " visible without opening a menu").isTrue();
            }
            Browser.screenshot(phone, "public-form-390-nojs");

            // the language switch works with a plain link
            phone.findElement(By.id("language-switch")).click();
            assertThat(phone.findElement(By.tagName("h1")).getText()).isNotEmpty();
            assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            phone.findElement(By.id("language-switch")).click();
            assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

            // a form with a photo but no text comes back with its problems, at /public/opinions with no
            // token in the address, and the photo held; sent again with the text, the photo goes with it
            phone.findElement(By.id("photos")).sendKeys(photoFile().toString());
            phone.findElement(By.id("submit-opinion")).click();
            assertThat(Browser.await(phone, By.id("error-summary")).getText()).contains("请填写您要反映的内容");
            assertThat(phone.getCurrentUrl()).isEqualTo(url("/public/opinions"));
            assertThat(phone.findElement(By.id("held-photos")).getText()).contains("1 张照片已保留");
            Browser.screenshot(phone, "public-form-390-problems");
            phone.findElement(By.id("content")).sendKeys("小区门口的路灯坏了，晚上很黑。");
            new Select(phone.findElement(By.id("category"))).selectByIndex(1);
            new Select(phone.findElement(By.id("placeCode"))).selectByIndex(1);
            phone.findElement(By.id("submit-opinion")).click();
            String code = Browser.await(phone, By.id("receipt-code")).getText();
            assertThat(jdbc.sql("select count(*) from opinion_photo p join opinion o on o.id = p.opinion_id where o.receipt_code = ?")
                    .param(code).query(Long.class).single()).isEqualTo(1);

            phone.findElement(By.id("track-link")).click();
            assertThat(phone.getCurrentUrl()).endsWith("/public/opinions/track");
        } finally {
            phone.quit();
        }
    }

    /**
     * A 390 px phone at 200% zoom lays pages out 195 CSS px wide; with the large-text switch on too, no public page
     * may scroll sideways. The bulletin's two-up figure cards made it 204 px wide, its unit cards 252 px.
     */
    @Test
    void publicPagesSurviveTwiceTheZoomWithLargeTextWithoutScrollingSideways() {
        // a title with a long run of digits (a document number; a test's nanoTime made the list 241 px wide in the
        // full suite), published first, so that the list and the bulletin opened below are this one
        long bulletin = bulletins.create("通报" + "20261208123456789012", KpiPeriod.of("2026"), null, demo.user("office"));
        bulletins.publish(bulletin, demo.user("office"));
        WebDriver phone = Browser.start(390, 844);
        try {
            phone.get(url("/public/text-size?large=true&back=/"));
            assertThat(phone.findElement(By.tagName("html")).getAttribute("class")).contains("large-text");
            ((org.openqa.selenium.chromium.ChromiumDriver) phone).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", 195, "height", 422, "deviceScaleFactor", 2, "mobile", true));
            for (String path : List.of("/", "/public/opinions/new", "/public/opinions/track", "/public/bulletins",
                    "bulletin", "/public/suggestions", "/public/drafts/feedback")) {
                if (path.equals("bulletin")) {
                    phone.get(url("/public/bulletins"));
                    phone.findElement(By.cssSelector("main a[href^='/public/bulletins/']")).click();
                } else {
                    phone.get(url(path));
                }
                long width = (Long) ((JavascriptExecutor) phone).executeScript("return window.innerWidth");
                long scrollWidth = (Long) ((JavascriptExecutor) phone).executeScript("return document.documentElement.scrollWidth");
                assertThat(width).as(path + ": the layout viewport (wider when the page overflows)").isEqualTo(195);
                assertThat(scrollWidth).as(path + " at 195 px with large text").isLessThanOrEqualTo(195);
                if (path.equals("/")) {
                    // the home page's eleven public links, one under another: each at least a finger's 44 px high
                    @SuppressWarnings("unchecked")
                    List<Long> heights = (List<Long>) ((JavascriptExecutor) phone).executeScript(
                            "return Array.from(document.querySelectorAll('#public-links a')).map(a => Math.floor(a.getBoundingClientRect().height))");
                    assertThat(heights).hasSize(11).allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(44L));
                }
            }
        } finally {
            phone.quit();
        }
    }

    @Test
    void everyPublicPageOnItsOwnStylesheetHasNoSeriousAccessibilityViolationsOnAPhoneOrADesk() {
        for (int width : new int[] {390, 1280}) {
            WebDriver browser = Browser.start(width, 900);
            try {
                for (String path : List.of("/", "/public/opinions/new", "/public/opinions/track",
                        "/public/suggestions", "/public/bulletins", "/public/polls", "suggestion", "bulletin")) {
                    if (path.equals("suggestion") || path.equals("bulletin")) {
                        // the first published suggestion's and bulletin's own pages
                        browser.get(url("/public/" + path + "s"));
                        browser.findElement(By.cssSelector("main a[href^='/public/" + path + "s/']")).click();
                        path = "/public/" + path;
                    } else {
                        browser.get(url(path));
                    }
                    assertThat(browser.findElements(By.cssSelector("link[href*='bootstrap'], script[src]")))
                            .as(path + " loads no framework").isEmpty();
                    assertThat(browser.findElement(By.id("track-link")).isDisplayed()).isTrue();
                    Browser.screenshot(browser, "public-" + width + path.replace('/', '-'));
                    assertThat(Accessibility.seriousViolations(browser)).as(path + " at " + width + " px").isEmpty();
                }
            } finally {
                browser.quit();
            }
        }
    }

    private static Path photoFile() throws java.io.IOException {
        Path file = Files.createTempFile("civicloop-photo", ".jpg");
        file.toFile().deleteOnExit(); // the browser uploads it; nothing else needs it after the run
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpeg", file.toFile());
        return file;
    }

    private static long transferred(WebDriver browser) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(TRANSFERRED)).longValue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
