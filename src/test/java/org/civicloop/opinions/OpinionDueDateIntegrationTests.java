package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 8: the office sees an opinion's due date on 民意台 and on the opinion's page, and it
 * reads as the voter and the unit read it: the same date, the same working days left or 已超期.
 */
@IntegrationTest
class OpinionDueDateIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficeSeesTheSameDueDateAsTheVoterAndTheUnit() throws Exception {
        // the demo's opinions with a unit: some on time, some overdue
        List<Long> handling = jdbc.sql("""
                        select o.id from opinion o join work_order w on w.opinion_id = o.id
                        where o.status = 'HANDLING' and w.status not in ('REPLIED', 'RETURNED')
                          and w.unit_id = (select unit_id from account where username = 'unit')
                        order by o.submitted_at desc limit 3""").query(Long.class).list();
        assertThat(handling).isNotEmpty();
        Document queue = page("/opinions?status=HANDLING", "office");
        for (long id : handling) {
            String code = jdbc.sql("select receipt_code from opinion where id = :id").param("id", id).query(String.class).single();
            var response = mvc.perform(get("/public/opinions/" + code)).andReturn().getResponse();
            String voter = Jsoup.parse(response.getContentAsString()).select("#deadline").text();
            assertThat(voter).as("the voter's page shows a due date (status %s)", response.getStatus()).isNotBlank();
            assertThat(queue.select("#due-" + id).text()).as("民意台, opinion " + id).isEqualTo(voter);
            assertThat(page("/opinions/" + id, "office").select("[id^=order-]").text()).contains(voter);
            assertThat(page("/work-orders", "unit").text()).contains(voter);
        }
    }

    @Test
    void onAPhoneTheDeputysListShowsEachOpinionAsACardWithTheSameFacts() throws Exception {
        Document list = page("/opinions?status=ALL", "deputy");
        var rows = list.select("#queue-table tbody tr:has(a)");
        assertThat(rows).as("opinions addressed to the demo deputy").isNotEmpty();
        assertThat(list.select("#queue-cards > li[id^=card-]")).hasSameSizeAs(rows);
        // the cards on a phone, the table from a tablet up: never both, never sideways scrolling on a phone
        assertThat(list.selectFirst("#queue-cards").hasClass("d-md-none")).isTrue();
        assertThat(list.selectFirst("#queue-table").parent().hasClass("d-none")).isTrue();
        boolean anyDue = false;
        for (var row : rows) {
            var due = row.selectFirst("td[id^=due-]");
            var card = list.selectFirst("#card-" + due.id().substring("due-".length()));
            assertThat(card).isNotNull();
            assertThat(card.selectFirst("a").text()).isEqualTo(row.selectFirst("a").text());
            assertThat(card.text()).contains(row.select("td").get(4).text(), row.select("td").get(6).selectFirst(".badge").text(),
                    row.select("td").get(0).text(), due.text());
            anyDue |= !due.text().isBlank();
        }
        assertThat(anyDue).as("one of them on a unit's clock").isTrue();
    }

    private Document page(String path, String role) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(demo.user(role)))).andReturn().getResponse()
                .getContentAsString());
    }
}
