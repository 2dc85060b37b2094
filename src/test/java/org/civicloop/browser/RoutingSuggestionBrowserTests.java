package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.opinions.routing.RoutingImport;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 智能派单 on the triage page: the suggestion and its evidence, accepted in one click. */
@IntegrationTest
class RoutingSuggestionBrowserTests {

    @RegisterExtension
    static final BrowserExtension desk = BrowserExtension.sized(1366, 900);

    @Autowired
    OpinionService service;
    @Autowired
    RoutingImport imports;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;

    @Test
    void triageShowsTheSuggestionWithItsEvidenceAndAcceptsItInOneClick() {
        String estate = "桐木岭" + System.nanoTime() % 1_000_000 + "号小区";
        var imported = imports.importTable(new ByteArrayInputStream("""
                诉求内容,日期,问题类别,承办单位
                %1$s地下车库漏水严重，墙皮脱落,%2$s,URBAN,花溪区住房和城乡建设局
                %1$s地下车库顶上一直漏水，车都被泡了,%2$s,URBAN,花溪区住房和城乡建设局
                %1$s车库漏水问题物业不管,%2$s,URBAN,花溪区住房和城乡建设局
                """.formatted(estate, LocalDate.now().minusMonths(3)).getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.problems()).isEmpty();
        var o = service.submit(SubmitOpinion.hotline("ROUTE-" + System.nanoTime()).category("OTHER")
                .content(estate + "地下车库漏水严重，车被泡了，物业不管").place("520111101001", null).build(), List.of());
        service.accept(o.id(), demo.user("office"));

        desk.signIn("office");
        desk.get(desk.url("/opinions/" + o.id()));
        assertThat(desk.findElement(By.id("routing-unit")).getText()).isEqualTo("花溪区住房和城乡建设局");
        assertThat(desk.findElement(By.id("routing-category")).getText()).isEqualTo("城乡建设与住房");
        assertThat(desk.findElements(By.cssSelector("#routing-evidence li"))).hasSize(3)
                .allSatisfy(li -> assertThat(li.getText()).contains(estate).contains("花溪区住房和城乡建设局"));
        // nothing preselected in the ordinary forward form
        assertThat(desk.findElement(By.id("unitId")).getAttribute("value")).isEmpty();
        Browser.screenshot(desk, "office-routing-suggestion");

        desk.findElement(By.id("routing-accept")).click();
        assertThat(Browser.await(desk, By.id("action-done")).getText()).contains("已按建议交办");
        assertThat(desk.findElement(By.id("opinion-status")).getText()).isEqualTo("办理中");
        var routed = jdbc.sql("""
                        select o.category, u.name from opinion o join work_order w on w.opinion_id = o.id
                        join org_unit u on u.id = w.unit_id where o.id = :id""").param("id", o.id()).query().singleRow();
        assertThat(routed).containsEntry("category", "URBAN").containsEntry("name", "花溪区住房和城乡建设局");
    }
}
