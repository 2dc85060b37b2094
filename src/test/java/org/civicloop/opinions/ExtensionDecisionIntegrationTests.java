package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.WorkOrderClocks;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 9: the unit's extension field starts empty (a prefilled 5 made a typed 5 into 55);
 * the office decides seeing the due date it moves from and to, and that is the date the clock then
 * has; the voter's timeline shows the approval, since it moves the voter's due date.
 */
@IntegrationTest
class ExtensionDecisionIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    OpinionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Deadlines deadlines;

    OpinionFixtures f;

    @BeforeEach
    void fixtures() {
        f = new OpinionFixtures(service, users, jdbc);
    }

    /** A date as the Chinese pages write it. */
    private static String zh(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy年M月d日").format(at.atZone(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theOfficeSeesBothDueDatesAndTheVoterSeesTheStep() throws Exception {
        var opinion = f.submitted("村口路灯坏了三个月，晚上出行不便");
        long order = f.forwardedToHousing(opinion);
        service.sign(order, f.user("unit"));

        Document unitPage = page("/opinions/" + opinion.id(), "unit");
        assertThat(unitPage.select("#workingDays").attr("value")).isEmpty();
        assertThat(unitPage.select("#workingDays").attr("placeholder")).isNotBlank();

        Instant before = deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(order)).orElseThrow().dueAt();
        service.requestExtension(order, 5, "需要协调电力部门更换线路", f.user("unit"));
        String effect = page("/opinions/" + opinion.id(), "office").select("#extension-effect-" + order).text();
        assertThat(effect).contains(zh(before));

        service.decideExtension(order, true, f.user("office"));
        Instant after = deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(order)).orElseThrow().dueAt();
        assertThat(after).isAfter(before);
        // what the office was shown is what the clock now says
        assertThat(effect).endsWith(zh(after));

        String code = jdbc.sql("select receipt_code from opinion where id = :id").param("id", opinion.id())
                .query(String.class).single();
        Document voter = Jsoup.parse(mvc.perform(get("/public/opinions/" + code)).andReturn().getResponse().getContentAsString());
        assertThat(voter.select("#timeline").text()).contains("同意延期，办理期限相应顺延");
        assertThat(voter.select("#deadline").text()).contains(zh(after));
    }

    private Document page(String path, String role) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(demo.user(role)))).andReturn().getResponse()
                .getContentAsString());
    }
}
