package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.ContactStage;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionClocks;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Every transition of suggestions and assignments, allowed and forbidden, by role, on the real database and clock. */
@IntegrationTest
class SuggestionLifecycleIntegrationTests {

    static final String HOUSING = "花溪区住房和城乡建设局";
    static final String EDUCATION = "花溪区教育局";

    @Autowired
    DemoFixture demo;
    @Autowired
    SuggestionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Deadlines deadlines;
    @Autowired
    AccountService accounts;
    @Autowired
    OpinionService opinions;
    SuggestionPeople people;

    CivicUser deputy;
    CivicUser office;
    CivicUser unit;
    CivicUser unit2;
    CivicUser leader;
    CivicUser coSigner;
    long coSignerDeputyId;

    @BeforeEach
    void people() {
        deputy = user("deputy");
        office = user("office");
        unit = user("unit");
        unit2 = user("unit2");
        leader = user("leader");
        // a second deputy with a login of their own, to co-sign (the demo has one deputy login)
        people = new SuggestionPeople(jdbc, users, accounts);
        coSignerDeputyId = people.coSignerDeputyId();
        coSigner = user(SuggestionPeople.CO_SIGNER);
    }

    CivicUser user(String username) {
        return demo.user(username);
    }

    long unitId(String name) {
        return demo.unit(name);
    }

    String status(long id) {
        return jdbc.sql("select status from suggestion where id = :id").param("id", id).query(String.class).single();
    }

    String assignmentStatus(long id, int seq) {
        return jdbc.sql("select status from suggestion_assignment where suggestion_id = :id and seq = :seq")
                .param("id", id).param("seq", seq).query(String.class).single();
    }

    long drafted(String title, List<Long> coSigners) {
        return service.draft(new SuggestionDraft(title, "关于" + title + "的具体建议内容。", "URBAN", SubmissionPeriod.RECESS,
                coSigners, SuggestionPeople.ids(people.acceptedOpinion(opinions, title + "：群众反映一", null),
                        people.acceptedOpinion(opinions, title + "：群众反映二", null))), deputy);
    }

    long registered(String title) {
        long id = drafted(title, List.of());
        service.submit(id, deputy);
        service.register(id, "URBAN", true, false, office);
        return id;
    }

    static void assertConflict(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
    }

    @Test
    void aDraftNeedsEveryCoSignerBeforeItIsSubmittedAndOnlyItsDeputiesSeeIt() {
        long id = drafted("加快青岩古镇停车场建设", List.of(coSignerDeputyId));
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select count(*) from suggestion_opinion where suggestion_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'suggestion' and subject_id = :id and action = 'suggestion.opinionsLinked'")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);

        assertConflict(() -> service.submit(id, deputy));
        assertThatThrownBy(() -> service.submit(id, office)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.submit(id, coSigner)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.confirmCoSigning(id, deputy)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.visible(id, unit)).isInstanceOf(NotFoundException.class);
        assertThat(service.visible(id, leader).id()).isEqualTo(id);

        service.confirmCoSigning(id, coSigner);
        assertConflict(() -> service.confirmCoSigning(id, coSigner));
        service.submit(id, deputy);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertConflict(() -> service.submit(id, deputy));
        assertThat(jdbc.sql("select action from audit_entry where subject_type = 'suggestion' and subject_id = :id order by id")
                .param("id", Long.toString(id)).query(String.class).list())
                .contains("suggestion.drafted", "suggestion.opinionsLinked", "suggestion.coSigningConfirmed", "suggestion.submitted");
    }

