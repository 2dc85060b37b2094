package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 现场记录 on a phone whose signal drops (issue 10): Chromium is put offline through DevTools'
 * network conditions, an opinion is recorded and counted as waiting, the page opens again without
 * a connection (service worker), and once the connection returns the opinion is stored exactly
 * once; the same entry sent again (replayed with its key, concurrently) still leaves one.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineCaptureBrowserTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(390, 844);

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backOnline() {
        online();
    }

    @Test
    @Order(1)
    void aMarketDayOpinionRecordedOfflineIsCountedAsWaitingAndStoredOnceWhenTheConnectionReturns() {
        signedInAsStation();
        browser.get(browser.url("/opinions/capture"));
        // the service worker has cached the page and what it loads: it opens without a connection
        wait(30).until(d -> "true".equals(root().getAttribute("data-offline-ready")));

        offline();
        String content = "赶集时群众反映集市旁的排水沟堵了，下雨就漫到路上 " + System.nanoTime();
        fillReception("MARKET_DAY", "青岩镇赶集点");
        fillEntry(content);
        browser.findElement(By.id("save-entry")).click();

        wait(10).until(d -> "1".equals(root().getAttribute("data-waiting")));
        assertThat(browser.findElement(By.id("waiting-count")).getText()).isEqualTo("1");
        WebElement entry = browser.findElement(By.cssSelector("#entries .capture-entry"));
        assertThat(entry.getAttribute("data-state")).isEqualTo("waiting");
        String key = entry.getAttribute("data-key");
        assertThat(key).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(count(content)).as("nothing reaches the server while offline").isZero();
        showEntries();
        Browser.screenshot(browser, "phone-capture-waiting");

        // the page opens again with no connection, and the entry is still waiting on the phone
        browser.navigate().refresh();
        wait(15).until(d -> "1".equals(root().getAttribute("data-waiting")));
        assertThat(browser.findElement(By.id("capture-form")).isDisplayed()).isTrue();
        assertThat(count(content)).isZero();

        online();
        wait(30).until(d -> "0".equals(root().getAttribute("data-waiting")));
        WebElement stored = browser.findElement(By.cssSelector("#entries .capture-entry[data-key='" + key + "']"));
        assertThat(stored.getAttribute("data-state")).isEqualTo("stored");
        String code = stored.findElement(By.className("capture-code")).getText();

        assertThat(count(content)).as("stored exactly once").isEqualTo(1);
        Map<String, Object> row = jdbc.sql("""
                        select o.receipt_code, o.channel, o.recorded_by_account is not null as recorded,
                               r.submission_key::text as submission_key, r.place
                          from opinion o join opinion_reception r on r.opinion_id = o.id where o.content = :c""")
                .param("c", content).query().singleRow();
        assertThat(row).containsEntry("receipt_code", code).containsEntry("channel", "MARKET_DAY")
                .containsEntry("recorded", true).containsEntry("submission_key", key).containsEntry("place", "青岩镇赶集点");
        showEntries();
        Browser.screenshot(browser, "phone-capture-stored");
    }

    @Test
    @Order(2)
    void theSameEntrySentAgainAndAgainStillLeavesOneOpinion() {
        signedInAsStation();
        browser.get(browser.url("/locale?lang=en&back=/opinions/capture"));
        wait(30).until(d -> "true".equals(root().getAttribute("data-offline-ready")));
        offline();
        String content = "Market day: the bus stop by the market has no shelter " + System.nanoTime();
        fillReception("MARKET_DAY", "Qingyan market");
        fillEntry(content);
        browser.findElement(By.id("save-entry")).click();
        wait(10).until(d -> "1".equals(root().getAttribute("data-waiting")));
        showEntries();
        Browser.screenshot(browser, "phone-capture-waiting-en");
        String key = browser.findElement(By.cssSelector("#entries .capture-entry")).getAttribute("data-key");

        online();
        wait(30).until(d -> "0".equals(root().getAttribute("data-waiting")));
        String code = browser.findElement(By.cssSelector("#entries .capture-entry[data-key='" + key + "'] .capture-code")).getText();

        // the phone never heard the answer and sends the same entry again, three times at once, then once more
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = {key: arguments[0], channel: 'MARKET_DAY', addressee: arguments[1],
                  receivedAt: arguments[2], receptionPlace: 'Qingyan market', category: 'TRAFFIC', content: arguments[3],
                  placeCode: arguments[4], consent: false};
                fetch('/opinions/capture/session', {headers: {Accept: 'application/json'}}).then(r => r.json()).then(s => {
                  const send = () => fetch('/opinions/capture/entries', {method: 'POST',
                      headers: {'Content-Type': 'application/json', Accept: 'application/json', [s.csrfHeader]: s.csrfToken},
                      body: JSON.stringify(body)})
                    .then(r => r.json().then(j => ({status: r.status, receiptCode: j.receiptCode, repeated: j.repeated})));
                  return Promise.all([send(), send(), send()]).then(first => send().then(last => first.concat([last])));
                }).then(done, e => done([{error: String(e)}]));
                """, key, addressee(), when(), content, place());
        assertThat(answers).hasSize(4).allSatisfy(a -> {
            assertThat(a.get("status")).isEqualTo(200L);
            assertThat(a.get("receiptCode")).isEqualTo(code);
            assertThat(a.get("repeated")).isEqualTo(true);
        });
        assertThat(count(content)).as("one opinion however often the entry is sent").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from opinion_reception where submission_key = cast(:k as uuid)")
                .param("k", key).query(Long.class).single()).isEqualTo(1);
        browser.get(browser.url("/locale?lang=zh-CN&back=/workbench"));
    }

    private static void signedInAsStation() {
        browser.get(browser.url("/workbench"));
        if (browser.getCurrentUrl().contains("/login")) {
            browser.signIn("station");
        }
    }

    @Test
    @Order(3)
    void anEntryTheServerRefusesIsShownForCorrectionAndStoredOnceCorrected() {
        signedInAsStation();
        browser.get(browser.url("/opinions/capture"));
        String content = "接待时群众反映：卫生院周末不开门 " + System.nanoTime();
        fillReception("RECEPTION", "青岩镇联络站");
        // a slip the page cannot see: the time is years ahead (the server refuses times in the future)
        browser.executeScript("document.getElementById('receivedAt').value = '2099-12-01T10:00'");
        fillEntry(content);
        browser.findElement(By.id("save-entry")).click();

        WebElement refused = wait(15).until(d -> d.findElements(By.cssSelector("#entries .capture-entry[data-state='invalid']"))
                .stream().filter(e -> e.getText().contains(content.substring(0, 10))).findFirst().orElse(null));
        assertThat(refused.getText()).contains("接待时间不能晚于现在");
        assertThat(count(content)).isZero();
        Browser.screenshot(browser, "phone-capture-refused");

        browser.executeScript("arguments[0].click()", refused.findElement(By.className("correct-entry")));
        assertThat(browser.findElement(By.id("content")).getAttribute("value")).isEqualTo(content);
        assertThat(browser.findElement(By.id("correcting")).isDisplayed()).isTrue();
        browser.executeScript("document.getElementById('receivedAt').value = arguments[0]", when());
        browser.executeScript("arguments[0].click()", browser.findElement(By.id("save-entry")));

        wait(15).until(d -> d.findElements(By.cssSelector("#entries .capture-entry[data-state='stored']")).stream()
                .anyMatch(e -> e.getText().contains(content.substring(0, 10))));
        assertThat(browser.findElements(By.cssSelector("#entries .capture-entry[data-state='invalid']"))).isEmpty();
        assertThat(count(content)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void anEntrySavedAfterTheSessionEndedWaitsUntilTheStaffSignInAgain() {
        signedInAsStation();
        browser.get(browser.url("/opinions/capture"));
        browser.manage().deleteAllCookies(); // the session expired while the phone was in a pocket
        String content = "会话过期后记录：菜市场门口积水 " + System.nanoTime();
        fillReception("MARKET_DAY", "青岩镇赶集点");
        fillEntry(content);
        browser.findElement(By.id("save-entry")).click();

        wait(15).until(d -> d.findElement(By.id("signed-out")).isDisplayed());
        assertThat(root().getAttribute("data-waiting")).isEqualTo("1");
        assertThat(count(content)).isZero();

        browser.signIn("station");
        browser.get(browser.url("/opinions/capture"));
        wait(30).until(d -> "0".equals(root().getAttribute("data-waiting")));
        assertThat(browser.findElement(By.id("signed-out")).isDisplayed()).isFalse();
        assertThat(count(content)).isEqualTo(1);
    }

    /** The list of what is on the phone, under the count that stays in view. */
    private static void showEntries() {
        browser.executeScript("document.getElementById('entries').scrollIntoView({block: 'end', behavior: 'instant'})");
    }

    private void fillReception(String channel, String place) {
        new Select(browser.findElement(By.id("channel"))).selectByValue(channel);
        List<WebElement> addressee = browser.findElements(By.id("addressee"));
        if (!addressee.isEmpty()) {
            new Select(addressee.get(0)).selectByIndex(1);
        }
        browser.executeScript("document.getElementById('receivedAt').value = arguments[0]", when());
        WebElement where = browser.findElement(By.id("receptionPlace"));
        where.clear();
        where.sendKeys(place);
    }

    private void fillEntry(String content) {
        browser.findElement(By.id("content")).sendKeys(content);
        new Select(browser.findElement(By.id("category"))).selectByValue("TRAFFIC");
        new Select(browser.findElement(By.id("placeCode"))).selectByIndex(2);
        WebElement save = browser.findElement(By.id("save-entry"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
    }

    private String addressee() {
        List<WebElement> select = browser.findElements(By.id("addressee"));
        return select.isEmpty() ? "" : new Select(select.get(0)).getOptions().get(1).getAttribute("value");
    }

    private String place() {
        return new Select(browser.findElement(By.id("placeCode"))).getOptions().get(2).getAttribute("value");
    }

    private static String when() {
        return LocalDateTime.now(ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    private WebElement root() {
        return browser.findElement(By.id("capture"));
    }

    private long count(String content) {
        return jdbc.sql("select count(*) from opinion where content = :c").param("c", content).query(Long.class).single();
    }

    /** Waits, looking again when the list was redrawn under the look (the page redraws it on every change). */
    private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> wait(int seconds) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** DevTools' network conditions: the page sees no connection (navigator.onLine false, requests fail). */
    private static void offline() {
        ChromiumNetworkConditions none = new ChromiumNetworkConditions();
        none.setOffline(true);
        none.setLatency(Duration.ZERO);
        ((ChromeDriver) browser.driver()).setNetworkConditions(none);
    }

    private static void online() {
        ChromiumNetworkConditions normal = new ChromiumNetworkConditions();
        normal.setOffline(false);
        normal.setLatency(Duration.ZERO);
        ((ChromeDriver) browser.driver()).setNetworkConditions(normal);
    }
}
