package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.civicloop.notifications.Notifications;
import org.civicloop.shared.Actor;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A staff member sees the unread count in the menu, opens the inbox and marks a message read in place (htmx). */
@IntegrationTest
class NotificationInboxBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1280, 900);

    @LocalServerPort
    int port;
    @Autowired
    DemoFixture demo;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStaffMemberReadsTheirMessagesAndMarksOneRead() {
        long approver = ((Actor) demo.user("approver")).accountId();
        jdbc.sql("delete from staff_message where account_id = :a").param("a", approver).update();
        notifications.notifyStaff(approver, "workbench.greeting", List.of("请审批：花溪区某餐饮店食品经营许可"), "/workbench");
        notifications.notifyStaff(approver, "workbench.greeting", List.of("吴敏"), null);
        try {
            browser.signIn("approver");
            assertThat(browser.findElement(By.id("badge-messages")).getText()).startsWith("2");

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
            assertThat(browser.findElements(By.id("badge-messages"))).isEmpty();
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
