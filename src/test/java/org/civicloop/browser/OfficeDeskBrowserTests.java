package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The congress office's day on a desktop: the queue, an opinion with its similar ones, the ledger. */
@IntegrationTest
class OfficeDeskBrowserTests {

    @RegisterExtension
    static final BrowserExtension desk = BrowserExtension.sized(1366, 900);

    @LocalServerPort
    int port;
    @Autowired
    OpinionService service;

    @Test
    void theOfficeSeesTheQueueSimilarOpinionsAndTheLedger() {
        String place = "520111101001";
        var first = service.submit(SubmitOpinion.hotline("DESK-" + System.nanoTime()).category("ENVIRONMENT")
                .content("青岩古镇南门外的河道里有人倾倒建筑垃圾，河水发臭").place(place, null).build(), List.of());
        var second = service.submit(SubmitOpinion.of(Channel.ONLINE).category("ENVIRONMENT")
                .content("南门外河道被倾倒建筑垃圾，河水很臭，希望清理").place(place, null).build(), List.of());

        desk.signIn("office");
        Browser.screenshot(desk, "office-workbench");

        desk.get(url("/opinions?status=SUBMITTED"));
        assertThat(desk.findElements(By.linkText(second.receiptCode()))).hasSize(1);
        Browser.screenshot(desk, "office-queue");

        desk.get(url("/opinions/" + second.id()));
        assertThat(desk.findElement(By.id("similar")).getText()).contains(first.receiptCode());
        assertThat(desk.findElement(By.id("triage-actions")).isDisplayed()).isTrue();
        assertThat(desk.findElements(By.id("unit-actions"))).isEmpty();
        Browser.screenshot(desk, "office-opinion");

        desk.get(url("/opinions/ledger"));
        assertThat(desk.findElement(By.id("ledger-total")).getText()).startsWith("符合条件的意见共");
        assertThat(desk.findElement(By.id("by-channel")).getText()).contains("12345 热线");
        ((JavascriptExecutor) desk).executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(desk, "office-ledger");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
