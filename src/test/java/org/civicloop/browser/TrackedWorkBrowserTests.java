package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.civicloop.organization.CivicUser;
import org.civicloop.performance.work.domain.NewWorkItem;
import org.civicloop.performance.work.domain.ProjectStage;
import org.civicloop.performance.work.domain.WorkKind;
import org.civicloop.performance.work.domain.WorkQueries;
import org.civicloop.performance.work.domain.WorkService;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 招商项目 in a real browser: the evaluation office reads 开竣工率 on the dashboard, moves a signed
 * project through 注册 and 手续 to 开工 on its page, and sees the rate change on the dashboard.
 */
@IntegrationTest
class TrackedWorkBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1366, 900);

    @Autowired
    DemoFixture demo;
    @Autowired
    WorkService service;
    @Autowired
    WorkQueries queries;

    @Test
    void theEvaluationOfficeMovesASignedProjectToStartedAndSeesTheStartCompletionRateChange() {
        CivicUser evaluation = demo.user("evaluation");
        CivicUser invest = demo.user("invest");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String title = "花溪大学城智能网联测试场项目" + System.nanoTime() % 100000;
        long id = service.create(new NewWorkItem(WorkKind.INVESTMENT, year, title, null, demo.unit("花溪区投资促进局"),
                demo.user("leader").accountId(), "贵州智行未来科技有限公司", "MANUFACTURING"), evaluation);
        for (ProjectStage s : new ProjectStage[] {ProjectStage.NEGOTIATING, ProjectStage.SIGNED}) {
            service.moveProject(id, s, new BigDecimal("26000"), null, invest, Instant.now());
        }

        browser.signIn("evaluation");
        browser.findElement(By.linkText("督办事项")).click();
        browser.findElement(By.cssSelector("#sub-menu")).findElement(By.linkText("督办看板")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("rate-start-completion")));
        String before = browser.findElement(By.id("rate-start-completion")).getText();
        WorkQueries.Rates r = queries.rates(null);
        assertThat(before).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%（%d/%d）", r.startCompletionRate(), r.startedOrCompleted(), r.signed()));

        browser.findElement(By.cssSelector("#sub-menu")).findElement(By.linkText("招商项目")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("work-table")));
        browser.findElement(By.linkText(title)).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("move-form")));
        assertThat(browser.findElement(By.id("project-stage")).getText()).isEqualTo("签约");
        for (String stage : new String[] {"注册", "手续", "开工"}) {
            new Select(browser.findElement(By.id("to"))).selectByVisibleText(stage);
            WebElement button = browser.findElement(By.id("move-button"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
            button.click();
            // the page before showed #action-done too (the previous move's): wait for this page to go first
            browser.waitUntil(ExpectedConditions.stalenessOf(button));
            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("action-done")));
            assertThat(browser.findElement(By.id("project-stage")).getText()).isEqualTo(stage);
        }
        assertThat(browser.findElement(By.id("moves")).getText()).contains("手续 → 开工").contains("签约 → 注册");
        Browser.screenshot(browser, "tracked-work-project");

        browser.findElement(By.cssSelector("#sub-menu")).findElement(By.linkText("督办看板")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("rate-start-completion")));
        String after = browser.findElement(By.id("rate-start-completion")).getText();
        assertThat(after).isNotEqualTo(before)
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%（%d/%d）", queries.rates(null).startCompletionRate(), r.startedOrCompleted() + 1, r.signed()));
        Browser.screenshot(browser, "tracked-work-dashboard-zh");
        browser.get(browser.url("/performance/work/dashboard?lang=en"));
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("rate-start-completion")));
        assertThat(browser.findElement(By.id("rate-start-completion")).getText()).contains("(" + (r.startedOrCompleted() + 1) + "/");
        Browser.screenshot(browser, "tracked-work-dashboard-en");
        browser.get(browser.url("/performance/work/dashboard?lang=zh-CN"));
        browser.signOut();
    }
}
