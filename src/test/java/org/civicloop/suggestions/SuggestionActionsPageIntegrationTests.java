package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
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
 * The suggestion's page offers what the service then accepts: a unit whose time to ask for a return
 * has run out (the service refuses with {@code suggestion.error.returnWindowClosed}) is not offered
 * the request, while a unit still in time is; and the service refuses what the page does not offer
 * (签收 an assignment already replied to).
 */
@IntegrationTest
class SuggestionActionsPageIntegrationTests {

    static final String HOUSING = "花溪区住房和城乡建设局";

    @Autowired
    MockMvc mvc;
    @Autowired
    SuggestionService service;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    CivicUser u(String name) {
        return (CivicUser) users.loadUserByUsername(name);
    }

    long registered(String title) {
        long id = service.draft(new SuggestionDraft(title, "关于" + title + "的具体建议内容。", "URBAN", SubmissionPeriod.RECESS,
                List.of(), List.of()), u("deputy"));
        service.submit(id, u("deputy"));
        service.register(id, "URBAN", false, false, u("office"));
        return id;
    }

    long housing() {
        return jdbc.sql("select id from org_unit where name = :n").param("n", HOUSING).query(Long.class).single();
    }

    @Test
    void aReturnRequestIsOfferedOnlyWhileItsWindowIsOpen() throws Exception {
        long late = registered("整治城区噪声扰民（退办期限已过）");
        service.assign(late, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(housing(), AssignmentRole.LEAD)), u("office"),
                Instant.now().minus(Duration.ofDays(20)));
        long inTime = registered("增设公交线路（退办期限之内）");
        service.assign(inTime, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(housing(), AssignmentRole.LEAD)), u("office"));

        mvc.perform(get("/suggestions/" + late).with(user(u("unit")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/suggestions/" + late + "/assignments/1/sign\"")))
                .andExpect(content().string(not(containsString("/suggestions/" + late + "/assignments/1/return\""))));
        mvc.perform(get("/suggestions/" + inTime).with(user(u("unit")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/suggestions/" + inTime + "/assignments/1/sign\"")))
                .andExpect(content().string(containsString("/suggestions/" + inTime + "/assignments/1/return\"")));
    }

    /** 签收 is offered on a new assignment only; the service refuses it on any other, as the page does. */
    @Test
    void aUnitCannotSignAgainAnAssignmentItHasRepliedTo() throws Exception {
        long id = registered("修缮青岩古镇排水沟（答复后再签收）");
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(housing(), AssignmentRole.LEAD)), u("office"));
        service.sign(id, 1, u("unit"));
        service.reply(id, 1, "已列入今年改造计划。", "B", u("unit"));

        mvc.perform(get("/suggestions/" + id).with(user(u("unit")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/suggestions/" + id + "/assignments/1/sign\""))));
        assertThatThrownBy(() -> service.sign(id, 1, u("unit"))).isInstanceOf(BusinessException.class)
                .extracting("messageKey").isEqualTo("suggestion.error.assignmentTransition");
        assertThat(jdbc.sql("select status from suggestion_assignment where suggestion_id = :s and seq = 1").param("s", id)
                .query(String.class).single()).isEqualTo("REPLIED");
    }
}
