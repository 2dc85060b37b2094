package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The deputy who rates a reply reads its result class as the dictionary names it (B 正在解决或者列入规划逐步解决),
 * on the assignment, in the replies and in the timeline, not the bare letter; and the office's change of class too.
 */
@IntegrationTest
class SuggestionResultClassNamesIntegrationTests {

    @Autowired
    SuggestionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    AccountService accounts;
    @Autowired
    MockMvc mvc;

    @Test
    void theDeputyAwaitingEvaluationReadsTheReplysClassAndTheAuditedClassByName() throws Exception {
        SuggestionPeople people = new SuggestionPeople(jdbc, users, accounts);
        CivicUser deputy = people.user("deputy");
        CivicUser office = people.user("office");
        CivicUser unit = people.user("unit");
        long id = service.draft(new SuggestionDraft("答复类别名称测试", "关于答复类别名称测试的建议。", "URBAN", SubmissionPeriod.RECESS,
                List.of(), List.of()), deputy);
        service.submit(id, deputy);
        service.register(id, "URBAN", false, false, office);
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(people.unitId("花溪区住房和城乡建设局"), AssignmentRole.LEAD)),
                office);
        service.sign(id, 1, unit);
        service.reply(id, 1, "答复：已列入今年计划，正在实施。", "B", unit);
        service.auditReply(id, 1, "A", office);
        service.sendForEvaluation(id, office, Instant.now());

        String zh = mvc.perform(get("/suggestions/" + id).with(user(deputy)).locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("所提问题已经解决或者基本解决")
                .contains("B 正在解决或者列入规划逐步解决")
                .contains("（审核为 A 所提问题已经解决或者基本解决）");
        String en = mvc.perform(get("/suggestions/" + id + "?lang=en").with(user(deputy)))
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("B Being solved or planned to be solved step by step")
                .contains("(audited as A Solved or basically solved)");
    }
}
