package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicloop.services.cases.CaseFixtures;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, one thing one visit, in a real browser: the enterprise applies for its address migration
 * on a phone (questions, one form, two uploads, waived materials shown as 免提交), the window accepts,
 * market regulation, tax and social insurance approve in parallel in a random order (the seed is in
 * the log; rerun one with -Donevisit.seed=...), the window issues every result at once and the
 * enterprise rates the service.
 */
@IntegrationTest
class OneVisitJourneyBrowserTests {

    private static final Logger log = LoggerFactory.getLogger(OneVisitJourneyBrowserTests.class);

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1280, 900);

    @Autowired
    JdbcClient jdbc;

    @Test
    void fromTheEnterprisesFormThroughThreeDepartmentsToTheResultsAndTheRating() throws Exception {
        long seed = Long.getLong("onevisit.seed", System.nanoTime());
        log.info("One-visit journey: departments approve in the order of seed {}", seed);

        // the enterprise, on a phone
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.signIn("enterprise");
        browser.get(browser.url("/services/apply"));
        browser.click(Browser.await(browser, By.id("service-enterprise-migration")));
        Browser.await(browser, By.id("questions"));
        for (Map.Entry<String, String> a : CaseFixtures.answers().entrySet()) {
            browser.click(browser.findElement(By.id("a-" + a.getKey() + "-" + a.getValue())));
        }
        browser.click(browser.findElement(By.id("answer")));
        Browser.await(browser, By.id("application"));
        assertThat(browser.findElement(By.id("applicable-parts")).getText())
                .contains("国家税务总局贵阳市花溪区税务局", "花溪区人力资源和社会保障局").doesNotContain("贵阳市公安局花溪分局");
        assertThat(browser.findElement(By.id("waived-business-licence")).getText()).contains("免提交", "电子营业执照库");
        assertThat(browser.findElements(By.id("field-seal-types"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[id='field-company-name']"))).hasSize(1);
        for (Map.Entry<String, String> v : CaseFixtures.values().entrySet()) {
            browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("field-" + v.getKey())), v.getValue());
        }
        browser.findElement(By.id("applicantPhone")).sendKeys("13885112345");
        Path dir = Files.createDirectories(Path.of("target", "browser-uploads"));
        Path pdf = Files.write(dir.resolve("resolution.pdf"), CaseFixtures.PDF);
        Path png = Files.write(dir.resolve("lease.png"), CaseFixtures.PNG);
        browser.findElement(By.id("material-resolution")).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("material-address-proof")).sendKeys(png.toAbsolutePath().toString());
        browser.click(browser.findElement(By.id("consent")));
        Browser.screenshot(browser, "onevisit-apply-phone");
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        browser.click(browser.findElement(By.id("submit-application")));
        String reference = Browser.await(browser, By.id("reference")).getText();
        assertThat(reference).matches("YJS-\\d{8}-\\d{4}");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待受理");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/services/cases/(\\d+).*", "$1"));
        Browser.screenshot(browser, "onevisit-submitted-phone");
        browser.signOut();

        // the window accepts: every part starts
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.signIn("window");
        browser.get(browser.url("/services/window"));
        browser.click(Browser.await(browser, By.linkText(reference)));
        browser.click(Browser.await(browser, By.id("accept")));
        assertThat(Browser.await(browser, By.id("action-done")).getText()).contains("已受理");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("审批中");
        browser.signOut();

        // three departments, in parallel, in a random order
        List<String> approvers = new ArrayList<>(List.of("approver", "tax", "hrss"));
        Collections.shuffle(approvers, new Random(seed));
        log.info("One-visit journey: approval order {}", approvers);
        Map<String, List<String>> parts = Map.of("approver", List.of("file-transfer", "change-registration"),
                "tax", List.of("tax-migration"), "hrss", List.of("social-insurance"));
        for (String who : approvers) {
            browser.signIn(who);
            browser.get(browser.url("/services/approvals"));
            WebElement row = Browser.await(browser, By.id("part-" + id + "-" + parts.get(who).get(0)));
            assertThat(row.getText()).contains(reference);
            browser.click(row.findElement(By.linkText(reference)));
            for (String part : parts.get(who)) {
                browser.click(Browser.await(browser, By.id("approve-" + part)));
                assertThat(Browser.await(browser, By.id("action-done")).getText()).isEqualTo("已通过。");
                assertThat(browser.findElement(By.cssSelector("#part-" + part + " .part-status")).getText()).isEqualTo("已通过");
            }
            if (who.equals(approvers.get(0))) {
                Browser.screenshot(browser, "onevisit-approver");
            }
            browser.signOut();
        }

        // the window issues every result at once
        browser.signIn("window");
        browser.get(browser.url("/services/cases/" + id));
        assertThat(Browser.await(browser, By.id("case-status")).getText()).isEqualTo("待出件");
        browser.click(browser.findElement(By.id("issue")));
        assertThat(Browser.await(browser, By.id("action-done")).getText()).contains("已统一出件");
        assertThat(browser.findElement(By.id("results")).getText()).contains("营业执照（新住所）", "税务迁移事项办结通知书",
                "社会保险登记变更确认单", "迁移登记调档通知函");
        browser.signOut();

        // the enterprise sees it done and rates it, once
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.signIn("enterprise");
        browser.get(browser.url("/services/cases"));
        browser.click(Browser.await(browser, By.id("case-" + id)));
        assertThat(Browser.await(browser, By.id("case-status")).getText()).isEqualTo("已办结");
        browser.click(browser.findElement(By.id("level-SATISFIED")));
        browser.click(browser.findElement(By.id("rate")));
        assertThat(Browser.await(browser, By.id("action-done")).getText()).isEqualTo("感谢您的评价。");
        assertThat(browser.findElement(By.id("rated")).getText()).contains("满意");
        assertThat(browser.findElements(By.id("rate-form"))).isEmpty();
        Browser.screenshot(browser, "onevisit-rated-phone");
        assertThat(jdbc.sql("select status || '/' || rating_level from service_case where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("COMPLETED/SATISFIED");
    }
}
