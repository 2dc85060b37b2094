package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.poll.Electorate;
import org.civicloop.suggestions.poll.PollService;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A deputy votes in an open satisfaction poll on a phone, from the menu, and then sees the ballot is cast. */
@IntegrationTest
class SatisfactionPollBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    DemoFixture demo;
    @Autowired
    PollService polls;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeputyVotesOnAPhoneAndThenSeesTheyHaveVoted() {
        CivicUser office = demo.user("office");
        long housing = unitId("花溪区住房和城乡建设局");
        long education = unitId("花溪区教育局");
        long id = polls.create(new PollService.NewPoll("手机测评：2026年度承办单位", List.of(housing, education),
                Electorate.CHOSEN, List.of("deputy", "station", "leader", "evaluation", "window")), office);
        polls.open(id, office);

        browser.signIn("deputy");
        browser.findElement(By.cssSelector(".navbar-toggler")).click();
        wait(ExpectedConditions.elementToBeClickable(By.linkText("满意度测评")));
        assertThat(menu()).containsSubsequence("工作台", "我的建议", "满意度测评");
        browser.findElement(By.linkText("满意度测评")).click();
        wait(ExpectedConditions.urlContains("/polls"));
        browser.click(browser.findElement(By.partialLinkText("手机测评：2026年度承办单位")));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("ballot")));

        // submitting with one unit unrated names it at the top and writes nothing
        browser.click(browser.findElement(By.cssSelector("label[for='unit-" + housing + "-SATISFIED']")));
        browser.click(browser.findElement(By.id("cast-ballot")));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(Browser.await(browser, By.id("error-summary")).getText()).contains("请为“花溪区教育局”选择一项评价");
        assertThat(browser.findElement(By.id("unit-" + housing + "-SATISFIED")).isSelected()).isTrue();

        browser.click(browser.findElement(By.cssSelector("label[for='unit-" + education + "-BASICALLY_SATISFIED']")));
        Browser.screenshot(browser, "deputy-poll-ballot-phone");
        // the buttons are big enough to tap and the page does not scroll sideways
        WebElement button = browser.findElement(By.cssSelector("label[for='unit-" + education + "-DISSATISFIED']"));
        assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);
        browser.click(browser.findElement(By.id("cast-ballot")));

        wait(ExpectedConditions.presenceOfElementLocated(By.id("already-voted")));
        assertThat(browser.findElement(By.id("action-done")).getText()).isEqualTo("投票成功，感谢您参加测评！");
        assertThat(browser.findElement(By.id("already-voted")).getText()).contains("您已参加本次测评");
        assertThat(browser.findElements(By.id("cast-ballot"))).isEmpty();
        Browser.screenshot(browser, "deputy-poll-voted-phone");

        // coming back later: the list says voted, the poll says so too
        browser.get(url("/polls"));
        WebElement item = browser.findElement(By.partialLinkText("手机测评：2026年度承办单位"));
        assertThat(item.getText()).contains("已投票");
        browser.click(item);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("already-voted")));
        assertThat(jdbc.sql("select sum(votes) from suggestion_poll_tally where poll_id = :p").param("p", id).query(Long.class).single())
                .isEqualTo(2);

        // four more voters, so that the poll has the ballots it needs before its counts may be shown
        for (String voter : List.of("station", "leader", "evaluation", "window")) {
            polls.vote(id, java.util.Map.of(housing, "SATISFIED", education, "SATISFIED"),
                    demo.user(voter));
        }
        // closed and published, the results read on a phone without signing in
        polls.close(id, office);
        polls.publish(id, office);
        browser.signOut();
        browser.get(url("/public/polls/" + id));
        assertThat(browser.findElement(By.id("poll-title")).getText()).isEqualTo("手机测评：2026年度承办单位");
        assertThat(browser.findElement(By.cssSelector("#poll-results tr[data-unit='" + education + "'] td[data-col='rate']")).getText())
                .isEqualTo("100%");
        assertThat(browser.findElement(By.id("poll-turnout")).getText()).contains("100%", "已投 5 人 / 应投 5 人");
        assertThat(browser.getPageSource()).doesNotContain("王建国");
        Browser.screenshot(browser, "public-poll-results-phone");
    }

    private long unitId(String name) {
        return demo.unit(name);
    }


    private List<String> menu() {
        return browser.findElements(By.cssSelector("#main-menu .nav-link > span:first-child")).stream().map(WebElement::getText).toList();
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
