package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A district leader opens the performance ranking from the menu: the demo's half-year ranking with
 * 花溪区 first and up two places since 2025, and the four charts drawn by ECharts (a canvas of real
 * size in each container); then the same page in English.
 */
@IntegrationTest
class PerformanceRankingBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1366, 900);

    static final List<String> CHARTS = List.of("chart-composite", "chart-radar", "chart-indicator", "chart-trend");

    @Test
    void theLeaderSeesTheRankingWithItsChartsDrawn() {
        browser.signIn("leader");
        browser.findElement(By.linkText("绩效评价")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("ranking-table")));
        // the latest locked period first: GDP growth January to September, 花溪区 third
        assertThat(browser.findElement(By.id("scheme-title")).getText()).contains("2026年1—9月");
        assertThat(browser.findElement(By.id("rank-520111")).getText()).startsWith("3").contains("花溪区");
        // the 2026 half-year: 花溪区 first, third in 2025
        new Select(browser.findElement(By.id("scheme"))).selectByVisibleText("2026年上半年高质量发展绩效评价");
        browser.findElement(By.cssSelector("#scheme-form button")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("scheme-title"), "2026年上半年"));
        assertThat(browser.findElement(By.id("scheme-title")).getText()).contains("2026年上半年");
        WebElement huaxi = browser.findElement(By.id("rank-520111"));
        assertThat(huaxi.getText()).startsWith("1").contains("花溪区", "上升2位", "先进");
        assertThat(browser.findElement(By.id("rank-520122")).getText()).contains("一票否决").doesNotContain("先进");
        // the district's scores show the method and inputs beside each score
        assertThat(browser.findElement(By.id("district-scores")).getText()).contains("功效系数法", "x_s = 40", "x_h = 65");

        Browser.screenshot(browser, "leader-performance-ranking-table-zh");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("performance-charts")));
        for (String id : CHARTS) {
            WebElement canvas = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " canvas")));
            assertThat(canvas.getSize().getWidth()).as(id).isPositive();
            assertThat(canvas.getSize().getHeight()).as(id).isPositive();
        }
        browser.executeScript("document.getElementById('performance-charts').scrollIntoView()");
        Browser.screenshot(browser, "leader-performance-ranking-zh");

        String halfYear = new Select(browser.findElement(By.id("scheme"))).getFirstSelectedOption().getDomAttribute("value");
        browser.findElement(By.id("language-switch")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("ranking-table")));
        browser.get(browser.url("/performance/ranking?scheme=" + halfYear));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("scheme-title"), "First half of 2026"));
        assertThat(browser.findElement(By.id("rank-520111")).getText()).contains("Up 2", "Advanced");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-radar canvas")));
        browser.executeScript("document.getElementById('performance-charts').scrollIntoView()");
        Browser.screenshot(browser, "leader-performance-ranking-en");
        browser.get(browser.url("/locale?lang=zh-CN&back=/"));
    }

    @Test
    void thePublicReadsThePublishedResultsWithoutScripts() {
        browser.get(browser.url("/public/performance"));
        browser.findElement(By.partialLinkText("2026年上半年")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("public-ranking")));
        assertThat(browser.findElement(By.id("rank-520111")).getText()).contains("花溪区", "上升2位");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        Browser.screenshot(browser, "public-performance");
    }
}
