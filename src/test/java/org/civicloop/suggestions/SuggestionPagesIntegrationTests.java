package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The pages: each role sees its list and only the actions allowed now; another unit's suggestion does not exist. */
@IntegrationTest
class SuggestionPagesIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    SuggestionService service;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    CivicUser u(String name) {
        return demo.user(name);
    }

    long unitId(String name) {
        return demo.unit(name);
    }

    @Test
    void aDeputyDraftsOnTheFormAndSubmitsFromTheSuggestionsPage() throws Exception {
        mvc.perform(get("/suggestions/new").with(user(u("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("一事一议")));
        String location = mvc.perform(post("/suggestions").with(csrf()).with(user(u("deputy")))
                        .param("title", "完善花溪大学城公交接驳").param("content", "建议增加夜间班次。")
                        .param("category", "URBAN").param("period", "SESSION").param("opinions", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/suggestions/");
        mvc.perform(get(location).with(user(u("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("完善花溪大学城公交接驳")))
                .andExpect(content().string(containsString("/submit")))
                .andExpect(content().string(not(containsString("/register"))));
        mvc.perform(post(location + "/submit").with(csrf()).with(user(u("deputy"))))
                .andExpect(flash().attribute("done", "suggestion.done.submitted"));
        mvc.perform(get("/suggestions/mine").with(user(u("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("完善花溪大学城公交接驳")));
        mvc.perform(get(location).with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/register")))
                .andExpect(content().string(not(containsString("/submit\""))));
        mvc.perform(get(location).with(user(u("unit")))).andExpect(status().isNotFound());
        mvc.perform(get("/suggestions/new").with(user(u("office")))).andExpect(status().isForbidden());
    }

    @Test
    void theOfficeListFiltersAndTheUnitInboxHoldsOnlyItsOwnAssignments() throws Exception {
        long id = service.draft(new SuggestionDraft("整治青岩古镇周边违章建筑", "具体内容。", "URBAN", SubmissionPeriod.RECESS,
                List.of(), List.of()), u("deputy"));
        service.submit(id, u("deputy"));
        service.register(id, "URBAN", true, false, u("office"));
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId("花溪区住房和城乡建设局"), AssignmentRole.LEAD)), u("office"));

        mvc.perform(get("/suggestions").param("status", "ASSIGNED").param("keyOnly", "true").with(user(u("office"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("整治青岩古镇周边违章建筑")));
        mvc.perform(get("/suggestions").param("status", "CLOSED").with(user(u("leader"))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("整治青岩古镇周边违章建筑"))));
        mvc.perform(get("/suggestions").with(user(u("unit")))).andExpect(status().isForbidden());

        mvc.perform(get("/suggestions/inbox").with(user(u("unit")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("整治青岩古镇周边违章建筑")));
        mvc.perform(get("/suggestions/inbox").with(user(u("unit2")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("整治青岩古镇周边违章建筑"))));
        mvc.perform(get("/suggestions/" + id).with(user(u("unit2")))).andExpect(status().isNotFound());
        mvc.perform(get("/suggestions/" + id).with(user(u("unit")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/assignments/1/sign")));
        mvc.perform(post("/suggestions/" + id + "/assignments/1/sign").with(csrf()).with(user(u("unit2"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/suggestions/" + id).with(user(u("leader")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/assignments/1/sign"))))
                .andExpect(content().string(not(containsString("/assign\""))));

        service.sign(id, 1, u("unit"));
        service.recordContact(id, 1, org.civicloop.suggestions.domain.ContactStage.DURING, false, "电话沟通进展", u("unit"));
        service.reply(id, 1, "已拆除违章建筑十二处。", "A", u("unit"));
        mvc.perform(get("/suggestions/" + id).with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/assignments/1/audit")))
                .andExpect(content().string(containsString("电话沟通进展")));
        service.auditReply(id, 1, "A", u("office"));
        service.sendForEvaluation(id, u("office"));
        mvc.perform(get("/suggestions/" + id).with(user(u("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/evaluate")))
                .andExpect(content().string(containsString("已拆除违章建筑十二处。")));
        mvc.perform(post("/suggestions/" + id + "/evaluate").with(csrf()).with(user(u("deputy"))).param("evaluation", "BASICALLY_SATISFIED"))
                .andExpect(flash().attribute("done", "suggestion.done.evaluated"));
        mvc.perform(get("/suggestions/" + id).with(user(u("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("基本满意")))
                .andExpect(content().string(not(containsString("/evaluate"))));
    }

    @Test
    void aUnitsInboxComesInPagesOfFiftyNearestDeadlineFirstLosingAndRepeatingNothing() throws Exception {
        var fx = new org.civicloop.suggestions.kpi.KpiFixtures(service, jdbc, users);
        var unit = fx.unit("分页测试局");
        // 53 assignments over the last 53 hours (the KPI tests keep 45 to 110 days ago to themselves)
        for (int i = 0; i < 53; i++) {
            fx.ledBy("分页测试建议" + i + "号", unit, java.time.Instant.now().minus(java.time.Duration.ofHours(53 - i)));
        }
        String first = mvc.perform(get("/suggestions/inbox").with(user(unit.clerk()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> firstTitles = titles(first);
        assertThat(firstTitles).hasSize(50);
        String next = java.util.regex.Pattern.compile("id=\"inbox-next\"\\s+href=\"([^\"]+)\"").matcher(first).results()
                .map(m -> m.group(1).replace("&amp;", "&")).findFirst().orElseThrow();
        String second = mvc.perform(get(java.net.URI.create(next)).with(user(unit.clerk()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(titles(second)).hasSize(3).doesNotContainAnyElementsOf(firstTitles);
        assertThat(second).doesNotContain("id=\"inbox-next\"");
        // the earliest assignment has the earliest reply deadline: the first page starts with it
        assertThat(firstTitles.get(0)).isEqualTo("分页测试建议0号");
        List<String> all = new java.util.ArrayList<>(firstTitles);
        all.addAll(titles(second));
        assertThat(all).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 53).mapToObj(i -> "分页测试建议" + i + "号").toList());
    }

    @Test
    void aUnitSignsForSeveralAssignmentsAtOnceAllOrNone() throws Exception {
        var fx = new org.civicloop.suggestions.kpi.KpiFixtures(service, jdbc, users);
        var unit = fx.unit("批量签收测试局");
        var other = fx.unit("批量签收其他局");
        long a = fx.ledBy("批量签收甲", unit, java.time.Instant.now());
        long b = fx.ledBy("批量签收乙", unit, java.time.Instant.now());
        long c = fx.ledBy("批量签收丙", unit, java.time.Instant.now());
        long foreign = fx.ledBy("批量签收他局", other, java.time.Instant.now());

        mvc.perform(post("/suggestions/inbox/sign").with(csrf()).with(user(unit.clerk())).param("items", a + "-1", b + "-1"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "suggestion.done.signedAll"));
        assertThat(List.of(assignmentStatus(a), assignmentStatus(b), assignmentStatus(c))).containsExactly("SIGNED", "SIGNED", "ASSIGNED");
        // only what can still be signed for has a box
        mvc.perform(get("/suggestions/inbox").with(user(unit.clerk()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"pick-" + c + "-1\"")))
                .andExpect(content().string(not(containsString("id=\"pick-" + a + "-1\""))));

        // another unit's assignment in the batch: it does not exist for this unit, and nothing is signed
        mvc.perform(post("/suggestions/inbox/sign").with(csrf()).with(user(unit.clerk())).param("items", c + "-1", foreign + "-1"))
                .andExpect(status().isNotFound());
        assertThat(List.of(assignmentStatus(c), assignmentStatus(foreign))).containsExactly("ASSIGNED", "ASSIGNED");
        // one already signed for in the batch: refused, and the other stays as it was
        mvc.perform(post("/suggestions/inbox/sign").with(csrf()).with(user(unit.clerk())).param("items", c + "-1", a + "-1"))
                .andExpect(flash().attributeExists("failed"));
        assertThat(assignmentStatus(c)).isEqualTo("ASSIGNED");
        // nothing ticked, or something that is no assignment at all
        mvc.perform(post("/suggestions/inbox/sign").with(csrf()).with(user(unit.clerk())))
                .andExpect(flash().attribute("failed", "suggestion.error.nothingSelected"));
        mvc.perform(post("/suggestions/inbox/sign").with(csrf()).with(user(unit.clerk())).param("items", "drop table"))
                .andExpect(flash().attribute("failed", "suggestion.error.nothingSelected"));
        // not a unit's page at all for the office
        mvc.perform(post("/suggestions/inbox/sign").with(csrf()).with(user(demo.user("office")))
                        .param("items", c + "-1"))
                .andExpect(status().isForbidden());
        assertThat(assignmentStatus(c)).isEqualTo("ASSIGNED");
    }

    private String assignmentStatus(long suggestionId) {
        return jdbc.sql("select status from suggestion_assignment where suggestion_id = :s and seq = 1")
                .param("s", suggestionId).query(String.class).single();
    }

    private static List<String> titles(String html) {
        // the titles as links (each row also names its title in its checkbox's label)
        return java.util.regex.Pattern.compile("(?<=>)分页测试建议\\d+号(?=</a>)").matcher(html).results()
                .map(java.util.regex.MatchResult::group).toList();
    }
}
