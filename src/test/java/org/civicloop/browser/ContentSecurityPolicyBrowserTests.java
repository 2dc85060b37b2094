package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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

    @Test
    void theChartPagesDrawTheirChartsWithoutAnyPolicyViolation() {
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