    @Test
    void theOfficeReturnsForRevisionTheDeputyResubmitsAndOnlyTheOfficeRegisters() {
        long id = drafted("规范农贸市场经营秩序", List.of());
        service.submit(id, deputy);
        assertThatThrownBy(() -> service.returnForRevision(id, "请一事一议", deputy)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.register(id, "URBAN", false, false, leader)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.register(id, "URBAN", false, false, unit)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.returnForRevision(id, " ", office)).isInstanceOf(BusinessException.class);
        service.returnForRevision(id, "请一事一议，拆分为两件建议", office);
        assertThat(status(id)).isEqualTo("RETURNED");
        service.edit(id, new SuggestionDraft("规范农贸市场经营秩序（修改）", "只谈占道经营一件事。", "URBAN", SubmissionPeriod.RECESS,
                List.of(), List.of()), deputy);
        service.submit(id, deputy);
        assertThatThrownBy(() -> service.register(id, "NO_SUCH", false, false, office)).isInstanceOf(BusinessException.class);
        service.register(id, "URBAN", true, false, office);
        assertThat(status(id)).isEqualTo("REGISTERED");
        assertConflict(() -> service.edit(id, new SuggestionDraft("x", "y", "URBAN", SubmissionPeriod.RECESS, List.of(), List.of()), deputy));
        assertThat(jdbc.sql("select key_suggestion from suggestion where id = :id").param("id", id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void notRegisteredNeedsAReasonAndIsFinal() {
        long id = drafted("解决本人子女入学问题", List.of());
        service.submit(id, deputy);
        assertThatThrownBy(() -> service.notRegister(id, "", office)).isInstanceOf(BusinessException.class);
        service.notRegister(id, "属于代表本人的个人事项，转来信处理", office);
        assertThat(status(id)).isEqualTo("NOT_REGISTERED");
        assertConflict(() -> service.register(id, "URBAN", false, false, office));
        assertConflict(() -> service.submit(id, deputy));
    }

    @Test
    void theLeadUnitRepliesTheCoUnitSendsItsViewTheOfficeAuditsAndTheDeputyCloses() {
        long id = registered("改善青岩镇中小学周边交通");
        assertThatThrownBy(() -> service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), leader))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(EDUCATION), AssignmentRole.CO)), office))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("suggestion.error.oneLead");
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD),
                new UnitRole(unitId(EDUCATION), AssignmentRole.CO)), office);
        assertThat(status(id)).isEqualTo("ASSIGNED");
        ClockView lead = deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 1)).orElseThrow();
        ClockView co = deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 2)).orElseThrow();
        assertThat(lead.ruleKey()).isEqualTo("suggestion.reply");
        assertThat(co.ruleKey()).isEqualTo("suggestion.co-view");
        assertThat(co.dueAt()).isBefore(lead.dueAt());

        assertThatThrownBy(() -> service.sign(id, 1, unit2)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.sign(id, 1, office)).isInstanceOf(NotFoundException.class);
        assertConflict(() -> service.reply(id, 1, "未签收先答复", "A", unit));
        service.sign(id, 2, unit2);
        assertConflict(() -> service.reply(id, 2, "协办单位想直接答复", "A", unit2));
        service.sendView(id, 2, "教育局意见：同意在校门口设置护学岗。", unit2);
        assertThat(assignmentStatus(id, 2)).isEqualTo("VIEW_SENT");
        assertThat(status(id)).as("a co-unit's view is not a reply").isEqualTo("ASSIGNED");

        service.sign(id, 1, unit);
        service.recordContact(id, 1, ContactStage.BEFORE, true, "与王建国代表当面沟通办理思路", unit);
        assertThatThrownBy(() -> service.reply(id, 1, "答复", "Z", unit)).isInstanceOf(BusinessException.class);
        service.reply(id, 1, "已会同教育局、交警大队完成校门口交通改造。", "B", unit);
        assertThat(status(id)).as("not audited yet").isEqualTo("ASSIGNED");
        assertThatThrownBy(() -> service.auditReply(id, 1, "A", unit)).isInstanceOf(AccessDeniedException.class);
        assertConflict(() -> service.sendForEvaluation(id, office));
        service.auditReply(id, 1, "A", office);
        assertThat(status(id)).isEqualTo("REPLIED");
        assertThat(jdbc.sql("select result_class || '>' || audited_class from suggestion_reply where suggestion_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("B>A");
        assertThat(jdbc.sql("select summary_after::text from audit_entry where action = 'suggestionAssignment.replyAudited' and subject_id = :id")
                .param("id", Long.toString(id)).query(String.class).single()).contains("\"classBefore\": \"B\"").contains("\"changed\": true");
        assertThat(jdbc.sql("select face_to_face from suggestion_contact where suggestion_id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();

        assertThatThrownBy(() -> service.evaluate(id, Evaluation.SATISFIED, null, deputy)).isInstanceOf(BusinessException.class);
        service.sendForEvaluation(id, office);
        assertThat(status(id)).isEqualTo("AWAITING_EVALUATION");
        assertThat(deadlines.find(SuggestionClocks.FEEDBACK, Long.toString(id)).orElseThrow().ruleKey()).isEqualTo("suggestion.feedback");
        assertThatThrownBy(() -> service.evaluate(id, Evaluation.SATISFIED, null, office)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.evaluate(id, Evaluation.SATISFIED, null, coSigner)).isInstanceOf(NotFoundException.class);
        service.evaluate(id, Evaluation.SATISFIED, "办理认真", deputy);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(deadlines.find(SuggestionClocks.FEEDBACK, Long.toString(id)).orElseThrow().status().name()).isEqualTo("STOPPED");
        assertConflict(() -> service.evaluate(id, Evaluation.DISSATISFIED, null, deputy));
    }

    @Test
    void separateUnitsEachReplyAndDissatisfactionSendsThemBackOnANewClockOnce() {
        long id = registered("加强农村饮水安全保障");
        service.assign(id, HandlingMode.SEPARATE, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.SEPARATE),
                new UnitRole(unitId(EDUCATION), AssignmentRole.SEPARATE)), office);
        service.sign(id, 1, unit);
        service.sign(id, 2, unit2);
        service.reply(id, 1, "住建局答复。", "B", unit);
        service.auditReply(id, 1, "B", office);
        assertThat(status(id)).as("one separate reply is missing").isEqualTo("ASSIGNED");
        service.reply(id, 2, "教育局答复。", "C", unit2);
        service.auditReply(id, 2, "C", office);
        assertThat(status(id)).isEqualTo("REPLIED");
        service.sendForEvaluation(id, office);
        service.evaluate(id, Evaluation.DISSATISFIED, "没有实质措施", deputy);
        assertThat(status(id)).isEqualTo("REHANDLING");
        assertThat(assignmentStatus(id, 1)).isEqualTo("SIGNED");
        ClockView again = deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 1)).orElseThrow();
        assertThat(again.ruleKey()).isEqualTo("suggestion.rehandling");
        assertThat(again.round()).isEqualTo(2);
        assertThat(again.status().name()).isEqualTo("RUNNING");

        service.reply(id, 1, "住建局第二次答复。", "A", unit);
        service.reply(id, 2, "教育局第二次答复。", "B", unit2);
        service.auditReply(id, 1, "A", office);
        service.auditReply(id, 2, "B", office);
        service.sendForEvaluation(id, office);
        service.evaluate(id, Evaluation.DISSATISFIED, null, deputy); // max-rehandlings = 1: this one closes it
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from suggestion_reply where suggestion_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void aReturnRequestAfterSevenWorkingDaysIsRefusedAndOneInTimeCanBeApproved() {
        long late = registered("整治城区噪声扰民");
        service.assign(late, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), office,
                Instant.now().minus(Duration.ofDays(20)));
        assertThatThrownBy(() -> service.requestReturn(late, 1, "不属于本单位职责", unit))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("suggestion.error.returnWindowClosed");
        assertThat(assignmentStatus(late, 1)).isEqualTo("ASSIGNED");

        long inTime = registered("增设公交线路");
        service.assign(inTime, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), office);
        service.requestReturn(inTime, 1, "属于交通运输局职责", unit);
        assertThatThrownBy(() -> service.decideReturn(inTime, 1, true, unit)).isInstanceOf(AccessDeniedException.class);
        service.decideReturn(inTime, 1, true, office);
        assertThat(assignmentStatus(inTime, 1)).isEqualTo("RETURNED");
        assertThat(deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(inTime, 1)).orElseThrow().status().name())
                .isEqualTo("STOPPED");
        service.assign(inTime, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(EDUCATION), AssignmentRole.LEAD)), office);
        assertThat(assignmentStatus(inTime, 2)).isEqualTo("ASSIGNED");
        assertThatThrownBy(() -> service.sign(inTime, 1, unit)).isInstanceOf(BusinessException.class);

        long declined = registered("修缮老旧小区屋面");
        service.assign(declined, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), office);
        service.sign(declined, 1, unit);
        service.requestReturn(declined, 1, "不是我们的", unit);
        service.decideReturn(declined, 1, false, office);
        assertThat(assignmentStatus(declined, 1)).isEqualTo("SIGNED");
    }

    @Test
    void anExtensionApprovedByTheOfficeMovesTheClockButNeverBeyondSixMonths() {
        long id = registered("推进棚户区改造");
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), office);
        assertConflict(() -> service.requestExtension(id, 1, LocalDate.now().plusMonths(4), "需要协调资金", unit));
        service.sign(id, 1, unit);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> service.requestExtension(id, 1, today.plusMonths(7), "需要协调资金", unit))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("suggestion.error.extensionTooLong");
        assertThatThrownBy(() -> service.requestExtension(id, 1, today.plusMonths(5), "需要协调资金", unit2))
                .isInstanceOf(NotFoundException.class);
        Instant before = deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 1)).orElseThrow().dueAt();
        service.requestExtension(id, 1, today.plusMonths(5), "需要协调资金", unit);
        assertThatThrownBy(() -> service.decideExtension(id, 1, true, leader)).isInstanceOf(AccessDeniedException.class);
        service.decideExtension(id, 1, true, office);
        ClockView after = deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 1)).orElseThrow();
        assertThat(after.dueAt()).isAfter(before);
        assertThat(after.extensions()).isEqualTo(1);
        assertThat(assignmentStatus(id, 1)).isEqualTo("SIGNED");

        service.requestExtension(id, 1, today.plusMonths(6), "还需要时间", unit);
        service.decideExtension(id, 1, false, office);
        assertThat(deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 1)).orElseThrow().dueAt()).isEqualTo(after.dueAt());
    }
}
