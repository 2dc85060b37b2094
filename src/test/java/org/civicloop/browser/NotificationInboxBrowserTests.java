package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.civicloop.notifications.Notifications;
import org.civicloop.shared.Actor;
import org.civicloop.testing.Browser;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A staff member sees the unread count in the menu, opens the inbox and marks a message read in place (htmx). */
@IntegrationTest
class NotificationInboxBrowserTests {

    private static final String PASSWORD = "Huaxi@2026";
    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    Notifications notifications;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStaffMemberReadsTheirMessagesAndMarksOneRead() {
        long approver = ((Actor) users.loadUserByUsername("approver")).accountId();
        jdbc.sql("delete from staff_message where account_id = :a").param("a", approver).update();
        notifications.notifyStaff(approver, "workbench.greeting", List.of("请审批：花溪区某餐饮店食品经营许可"), "/workbench");
        notifications.notifyStaff(approver, "workbench.greeting", List.of("吴敏"), null);
        try {
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys("approver");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("sign-in")).click();
            wait(ExpectedConditions.urlContains("/workbench"));
            assertThat(browser.findElement(By.id("unread-badge")).getText()).startsWith("2");

            browser.findElement(By.cssSelector("#main-menu a[href='/messages']")).click();
            wait(ExpectedConditions.urlContains("/messages"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的消息");
            assertThat(browser.findElement(By.id("unread-total")).getText()).isEqualTo("2 条未读");
            var items = browser.findElements(By.cssSelector("#message-list li"));
            assertThat(items).hasSize(2);
            assertThat(items.get(0).getText()).contains("吴敏，您好");
            Browser.screenshot(browser, "messages-inbox");

            String firstId = items.get(0).getAttribute("id");
            items.get(0).findElement(By.tagName("button")).click();
            // htmx swaps the entry in place: no page load, and its button is gone
            wait(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#" + firstId + " button")));
            assertThat(browser.getCurrentUrl()).endsWith("/messages");
            assertThat(notifications.unreadStaffMessages(approver)).isEqualTo(1);

            browser.findElement(By.linkText("请审批：花溪区某餐饮店食品经营许可，您好")).click();
            wait(ExpectedConditions.urlContains("/workbench"));
            assertThat(browser.findElements(By.id("unread-badge"))).isEmpty();
        } finally {
            jdbc.sql("delete from staff_message where account_id = :a").param("a", approver).update();
        }
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
