package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionClocks;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The staff inbox hears of suggestions: the office, the assigned unit (not another), the lead deputy; escalation on a missed deadline. */
@IntegrationTest
class SuggestionNoticesIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    SuggestionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    CivicUser u(String name) {
        return demo.user(name);
    }

    long messages(String username, String key, long id) {
        return jdbc.sql("""
                        select count(*) from staff_message m join account a on a.id = m.account_id
                        where a.username = :u and m.message_key = :k and m.link = :link""")
                .param("u", username).param("k", key).param("link", "/suggestions/" + id).query(Long.class).single();
    }

    @Test
    void theOfficeTheAssignedUnitAndTheDeputyHearOfWhatConcernsThem() {
        long id = service.draft(new SuggestionDraft("加强校园周边食品安全监管", "具体内容。", "EDUCATION", SubmissionPeriod.SESSION,
                List.of(), List.of()), u("deputy"));
        service.submit(id, u("deputy"));
        assertThat(messages("office", "suggestion.notice.submitted", id)).isEqualTo(1);
        service.register(id, "EDUCATION", false, false, u("office"));
        long housing = demo.unit("花溪区住房和城乡建设局");
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(housing, AssignmentRole.LEAD)), u("office"));
        assertThat(messages("unit", "suggestion.notice.assigned", id)).isEqualTo(1);
        assertThat(messages("unit2", "suggestion.notice.assigned", id)).isZero();
        service.sign(id, 1, u("unit"));
        service.reply(id, 1, "已联合市场监管部门开展专项检查。", "A", u("unit"));
        assertThat(messages("office", "suggestion.notice.replied", id)).isEqualTo(1);
        service.auditReply(id, 1, "A", u("office"));
        service.sendForEvaluation(id, u("office"));
        assertThat(messages("deputy", "suggestion.notice.sentForEvaluation", id)).isEqualTo(1);
    }

    @Test
    void aMissedReplyDeadlineIsEscalatedToTheOffice() {
        long id = service.draft(new SuggestionDraft("解决城郊学校教师周转房", "具体内容。", "EDUCATION", SubmissionPeriod.RECESS,
                List.of(), List.of()), u("deputy"));
        service.submit(id, u("deputy"));
        service.register(id, "EDUCATION", false, false, u("office"));
        long housing = demo.unit("花溪区住房和城乡建设局");
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(housing, AssignmentRole.LEAD)), u("office"));
        tx.executeWithoutResult(s -> events.publishEvent(new DeadlineMissed(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 1), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(messages("office", "suggestion.notice.escalated", id)).isEqualTo(1);
            assertThat(messages("unit", "suggestion.notice.missed", id)).isEqualTo(1);
        });
    }
}
