package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.kpi.KpiFixtures;
import org.civicloop.suggestions.kpi.KpiFixtures.TestUnit;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The office reads the statistics (table, charts drawn by ECharts, a figure's list) and publishes a
 * bulletin; then anyone opens it on a phone without signing in.
 */
@IntegrationTest
class KpiDashboardBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1366, 900);

    @LocalServerPort
    int port;
    @Autowired
    SuggestionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theOfficeReadsTheDashboardAndPublishesABulletinThePublicOpens() {
        KpiFixtures fx = new KpiFixtures(service, jdbc, users);
        TestUnit unit = fx.unit("浏览器测试局");
        Instant assigned = KpiFixtures.daysAgo(10);
        long answered = fx.ledBy("浏览器测试已答复建议", unit, assigned);
        fx.reply(answered, 1, unit, "A", "A");
        fx.ledBy("浏览器测试未答复建议", unit, assigned);

        browser.signIn("office");

        // the statistics are a tab of the suggestions area, not an entry of their own in the top bar
        browser.findElement(By.linkText("代表建议")).click();
        browser.findElement(By.cssSelector("#sub-menu")).findElement(By.linkText("统计分析")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kpi-table")));
        WebElement row = browser.findElement(By.id("kpi-unit-" + unit.id()));
        assertThat(row.getText()).contains(unit.name(), "50.0%", "1/2", "100.0%");
        // the chart area is shown and drawn once ECharts has loaded
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kpi-charts")));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-rate-chart canvas")));
        assertThat(browser.findElement(By.id("kpi-definitions")).getText()).contains("已答复件 ÷ 应答复件");
        Browser.screenshot(browser, "office-kpi-dashboard");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('kpi-charts').scrollIntoView()");
        Browser.screenshot(browser, "office-kpi-charts");

        // the reply rate's numerator opens the list behind it
        row.findElement(By.cssSelector("a.kpi-rate")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kpi-items")));
        assertThat(browser.findElement(By.id("kpi-items")).getText()).contains("浏览器测试已答复建议")
                .doesNotContain("浏览器测试未答复建议");

        browser.findElement(By.linkText("集中通报")).click();
        String title = "浏览器测试通报" + System.nanoTime();
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("period"))).selectByValue(Integer.toString(LocalDate.now(KpiFixtures.ZONE).getYear()));
        browser.findElement(By.id("foreword")).sendKeys("请各单位对照整改。");
        browser.findElement(By.id("generate-bulletin")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("publish-bulletin")));
        assertThat(browser.findElement(By.id("action-done")).getText()).contains("通报已生成");
        browser.findElement(By.id("publish-bulletin")).click();
        waitFor(ExpectedConditions.textToBe(By.id("bulletin-status"), "已发布"));
        Browser.screenshot(browser, "office-bulletin-published");

        // the public, on a phone, signed out
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/public/bulletins"));
        browser.findElement(By.partialLinkText(title)).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("bulletin-unit-cards")));
        assertThat(browser.findElement(By.id("bulletin-title")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.id("bulletin-unit-cards")).getText()).contains(unit.name());
        assertThat(browser.findElement(By.id("bulletin-foreword")).getText()).isEqualTo("请各单位对照整改。");
        assertThat(browser.findElement(By.id("bulletin-pdf")).getAttribute("href")).endsWith(".pdf");
        assertThat(browser.findElements(By.id("main-menu")).stream().filter(WebElement::isDisplayed).toList()
                .stream().flatMap(m -> m.findElements(By.tagName("a")).stream()).toList()).isEmpty();
        Browser.screenshot(browser, "public-bulletin-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
