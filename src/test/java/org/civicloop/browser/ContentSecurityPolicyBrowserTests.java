package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.kpi.KpiFixtures;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The chart pages draw their ECharts under the Content-Security-Policy (no inline script, no inline
 * style) without a single violation, the tooltips included. Chromium reports each refused script or
 * style as a {@code securitypolicyviolation} event; a listener installed before any page script runs
 * (through the DevTools protocol, which the page's policy does not apply to) records them.
 */
@IntegrationTest
class ContentSecurityPolicyBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1366, 900);

    @Autowired
    SuggestionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theChartPagesDrawTheirChartsWithoutAnyPolicyViolation() {
        // the dashboard draws charts only for units with suggestions this year
        KpiFixtures fx = new KpiFixtures(service, jdbc, users);
        KpiFixtures.TestUnit unit = fx.unit("内容安全策略测试局");
        fx.ledBy("内容安全策略测试建议", unit, KpiFixtures.daysAgo(10));
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = [];"
                        + "document.addEventListener('securitypolicyviolation', function (e) {"
                        + " window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });"));

        browser.signIn("office");
        assertCharts("/suggestions/dashboard", "kpi-charts", "kpi-rate-chart", "csp-kpi-dashboard");
        browser.signOut();

        browser.signIn("leader");
        assertCharts("/performance/ranking", "performance-charts", "chart-composite", "csp-performance-ranking");
        assertCharts("/services/efficiency", "efficiency-charts", "efficiency-time-chart", "csp-services-efficiency");
        browser.signOut();
    }

    private void assertCharts(String path, String area, String chart, String screenshot) {
        browser.get(browser.url(path));
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(area)));
        WebElement canvas = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
        assertThat(canvas.getSize().getHeight()).as(chart + " drawn at its CSS height").isGreaterThan(300);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", canvas);
        // a tooltip: ECharts' HTML tooltips would carry style attributes; these are drawn on the canvas
        new Actions(browser.driver()).moveToElement(canvas).moveByOffset(10, 10).perform();
        Browser.screenshot(browser, screenshot);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) browser.executeScript("return window.cspViolations");
        assertThat(violations).as("Content-Security-Policy violations on " + path).isEmpty();
        assertThat(browser.executeScript("return document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length"))
                .as("inline scripts on " + path).isEqualTo(0L);
    }
}
