package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 领衔督办 in a real browser: the office names the district leader as lead supervisor of a key
 * suggestion; the leader signs in, finds it under "我督办的事项" and, on a phone, records a site visit.
 */
@IntegrationTest
class SupervisionBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1366, 900);

    @LocalServerPort
    int port;
    @Autowired
    DemoFixture demo;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    JdbcClient jdbc;

    CivicUser u(String name) {
        return demo.user(name);
    }

    long keySuggestion(String title) {
        long id = suggestions.draft(new SuggestionDraft(title, "建议对沿河路段实施分期改造。", "URBAN", SubmissionPeriod.SESSION,
                List.of(), List.of()), u("deputy"));
        suggestions.submit(id, u("deputy"));
        suggestions.register(id, "URBAN", true, false, u("office"));
        long housing = demo.unit("花溪区住房和城乡建设局");
        suggestions.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(housing, AssignmentRole.LEAD)), u("office"));
        return id;
    }

    @Test
    void theOfficeNamesTheLeaderWhoFindsTheItemAndRecordsASiteVisitOnAPhone() {
        String title = "改造花溪河沿线老旧步道" + System.nanoTime() % 10000;
        long id = keySuggestion(title);

        browser.signIn("office");
        browser.findElement(By.linkText("代表建议")).click();
        browser.findElement(By.cssSelector("#sub-menu")).findElement(By.linkText("督办")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("key-table")));
        browser.findElement(By.linkText(title)).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("name-leader")));
        new Select(browser.findElement(By.id("leaderAccountId"))).selectByVisibleText("周明（区领导）");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('lead-milestone').value = '2027-01-15'");
        browser.findElement(By.id("name-leader-button")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("action-done")));
        assertThat(browser.findElement(By.id("lead-name")).getText()).isEqualTo("领衔督办领导：周明（区领导）");
        Browser.screenshot(browser, "office-lead-supervisor");
        browser.signOut();

        browser.signIn("leader");
        browser.findElement(By.linkText("我督办的事项")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("mine-summary")));
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        WebElement item = browser.findElements(By.cssSelector("#mine-items a")).stream()
                .filter(a -> a.getText().contains(title)).findFirst().orElseThrow();
        assertThat(item.getText()).contains("领衔督办").contains("下一节点：2027年1月15日");
        Browser.screenshot(browser, "leader-mine-phone");
        item.click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("record-activity")));
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("实地察看");
        browser.findElement(By.id("place")).sendKeys("花溪河沿线步道（十里河滩段）");
        browser.findElement(By.id("participants")).sendKeys("周明、区住建局、沿线居民代表");
        browser.findElement(By.id("summary")).sendKeys("察看步道破损路段，要求住建局年底前完成首期改造。");
        WebElement record = browser.findElement(By.id("record-activity-button"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", record);
        record.click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("action-done")));
        assertThat(browser.findElement(By.id("activities")).getText())
                .contains("实地察看").contains("花溪河沿线步道（十里河滩段）").contains("记录人：周明（区领导）");
        Browser.screenshot(browser, "leader-site-visit-phone");

        browser.get(url("/suggestions/" + id));
        assertThat(browser.findElement(By.id("supervision")).getText()).contains("周明（区领导）").contains("实地察看");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.signOut();
    }


    private void wait(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
