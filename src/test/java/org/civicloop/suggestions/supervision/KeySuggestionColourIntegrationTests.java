package org.civicloop.suggestions.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.shared.Rag;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.supervision.domain.LeadSupervisionService;
import org.civicloop.suggestions.supervision.domain.RagRule;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
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
    @Autowired
    SuggestionService suggestions;
    @Autowired
    UserDetailsService users;
    @Autowired
    LeadSupervisionService lead;

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
     * Defect: suggestion 6 read 「正常 答复已超期」 on the desk, 「已超期」 on its supervision page and
     * 「正常」 in the supervision box of its own page. A suggestion whose unit's reply is overdue while its
     * next milestone is weeks ahead now reads one state on all three, the late reply named beside it,
     * and never a green badge beside the red.
     */
    @Test
    void aLateReplyWithItsMilestoneAheadReadsOneStateOnAllThreeScreens() throws Exception {
        var f = new SupervisionFixtures(suggestions, users, jdbc);
        long id = f.assigned("回复超期而节点未到的重点建议", true, Instant.now().minus(Duration.ofDays(200)));
        LocalDate milestone = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(40);
        lead.nameLeader(id, f.user("leader").accountId(), milestone, f.user("office"));

        Element row = page("/supervision", "office").select("#key-table tbody tr")
                .stream().filter(r -> r.selectFirst("a[href=/supervision/suggestions/" + id + "]") != null).findFirst().orElseThrow();
        Element box = page("/supervision/suggestions/" + id, "office").selectFirst("#lead-rag");
        Element panel = page("/suggestions/" + id, "office").selectFirst("#supervision-state");

        assertThat(row.hasClass("table-danger")).isTrue();
        for (Element shown : List.of(row, box, panel)) {
            assertThat(shown.select(".supervision-state").text()).as(shown.cssSelector()).isEqualTo("已超期");
            assertThat(shown.select(".reply-rag").text()).as(shown.cssSelector()).isEqualTo("答复已超期");
            assertThat(shown.select(".badge.text-bg-success")).as("no 正常 beside 已超期").isEmpty();
        }
        // on the desk the date has its column and the state its own: beside the date, 已超期 read as the milestone's
        assertThat(row.select("td").get(2).text())
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日").format(milestone));
        assertThat(row.select("td").get(3).select(".supervision-state").text()).isEqualTo("已超期");
        // the milestone itself is still read as a date ahead, on the page and in the box
        assertThat(box.text()).contains("下一节点：").doesNotContain("正常");
        assertThat(panel.parent().text()).contains("下一节点：");
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
