package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionClocks;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a suggestion: the voters whose opinions it took up are told the outcome, the reply is
 * published unless confidential, co-signers are answered individually, and a suggestion nobody
 * evaluated closes as deemed when the deputy's clock runs out, on the 2026 working-day calendar.
 */
@IntegrationTest
class SuggestionClosureIntegrationTests {

    static final String HOUSING = "花溪区住房和城乡建设局";
    static final String EDUCATION = "花溪区教育局";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    SuggestionService service;
    @Autowired
    OpinionService opinions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    AccountService accounts;
    @Autowired
    Deadlines deadlines;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    SuggestionPeople people;
    CivicUser deputy;
    CivicUser office;
    CivicUser unit;
    CivicUser unit2;
    CivicUser coSigner;
    long coSignerDeputyId;

    @BeforeEach
    void people() {
        people = new SuggestionPeople(jdbc, users, accounts);
        coSignerDeputyId = people.coSignerDeputyId();
        deputy = people.user("deputy");
        office = people.user("office");
        unit = people.user("unit");
        unit2 = people.user("unit2");
        coSigner = people.user(SuggestionPeople.CO_SIGNER);
    }

    static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    String status(long id) {
        return jdbc.sql("select status from suggestion where id = :id").param("id", id).query(String.class).single();
    }

    String opinionStatus(long id) {
        return jdbc.sql("select status from opinion where id = :id").param("id", id).query(String.class).single();
    }

    long staffMessages(String username, String key, long id) {
        return jdbc.sql("""
                        select count(*) from staff_message m join account a on a.id = m.account_id
                        where a.username = :u and m.message_key = :k and m.link = :link""")
                .param("u", username).param("k", key).param("link", "/suggestions/" + id).query(Long.class).single();
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }

    int statusOf(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }

