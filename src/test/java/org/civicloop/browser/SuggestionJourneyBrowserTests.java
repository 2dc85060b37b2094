package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.suggestions.SuggestionPeople;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One deputy suggestion from draft to closure in a real browser, every step by the person whose
 * step it is: the deputy drafts with a co-signer, the co-signer confirms, the deputy submits, the
 * office registers it as key, assigns a lead unit and a co-unit and names a leader, the lead unit signs, talks with
 * the deputy face to face and replies with class B, the co-unit signs and sends its view, the office
 * audits and sends it for evaluation, the leader the office named to lead its supervision records a
 * hearing, the deputy evaluates it satisfied, and
 * the public reads the published reply.
 */
@IntegrationTest
class SuggestionJourneyBrowserTests {

    private static final String HOUSING = "花溪区住房和城乡建设局";
    private static final String EDUCATION = "花溪区教育局";
    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1280, 1000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    AccountService accounts;

    @Test
    void aSuggestionGoesFromDraftToAPublishedReply() {
        // the demo has one deputy with a login; the co-signer gets one of their own
        new SuggestionPeople(jdbc, users, accounts).coSignerDeputyId();
        String title = "在花溪大学城增设夜间公交线路" + System.nanoTime() % 10_000;
        String reply = "已新开夜间公交专线一条，运营至23时，年内再增加两个站点。";

        // 1. the deputy drafts it with a co-signer
        browser.signIn("deputy");
        browser.get(url("/suggestions/mine"));
        browser.findElement(By.linkText("写建议")).click();
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("content")).sendKeys("大学城晚上九点后没有公交，师生出行困难，建议增设夜间线路。");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("城建环资");
        click(By.id("period-RECESS"));
        new Select(browser.findElement(By.id("coSigners"))).selectByVisibleText(SuggestionPeople.CO_SIGNER_NAME + " · 青岩镇选区");
        click(By.cssSelector("#suggestion-form button[type=submit]"));
        assertThat(status()).isEqualTo("草稿");
        assertThat(text("co-signers")).contains(SuggestionPeople.CO_SIGNER_NAME).contains("待确认");
        String detail = browser.getCurrentUrl();
        browser.signOut();

        // 2. the co-signing deputy finds it in their list and confirms
        browser.signIn(SuggestionPeople.CO_SIGNER);
        browser.get(url("/suggestions/mine"));
        browser.findElement(By.partialLinkText(title)).click();
        click(By.cssSelector("form[action$='/confirm'] button"));
        assertThat(done()).isEqualTo("已确认联名。");
        assertThat(text("co-signers")).contains("已确认");
        browser.signOut();

        // 3. the deputy submits it
        browser.signIn("deputy");
        browser.get(detail);
        click(By.cssSelector("form[action$='/submit'] button"));
        assertThat(status()).isEqualTo("已提交");
        browser.signOut();

        // 4. the office registers it as a key suggestion and assigns a lead unit and a co-unit
        browser.signIn("office");
        browser.get(url("/suggestions?status=SUBMITTED"));
        browser.findElement(By.partialLinkText(title)).click();
        new Select(browser.findElement(By.id("register-category"))).selectByVisibleText("城建环资");
        click(By.id("key"));
        click(By.cssSelector("form[action$='/register'] button"));
        assertThat(status()).isEqualTo("已立案");
        assertThat(browser.findElement(By.cssSelector("h1 + .badge + .badge")).getText()).isEqualTo("重点建议");
        click(By.id("mode-LEAD_AND_CO"));
        new Select(browser.findElement(By.id("leadUnit"))).selectByVisibleText(HOUSING);
        new Select(browser.findElement(By.id("otherUnits"))).selectByVisibleText(EDUCATION);
        click(By.cssSelector("form[action$='/assign'] button"));
        assertThat(status()).isEqualTo("已交办");
        assertThat(text("assignment-1")).contains(HOUSING).contains("主办").contains("待签收");
        assertThat(text("assignment-2")).contains(EDUCATION).contains("协办").contains("待签收");
        // ... and, as it is a key suggestion, names a district leader to lead its supervision (领衔督办)
        String id = detail.substring(detail.lastIndexOf('/') + 1);
        browser.get(url("/supervision/suggestions/" + id));
        new Select(browser.findElement(By.id("leaderAccountId"))).selectByVisibleText("周明（区领导）");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('lead-milestone').value = '2027-01-15'");
        click(By.id("name-leader-button"));
        assertThat(text("lead-name")).isEqualTo("领衔督办领导：周明（区领导）");
        browser.signOut();

