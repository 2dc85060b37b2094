package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.Rating;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 11: screens that said one thing beside another. Each test reads a page as its user
 * reads it (the key suggestion's colour and the ledger's days are tested with their modules).
 */
@IntegrationTest
class ScreensAgreeIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    OpinionService opinions;

    @Test
    void aUnitWithItsReplyFormIsNotToldThereIsNothingToDo() throws Exception {
        Long id = jdbc.sql("""
                        select a.suggestion_id from suggestion_assignment a join suggestion s on s.id = a.suggestion_id
                        where a.status = 'SIGNED' and a.role <> 'CO' and s.status in ('ASSIGNED', 'HANDLING')
                          and a.unit_id = (select unit_id from account where username = 'unit')
                        order by a.suggestion_id limit 1""").query(Long.class).optional().orElse(null);
        assertThat(id).as("the demo has a signed assignment of unit's waiting for its reply").isNotNull();
        Document page = page("/suggestions/" + id, "unit");
        assertThat(page.select("form[action$=/reply]")).isNotEmpty();
        assertThat(page.text()).doesNotContain("当前没有需要您办理的事项");
    }

    @Test
    void theVoterIsPromisedARehandlingOnlyWhileTheLimitAllowsOne() throws Exception {
        CivicUser unit = account("unit");
        OpinionFixtures f = new OpinionFixtures(opinions, users, jdbc);
        Opinion o = f.submitted("小区门口的下水道经常堵塞，雨天积水到膝盖。");
        long order = f.forwardedToHousing(o);
        opinions.sign(order, unit);
        opinions.replyToOrder(order, "已安排疏通。", unit);
        assertThat(status(o.receiptCode()).select("#rate-hint").text()).contains("会重新交办");

        opinions.rate(o.receiptCode(), Rating.DISSATISFIED); // the one rehandling the limit allows
        long second = jdbc.sql("select id from work_order where opinion_id = :id order by round desc limit 1")
                .param("id", o.id()).query(Long.class).single();
        opinions.sign(second, unit);
        opinions.replyToOrder(second, "已更换管道。", unit);
        String hint = status(o.receiptCode()).select("#rate-hint").text();
        assertThat(hint).contains("不再重新交办").doesNotContain("会重新交办");

        // the staff timeline is not written to the voter
        assertThat(page("/opinions/" + o.id(), "office").select("#timeline, .timeline").text())
                .doesNotContain("您").contains("已收到意见");
    }

    @Test
    void anOpinionReceivedEarlierReadsOneReceivedTimeInItsHeadingAndItsTimeline() throws Exception {
        // received at a market day two days and two hours ago, typed in now (as the demo's opinions are)
        java.time.Instant received = java.time.Instant.now().minus(java.time.Duration.ofDays(2)).minus(java.time.Duration.ofHours(2))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String village = jdbc.sql("select code from region where level = 'village' and code like '520111%' order by code limit 1")
                .query(String.class).single();
        Opinion o = opinions.submit(org.civicloop.opinions.domain.SubmitOpinion.of(org.civicloop.opinions.domain.Channel.HOTLINE)
                .category("URBAN").content("集市散场后垃圾没人清理，第二天早上满地油污。").place(village, null).consent(false)
                .build(), java.util.List.of(), received);

        java.sql.Timestamp step = jdbc.sql("select at from opinion_step where opinion_id = :id and kind = 'submitted'")
                .param("id", o.id()).query(java.sql.Timestamp.class).single();
        assertThat(step.toInstant()).isEqualTo(received);
        Document page = page("/opinions/" + o.id(), "office");
        String heading = page.select("main p.text-muted > span").first().text();
        assertThat(heading).isNotBlank();
        assertThat(page.select(".timeline li").first().select("span.text-muted").first().text()).isEqualTo(heading);
    }

    @Test
    void aBulletinNamesThePersonWhoGeneratedItNotTheirSignInName() throws Exception {
        long id = jdbc.sql("select id from suggestion_bulletin order by id limit 1").query(Long.class).single();
        String by = jdbc.sql("select generated_by from suggestion_bulletin where id = :id").param("id", id).query(String.class).single();
        String name = account(by).displayName();
        String text = page("/suggestions/bulletins/" + id, "office").text();
        assertThat(text).contains("由" + name + "生成").doesNotContain("由" + by + "生成");
    }

    private CivicUser account(String name) {
        return demo.user(name);
    }

    private Document status(String code) throws Exception {
        return Jsoup.parse(mvc.perform(get("/public/opinions/" + code)).andReturn().getResponse().getContentAsString());
    }

    private Document page(String path, String role) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(account(role)))).andReturn().getResponse().getContentAsString());
    }
}
