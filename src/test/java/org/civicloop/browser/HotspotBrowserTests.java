package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.Accessibility;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The congress office on a 390-px phone opens the ledger's 热点 tab, reads the month's matter raised by
 * most people, opens it to see its opinions and starts a collective notice filled in from it; nothing
 * sticks out of the phone's width and axe finds nothing serious. The cluster is written as the
 * background job leaves one, so that the page is tested without the language model.
 */
@IntegrationTest
class HotspotBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(390, 844);

    @Autowired
    OpinionService service;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficeReadsTheMonthsHotSpotOnAPhoneAndStartsANoticeFromIt() {
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        List<Opinion> opinions = new ArrayList<>();
        String[] texts = {"翠湖小区东门外的排水沟堵了，一下雨就积水到膝盖", "翠湖小区东门一下雨就淹，排水沟需要清淤",
                "翠湖小区门口积水严重，孩子上学要蹚水", "翠湖小区东门排水不畅，请尽快疏通"};
        for (int i = 0; i < texts.length; i++) {
            opinions.add(service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(texts[i])
                    .place(village, null).voter("市民", "1370000" + String.format("%04d", 1000 + i), null).consent(true).build(),
                    List.of()));
        }
        // the matter raised by most people this month, so that it heads the list
        for (int i = 0; i < 40; i++) {
            opinions.add(service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(texts[i % 4] + "（" + i + "）")
                    .place(village, null).voter("市民", "1360000" + String.format("%04d", 1000 + i), null).consent(true).build(),
                    List.of()));
        }
        long cluster = jdbc.sql("""
                        insert into opinion_cluster (district_code, lead_opinion, size, first_at, last_at)
                        select district_code, id, :n, submitted_at, submitted_at from opinion where id = :lead returning id""")
                .param("n", opinions.size()).param("lead", opinions.get(0).id()).query(Long.class).single();
        opinions.forEach(o -> jdbc.sql("insert into opinion_cluster_member (opinion_id, cluster_id, similarity) values (:o, :c, 0.9)")
                .param("o", o.id()).param("c", cluster).update());
        jdbc.sql("""
                update opinion_cluster c set first_at = s.f, last_at = s.l from (select min(o.submitted_at) f, max(o.submitted_at) l
                          from opinion_cluster_member m join opinion o on o.id = m.opinion_id where m.cluster_id = :c) s where c.id = :c""").param("c", cluster).update();

        browser.signIn("office");
        browser.get(browser.url("/opinions/ledger"));
        browser.findElement(By.id("tab-hotspots")).click();
        Browser.await(browser.driver(), By.id("hotspots"));
        assertThat(browser.findElement(By.cssSelector("#hotspots li.card")).getText()).contains("翠湖小区", "44 人反映");
        assertThat(browser.findElement(By.id("by-town")).getText()).contains("青岩镇");
        List<String> serious = new ArrayList<>(axe("/opinions/hotspots"));
        assertThat(overflow()).as("nothing wider than the phone").isLessThanOrEqualTo(0L);
        Browser.screenshot(browser.driver(), "office-hotspots-phone");

        browser.findElement(By.cssSelector("#hotspots li.card a.hotspot-link")).click();
        Browser.await(browser.driver(), By.id("cluster-members"));
        assertThat(browser.findElements(By.cssSelector("#cluster-members > li"))).hasSize(44);
        serious.addAll(axe(null));
        assertThat(overflow()).as("nothing wider than the phone").isLessThanOrEqualTo(0L);
        Browser.screenshot(browser.driver(), "office-hotspot-cluster-phone");

        browser.findElement(By.id("start-notice")).click();
        Browser.await(browser.driver(), By.id("bulletin-form"));
        assertThat(browser.findElement(By.cssSelector("#bulletin-form input[name=title]")).getAttribute("value")).contains("翠湖小区");
        assertThat(browser.findElement(By.cssSelector("#bulletin-form textarea[name=foreword]")).getAttribute("value"))
                .contains("44 人", opinions.get(0).receiptCode());
        assertThat(serious).as("serious or critical axe violations").isEmpty();
        browser.signOut();
    }

    private long overflow() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
    }

    /** Serious or critical violations on the page at {@code path} (the current page when null). */
    private List<String> axe(String path) {
        if (path != null) {
            browser.get(browser.url(path));
        }
        return Accessibility.seriousViolations(browser.driver());
    }
}