        // 5. the lead unit signs, records a face-to-face talk with the deputy, and replies with class B
        browser.signIn("unit");
        browser.get(url("/suggestions/inbox"));
        browser.findElement(By.partialLinkText(title)).click();
        click(By.cssSelector("form[action$='/assignments/1/sign'] button"));
        assertThat(text("assignment-1")).contains("办理中");
        open(By.cssSelector("form[action$='/assignments/1/contact']"));
        new Select(browser.findElement(By.id("stage-1"))).selectByValue("BEFORE");
        click(By.id("face-1"));
        browser.findElement(By.id("summary-1")).sendKeys("到代表工作室当面听取王建国代表意见，商定线路走向。");
        click(By.cssSelector("form[action$='/assignments/1/contact'] button"));
        assertThat(done()).isEqualTo("已记录沟通。");
        assertThat(text("contacts")).contains("办前沟通").contains("当面沟通");
        browser.findElement(By.id("reply-1")).sendKeys(reply);
        new Select(browser.findElement(By.id("class-1"))).selectByValue("B");
        click(By.cssSelector("form[action$='/assignments/1/reply'] button"));
        assertThat(done()).isEqualTo("已答复。");
        assertThat(text("assignment-1")).contains("已答复").contains("待审核").contains(reply);
        assertThat(status()).as("the co-unit's view and the audit are still missing").isEqualTo("已交办");
        browser.signOut();

        // 6. the co-unit signs and sends its written view to the lead unit
        browser.signIn("unit2");
        browser.get(url("/suggestions/inbox"));
        browser.findElement(By.partialLinkText(title)).click();
        click(By.cssSelector("form[action$='/assignments/2/sign'] button"));
        browser.findElement(By.id("view-2")).sendKeys("教育局意见：同意在大学城各校门口设置夜间站点。");
        click(By.cssSelector("form[action$='/assignments/2/view'] button"));
        assertThat(done()).isEqualTo("协办意见已送主办单位。");
        assertThat(text("assignment-2")).contains("已送协办意见");
        browser.signOut();

        // 7. the office audits the reply (keeping class B) and sends it to the deputy for evaluation
        browser.signIn("office");
        browser.get(detail);
        new Select(browser.findElement(By.id("audit-1"))).selectByValue("B");
        click(By.cssSelector("form[action$='/assignments/1/audit'] button"));
        assertThat(status()).isEqualTo("已答复");
        click(By.cssSelector("form[action$='/send-for-evaluation'] button"));
        assertThat(status()).isEqualTo("待代表评价");
        browser.signOut();

        // 8. the leader finds it among the items they supervise, records a hearing of the lead unit's
        //    report, and reads the reply on the suggestion's page, where the hearing shows too
        browser.signIn("leader");
        browser.findElement(By.linkText("我督办的事项")).click();
        browser.findElements(By.cssSelector("#mine-items a")).stream()
                .filter(a -> a.getText().contains(title)).findFirst().orElseThrow().click();
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("听取汇报");
        browser.findElement(By.id("place")).sendKeys("区住建局三楼会议室");
        browser.findElement(By.id("participants")).sendKeys("周明、区住建局、王建国代表");
        browser.findElement(By.id("summary")).sendKeys("听取住建局办理情况汇报，要求年内增设两个站点。");
        click(By.id("record-activity-button"));
        assertThat(done()).isNotBlank();
        assertThat(text("activities")).contains("听取汇报").contains("区住建局三楼会议室").contains("记录人：周明（区领导）");
        browser.get(detail);
        assertThat(status()).isEqualTo("待代表评价");
        assertThat(text("assignment-1")).contains(reply);
        assertThat(text("supervision")).contains("周明").contains("听取汇报");
        assertThat(text("actions")).contains("当前没有需要您办理的事项。");
        browser.signOut();

        // 9. the deputy evaluates it satisfied: closed
        browser.signIn("deputy");
        browser.get(detail);
        click(By.id("ev-SATISFIED"));
        click(By.cssSelector("form[action$='/evaluate'] button"));
        assertThat(status()).isEqualTo("已办结");
        assertThat(text("evaluation")).contains("满意");
        Browser.screenshot(browser, "suggestion-closed");
        browser.signOut();

        // 10. anyone reads the published reply, without signing in
        browser.get(url("/"));
        browser.findElement(By.linkText("代表建议答复公开")).click();
        browser.findElement(By.partialLinkText(title)).click();
        assertThat(text("suggestion-title")).isEqualTo(title);
        assertThat(text("lead-deputy")).isEqualTo("王建国");
        WebElement published = browser.findElement(By.cssSelector(".published-reply"));
        assertThat(published.getText()).contains(HOUSING).contains("B类").contains(reply);
        assertThat(browser.getPageSource()).doesNotContain("教育局意见");
        Browser.screenshot(browser, "suggestion-published");
    }

    private String status() {
        return text("suggestion-status");
    }

    private String done() {
        return text("action-done");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Opens the {@code <details>} around a form. */
    private void open(By form) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].closest('details').open = true", browser.findElement(form));
    }

    private void click(By by) {
        browser.click(browser.findElement(by));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
