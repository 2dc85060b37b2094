package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The duty-code journeys in a real browser: the office finds a deputy and his code, the deputy
 * opens his own, station staff see their unit's sites. Screenshots land in target/screenshots.
 */
@IntegrationTest
class DeputyDutyCodeBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1280, 900);

    @LocalServerPort
    int port;

    @Test
    void theOfficeFindsADeputyAndPrintsHisCode() {
        browser.signIn("office");
        // other modules add their own entries (opinions, suggestions); these must be there, in this order
        assertThat(menu()).containsSubsequence("工作台", "代表名册", "家站室点");
        browser.findElement(By.linkText("代表名册")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("代表名册");
        Browser.screenshot(browser, "office-deputies");
        browser.findElement(By.linkText("王建国")).click();
        assertThat(browser.findElement(By.id("deputy-phone")).getText()).isEqualTo("13800000101");
        assertThat(browser.findElement(By.id("duty-code-address")).getText()).isEqualTo("http://localhost:8080/o/wangjg2026hx");
        assertQrImageLoaded();
        assertThat(browser.findElement(By.id("download-poster")).getAttribute("href")).endsWith("/public/qr/wangjg2026hx/poster.pdf");
        Browser.screenshot(browser, "office-deputy-duty-code");

        browser.get(url("/deputies/new"));
        WebElement save = browser.findElement(By.id("save"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
        try {
            save.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            // on a loaded machine the page may still be settling after the scroll; the form's own button is what matters
            ((JavascriptExecutor) browser).executeScript("arguments[0].click()", save);
        }
        assertThat(Browser.await(browser, By.id("error-summary")).getText()).contains("请填写代表姓名", "请选择所在区划");
        Browser.screenshot(browser, "office-deputy-form-errors");

        follow("家站室点");
        // the demo network has 80 sites: the office searches for the one it wants
        WebElement search = browser.findElement(By.name("q"));
        search.sendKeys("青岩镇人大代表联络站");
        search.submit();
        follow("青岩镇人大代表联络站");
        follow("编辑");
        assertThat(browser.findElements(By.cssSelector("input[name=deputyIds]:checked"))).hasSize(2);
        Browser.screenshot(browser, "office-site-form");
        browser.signOut();
    }

    @Test
    void aDeputyOpensHisOwnCode() {
        browser.signIn("deputy");
        assertThat(menu()).containsSubsequence("工作台", "我的履职二维码");
        browser.findElement(By.linkText("我的履职二维码")).click();
        assertThat(browser.findElement(By.id("duty-code-token")).getText()).isEqualTo("wangjg2026hx");
        assertQrImageLoaded();
        Browser.screenshot(browser, "deputy-my-duty-code");
        browser.signOut();
    }

    @Test
    void stationStaffSeeTheirUnitsTwoSites() {
        browser.signIn("station");
        assertThat(menu()).containsSubsequence("工作台", "家站室点", "本单位");
        browser.findElement(By.linkText("家站室点")).click();
        List<String> names = browser.findElements(By.cssSelector("#sites-table tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).containsExactlyInAnyOrder("青岩镇人大代表联络站", "青岩古镇赶集日流动联络站");
        Browser.screenshot(browser, "station-sites");
        browser.findElement(By.linkText("青岩镇人大代表联络站")).click();
        assertQrImageLoaded();
        assertThat(browser.findElements(By.id("regenerate"))).isEmpty();
        Browser.screenshot(browser, "station-site");
        browser.signOut();
    }

    /** Opens a link's target directly: long tables put links below the fold, where a click may be intercepted. */
    private void follow(String linkText) {
        browser.get(browser.findElement(By.linkText(linkText)).getAttribute("href"));
    }

    private void assertQrImageLoaded() {
        WebElement image = browser.findElement(By.id("duty-code-image"));
        wait(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].complete", image));
        Long width = (Long) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", image);
        assertThat(width).isEqualTo(240L);
    }


    private List<String> menu() {
        return browser.findElements(By.cssSelector("#main-menu .nav-link")).stream().map(WebElement::getText).toList();
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