    /**
     * Drafted (with the co-signer, who confirms), registered, assigned to the housing bureau (lead)
     * and the education bureau (co-unit); the co-unit sends its view, the lead replies with class B,
     * the office audits it and sends it to the deputy at {@code sentAt}.
     */
    long awaitingEvaluation(String title, boolean confidential, List<Long> linked, Instant sentAt) {
        long id = service.draft(new SuggestionDraft(title, "关于" + title + "的建议。", "URBAN", SubmissionPeriod.RECESS,
                List.of(coSignerDeputyId), linked), deputy);
        service.confirmCoSigning(id, coSigner);
        service.submit(id, deputy);
        service.register(id, "URBAN", true, confidential, office);
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(people.unitId(HOUSING), AssignmentRole.LEAD),
                new UnitRole(people.unitId(EDUCATION), AssignmentRole.CO)), office);
        service.sign(id, 2, unit2);
        service.sendView(id, 2, "协办意见：" + title + "，教育局内部意见不公开。", unit2);
        service.sign(id, 1, unit);
        service.reply(id, 1, "答复：" + title + "已列入今年计划，正在实施。", "B", unit);
        service.auditReply(id, 1, "B", office);
        service.sendForEvaluation(id, office, sentAt);
        return id;
    }

    @Test
    void linkedVotersAreToldTheOutcomeAndTheirStatusPageShowsItWithoutPersonalData() throws Exception {
        String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
        Opinion withPhone = people.acceptedOpinion(opinions, "青岩古镇停车难，节假日车辆乱停", phone);
        Opinion anonymous = people.acceptedOpinion(opinions, "古镇周边停车位太少", null);
        Opinion promoted = people.acceptedOpinion(opinions, "希望建设古镇游客停车场", null);
        // promoted (已转代表建议) before a promotion came only with a saved suggestion: a deputy may still take it up
        jdbc.sql("update opinion set status = 'IN_SUGGESTION' where id = :id").param("id", promoted.id()).update();
        Opinion notAccepted = opinions.submit(org.civicloop.opinions.domain.SubmitOpinion.of(org.civicloop.opinions.domain.Channel.ONLINE)
                .category("URBAN").content("还没有受理的意见").place(withPhone.placeCode(), null).build(), List.of());

        // an opinion not yet accepted cannot be linked, and the whole draft is refused with it
        assertThatThrownBy(() -> service.draft(new SuggestionDraft("不应保存的建议", "内容。", "URBAN", SubmissionPeriod.RECESS,
                List.of(), List.of(notAccepted.id())), deputy))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("opinion.error.link.notAccepted");
        assertThat(jdbc.sql("select count(*) from suggestion where title = '不应保存的建议'").query(Long.class).single()).isZero();

        String title = "建设青岩古镇游客停车场";
        long id = service.draft(new SuggestionDraft(title, "关于停车场的建议。", "URBAN", SubmissionPeriod.RECESS,
                List.of(coSignerDeputyId), SuggestionPeople.ids(withPhone, anonymous, promoted)), deputy);
        for (Opinion o : List.of(withPhone, anonymous, promoted)) {
            assertThat(opinionStatus(o.id())).isEqualTo("IN_SUGGESTION");
            assertThat(jdbc.sql("select suggestion_id from opinion where id = :id").param("id", o.id()).query(Long.class).single())
                    .isEqualTo(id);
        }
        // one opinion, one suggestion: another suggestion cannot take it too
        assertThatThrownBy(() -> service.draft(new SuggestionDraft("另一件建议", "内容。", "URBAN", SubmissionPeriod.RECESS,
                List.of(), List.of(withPhone.id())), deputy))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("opinion.error.link.taken");
        assertThat(page("/public/opinions/" + withPhone.receiptCode())).contains("纳入代表建议")
                .contains("您反映的问题已纳入人大代表建议").doesNotContain(title);

        service.confirmCoSigning(id, coSigner);
        service.submit(id, deputy);
        service.register(id, "URBAN", true, false, office);
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(people.unitId(HOUSING), AssignmentRole.LEAD),
                new UnitRole(people.unitId(EDUCATION), AssignmentRole.CO)), office);
        service.sign(id, 2, unit2);
        service.sendView(id, 2, "教育局协办意见：配合做好学生出行安全。", unit2);
        service.sign(id, 1, unit);
        service.reply(id, 1, "已选址古镇北入口，建设300个车位的停车场，年底前完工。", "B", unit);
        service.auditReply(id, 1, "B", office);
        service.sendForEvaluation(id, office);

        // 逐人答复: the lead deputy and the co-signer each hear that the reply is there, and both can read it
        assertThat(staffMessages("deputy", "suggestion.notice.sentForEvaluation", id)).isEqualTo(1);
        assertThat(staffMessages(SuggestionPeople.CO_SIGNER, "suggestion.notice.replyToCoSigner", id)).isEqualTo(1);
        assertThat(mvc.perform(get("/suggestions/" + id).with(user(coSigner))).andReturn().getResponse().getContentAsString())
                .contains("已选址古镇北入口").contains("/co-signer-opinion").doesNotContain("/evaluate\"");
        assertThat(mvc.perform(get("/suggestions/mine").with(user(coSigner))).andReturn().getResponse().getContentAsString())
                .contains(title).contains("联名");
        // the co-signer gives an opinion of their own; evaluating is the lead deputy's
        assertThatThrownBy(() -> service.evaluate(id, Evaluation.SATISFIED, null, coSigner)).isInstanceOf(AccessDeniedException.class);
        service.coSignerOpinion(id, Evaluation.BASICALLY_SATISFIED, "希望增加充电桩", coSigner);
        assertThat(status(id)).isEqualTo("AWAITING_EVALUATION");
        assertThat(jdbc.sql("select evaluation from suggestion_co_signer where suggestion_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("BASICALLY_SATISFIED");

        service.evaluate(id, Evaluation.SATISFIED, null, deputy);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(List.of(opinionStatus(withPhone.id()), opinionStatus(anonymous.id()), opinionStatus(promoted.id())))
                .containsOnly("CLOSED");

        // the voter who left a phone is told by SMS (masked in the log); the others left no contact
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        select count(*) from notification_log
                        where channel = 'SMS' and message_key = 'opinion.notice.suggestionClosed' and recipient = :r""")
                .param("r", masked).query(Long.class).single()).isEqualTo(1));

        // the receipt-code page: the suggestion's title, result class and published reply; nobody's personal data
        String status = page("/public/opinions/" + withPhone.receiptCode());
        assertThat(status).contains("纳入代表建议").contains(title).contains("B类：正在解决或者列入规划逐步解决")
                .contains("已选址古镇北入口，建设300个车位的停车场，年底前完工。").contains("代表建议已办结")
                .doesNotContain(phone).doesNotContain("张三").doesNotContain("教育局协办意见").doesNotContain("希望增加充电桩");

        // the public page of the suggestion: deputy's and units' names, class, reply; not the co-unit's internal view
        String published = page("/public/suggestions/" + id);
        assertThat(published).contains(title).contains("王建国").contains(HOUSING).contains("B类")
                .contains("已选址古镇北入口").doesNotContain("教育局协办意见").doesNotContain(phone).doesNotContain("张三");
        assertThat(page("/public/suggestions")).contains(title);
        Instant closedAt = jdbc.sql("select closed_at from suggestion where id = :id").param("id", id).query(Instant.class).single();
        // keyset paging: the page after this suggestion does not hold it
        assertThat(mvc.perform(get("/public/suggestions").param("beforeAt", closedAt.toString()).param("beforeId", Long.toString(id)))
                .andReturn().getResponse().getContentAsString()).doesNotContain(title);
        assertThat(mvc.perform(get("/suggestions/" + id).with(user(deputy))).andReturn().getResponse().getContentAsString())
                .contains("/public/suggestions/" + id);
    }

    @Test
    void aConfidentialSuggestionIsNeverPublishedAndItsVotersLearnOnlyThatItClosed() throws Exception {
        Opinion linked = people.acceptedOpinion(opinions, "涉及军事设施周边的问题", null);
        String title = "关于某涉密事项的建议";
        long id = awaitingEvaluation(title, true, List.of(linked.id()), Instant.now());
        assertThat(statusOf("/public/suggestions/" + id)).as("not closed yet").isEqualTo(404);
        assertThat(mvc.perform(get("/suggestions/" + id).with(user(office))).andReturn().getResponse().getContentAsString())
                .contains("涉密").contains("涉密建议：办结后答复不公开。");
        service.evaluate(id, Evaluation.SATISFIED, null, deputy);
        assertThat(status(id)).isEqualTo("CLOSED");

        assertThat(statusOf("/public/suggestions/" + id)).isEqualTo(404);
        assertThat(page("/public/suggestions")).doesNotContain(title);
        assertThat(mvc.perform(get("/suggestions/" + id).with(user(deputy))).andReturn().getResponse().getContentAsString())
                .contains("涉密建议，答复不公开。").doesNotContain("/public/suggestions/" + id);
        String status = page("/public/opinions/" + linked.receiptCode());
        assertThat(status).contains("纳入代表建议").contains("该建议按规定不公开答复内容。")
                .doesNotContain(title).doesNotContain("已列入今年计划");
        assertThat(opinionStatus(linked.id())).isEqualTo("CLOSED");
    }

    @Test
    void aRefusedSuggestionGivesItsOpinionsBackToTheOffice() throws Exception {
        Opinion linked = people.acceptedOpinion(opinions, "希望帮忙解决家属就业", null);
        long id = service.draft(new SuggestionDraft("关于家属就业的建议", "内容。", "OTHER", SubmissionPeriod.RECESS,
                List.of(), List.of(linked.id())), deputy);
        service.submit(id, deputy);
        assertThat(opinionStatus(linked.id())).isEqualTo("IN_SUGGESTION");
        service.notRegister(id, "属于个人事项，转来信处理", office);
        assertThat(jdbc.sql("select status || ' ' || coalesce(suggestion_id::text, '-') from opinion where id = :id")
                .param("id", linked.id()).query(String.class).single()).isEqualTo("ACCEPTED -");
        assertThat(page("/public/opinions/" + linked.receiptCode())).contains("代表建议未立案，重新受理")
                .doesNotContain("id=\"suggestion-outcome\"");
        // the office may route it now, or another suggestion may take it up
        long again = service.draft(new SuggestionDraft("另一件合适的建议", "内容。", "OTHER", SubmissionPeriod.RECESS,
                List.of(), List.of(linked.id())), deputy);
        assertThat(jdbc.sql("select suggestion_id from opinion where id = :id").param("id", linked.id()).query(Long.class).single())
                .isEqualTo(again);
    }

    /**
     * The 2026 official calendar (deadlines module, V4): Spring Festival holiday 15–23 February;
     * make-up working Saturdays 14 and 28 February. Assigned on Thursday 12 February at 10:00.
     */
    @Test
    void deadlinesRunOnTheWorkingDayCalendarAcrossTheSpringFestivalAndItsMakeUpSaturdays() {
        long id = service.draft(new SuggestionDraft("春节前交办的建议", "内容。", "URBAN", SubmissionPeriod.SESSION,
                List.of(), List.of()), deputy);
        service.submit(id, deputy);
        service.register(id, "URBAN", false, false, office);
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(people.unitId(HOUSING), AssignmentRole.LEAD),
                new UnitRole(people.unitId(EDUCATION), AssignmentRole.CO)), office, at("2026-02-12T10:00:00"));

        // return request, 7 working days after Thu 12 Feb (the day itself does not count):
        //   1 Fri 13 Feb, 2 Sat 14 Feb (make-up), [15–23 Feb holiday], 3 Tue 24, 4 Wed 25, 5 Thu 26, 6 Fri 27,
        //   7 Sat 28 Feb (make-up)  → ends Saturday 28 February 2026
        ClockView window = deadlines.find(SuggestionClocks.RETURN_WINDOW, SuggestionClocks.key(id, 1)).orElseThrow();
        assertThat(window.dueAt().atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(window.dueAt().atZone(SHANGHAI).toLocalTime().getHour()).isEqualTo(23);
        // reply: 3 calendar months → 12 May; co-unit's view: 1 calendar month → 12 March
        assertThat(deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 1)).orElseThrow().dueAt()
                .atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(deadlines.find(SuggestionClocks.ASSIGNMENT, SuggestionClocks.key(id, 2)).orElseThrow().dueAt()
                .atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 12));

        // on the make-up Saturday itself a return may still be asked for; the next morning it may not
        assertThatThrownBy(() -> service.requestReturn(id, 2, "不属于本单位职责", unit2, at("2026-03-01T09:00:00")))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("suggestion.error.returnWindowClosed");
        service.requestReturn(id, 1, "不属于本单位职责", unit, at("2026-02-28T17:00:00"));
        assertThat(jdbc.sql("select status from suggestion_assignment where suggestion_id = :id and seq = 1").param("id", id)
                .query(String.class).single()).isEqualTo("RETURN_REQUESTED");
    }

    /**
     * The deputy's evaluation, 20 working days after the replies are sent on Friday 13 February 2026:
     *   1 Sat 14 Feb (make-up), [15–23 Feb holiday], 2 Tue 24, 3 Wed 25, 4 Thu 26, 5 Fri 27, 6 Sat 28 (make-up),
     *   7 Mon 2 Mar, 8 Tue 3, 9 Wed 4, 10 Thu 5, 11 Fri 6, 12 Mon 9, 13 Tue 10, 14 Wed 11, 15 Thu 12, 16 Fri 13,
     *   17 Mon 16, 18 Tue 17, 19 Wed 18, 20 Thu 19 March  → due at the end of Thursday 19 March 2026.
     */
    @Test
    void aSuggestionNobodyEvaluatedClosesAsDeemedSatisfiedOnceTheTwentyWorkingDaysHavePassed() {
        Opinion linked = people.acceptedOpinion(opinions, "逾期未评价用例的群众意见", null);
        long id = awaitingEvaluation("春节前答复的建议", false, List.of(linked.id()), at("2026-02-13T16:00:00"));
        ClockView feedback = deadlines.find(SuggestionClocks.FEEDBACK, Long.toString(id)).orElseThrow();
        assertThat(feedback.dueAt().atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 19));

        assertThat(service.closeUnevaluated(id, at("2026-03-19T23:00:00"))).as("still the last day").isFalse();
        assertThat(status(id)).isEqualTo("AWAITING_EVALUATION");
        assertThat(service.closeUnevaluated(id, at("2026-03-20T00:00:01"))).isTrue();
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select evaluation || ' ' || evaluation_deemed || ' ' || (evaluated_at = :at) from suggestion where id = :id")
                .param("id", id).param("at", java.sql.Timestamp.from(at("2026-03-20T00:00:01"))).query(String.class).single())
                .isEqualTo("SATISFIED true true");
        assertThat(service.closeUnevaluated(id, at("2026-03-21T00:00:00"))).as("once only").isFalse();

        assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'suggestion' and subject_id = :id and action = 'suggestion.closedUnevaluated'")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from suggestion_step where suggestion_id = :id and kind = 'suggestion.closedUnevaluated'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(deadlines.find(SuggestionClocks.FEEDBACK, Long.toString(id)).orElseThrow().status().name()).isEqualTo("STOPPED");
        assertThat(staffMessages("deputy", "suggestion.notice.closedUnevaluated", id)).isEqualTo(1);
        assertThat(opinionStatus(linked.id())).as("the linked voter's opinion closes with it").isEqualTo("CLOSED");
        // the deputy can no longer evaluate it
        assertThatThrownBy(() -> service.evaluate(id, Evaluation.DISSATISFIED, null, deputy))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
    }

    @Test
    void theFeedbackClocksMissedDeadlineClosesTheSuggestionByItself() {
        long id = awaitingEvaluation("无人评价的建议", false, List.of(), at("2026-02-13T16:00:00"));
        long evaluated = awaitingEvaluation("已评价的建议", false, List.of(), at("2026-02-13T16:00:00"));
        service.evaluate(evaluated, Evaluation.BASICALLY_SATISFIED, null, deputy);
        Instant due = deadlines.find(SuggestionClocks.FEEDBACK, Long.toString(id)).orElseThrow().dueAt();
        List<Object> missed = new ArrayList<>(List.of(new DeadlineMissed(SuggestionClocks.FEEDBACK, Long.toString(id), due),
                new DeadlineMissed(SuggestionClocks.FEEDBACK, Long.toString(evaluated), due)));
        tx.executeWithoutResult(s -> missed.forEach(events::publishEvent));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(id)).isEqualTo("CLOSED"));
        assertThat(jdbc.sql("select evaluation_deemed from suggestion where id = :id").param("id", id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select evaluation || ' ' || evaluation_deemed from suggestion where id = :id").param("id", evaluated)
                .query(String.class).single()).as("a real evaluation stays real").isEqualTo("BASICALLY_SATISFIED false");
    }

}
