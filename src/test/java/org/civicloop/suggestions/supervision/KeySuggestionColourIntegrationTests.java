package org.civicloop.suggestions.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import org.civicloop.shared.Rag;
import org.civicloop.suggestions.supervision.domain.RagRule;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 11: a leader's key suggestion read 正常 on its page (its next milestone) and 已超期 on
 * 我督办的事项 (its late reply). One computation now colours it on the leader's list, its page and the
 * office's desk.
 */
@IntegrationTest
class KeySuggestionColourIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeySuggestionReadsTheSameColourOnTheLeadersListAndItsPage() throws Exception {
        Document mine = page("/supervision/mine", "leader");
        List<Element> keys = mine.select("#mine-items a[href^=/supervision/suggestions/]");
        assertThat(keys).isNotEmpty();
        boolean sawRed = false;
        for (Element item : keys) {
            String onList = item.select("span.badge.fs-6").first().text();
            Document itemPage = page(item.attr("href"), "leader");
            assertThat(itemPage.select("#lead-rag .badge:not(.reply-rag)").text()).as(item.attr("href")).isEqualTo(onList);
            sawRed |= onList.equals("已超期") || item.hasClass("border-danger");
        }
        // the demo's overdue key suggestion, whose reply is late while its milestone is not
        assertThat(sawRed).isTrue();
    }

    /**
     * The desk read "2027年1月5日 已超期" for the demo's key suggestion whose reply is late while its next
     * milestone is weeks ahead: the row keeps the worse colour, the milestone its own, and the late reply
     * is named beside it.
     */
    @Test
    void theDeskNamesALateReplyBesideAMilestoneStillAhead() throws Exception {
        Document desk = page("/supervision", "office");
        boolean sawLateReplyWithMilestoneAhead = false;
        for (Element row : desk.select("tbody tr")) {
            Element reply = row.selectFirst(".reply-rag");
            if (reply == null || !row.hasClass("table-danger")) {
                continue;
            }
            assertThat(reply.text()).isEqualTo("答复已超期");
            Element milestone = row.selectFirst("td.text-nowrap .badge:not(.reply-rag)");
            if (milestone != null && !milestone.text().equals("已超期")) {
                sawLateReplyWithMilestoneAhead = true;
            }
        }
        assertThat(sawLateReplyWithMilestoneAhead).as("the demo's late key suggestion, milestone ahead").isTrue();
    }

    @Test
    void theWorseOfReplyAndMilestoneWins() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertThat(RagRule.ofKeySuggestion("OVERDUE", today.plusDays(30), today, 5)).isEqualTo(Rag.RED);
        assertThat(RagRule.ofKeySuggestion("RUNNING", today.minusDays(1), today, 5)).isEqualTo(Rag.RED);
        assertThat(RagRule.ofKeySuggestion("WARNING", today.plusDays(30), today, 5)).isEqualTo(Rag.YELLOW);
        assertThat(RagRule.ofKeySuggestion(null, today.plusDays(3), today, 5)).isEqualTo(Rag.YELLOW);
        assertThat(RagRule.ofKeySuggestion(null, null, today, 5)).isEqualTo(Rag.GREEN);
    }

    private Document page(String path, String role) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(demo.user(role)))).andReturn().getResponse()
                .getContentAsString());
    }
}
