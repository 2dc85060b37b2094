package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.ContactStage;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every transition of a suggestion and of its assignments, tried by every role: the lead deputy,
 * a co-signing deputy, the congress office, the lead unit, the co-unit, another unit, a leader.
 * Exactly the role that may act moves it; everyone else is answered 404 (they may not see it, or
 * it is another unit's assignment) or 403 (they see it but may not act), and nothing changes. Then
 * the same action in the wrong state is refused with 409 even for the right role.
 *
 * <p>Expected answers are written per role as {@code role=code}: {@code ok}, {@code 403}, {@code 404},
 * {@code 409}, {@code 400}.
 */
@IntegrationTest
class SuggestionTransitionsByRoleIntegrationTests {

    static final String HOUSING = "花溪区住房和城乡建设局";
    static final String EDUCATION = "花溪区教育局";

    @Autowired
    SuggestionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    AccountService accounts;

    Map<String, CivicUser> who;
    long coSignerDeputyId;
    SuggestionPeople people;

    @BeforeEach
    void people() {
        people = new SuggestionPeople(jdbc, users, accounts);
        coSignerDeputyId = people.coSignerDeputyId();
        who = new LinkedHashMap<>();
        who.put("deputy", people.user("deputy"));
        who.put("coSigner", people.user(SuggestionPeople.CO_SIGNER));
        who.put("office", people.user("office"));
        who.put("leadUnit", people.user("unit"));
        who.put("coUnit", people.user("unit2"));
        who.put("otherUnit", people.otherUnitUser());
        who.put("leader", people.user("leader"));
    }

    /** The answer an action gets: ok, or the HTTP status its refusal becomes. */
    static String answer(Runnable action) {
        try {
            action.run();
            return "ok";
        } catch (NotFoundException e) {
            return "404";
        } catch (AccessDeniedException e) {
            return "403";
        } catch (BusinessException e) {
            return Integer.toString(e.status());
        }
    }

    String snapshot(long id) {
        return jdbc.sql("""
                select s.status || '/' || s.version || '/' || coalesce((select string_agg(a.status || a.round, ',' order by a.seq)
                       from suggestion_assignment a where a.suggestion_id = s.id), '')
                       || '/' || (select count(*) from suggestion_co_signer c where c.suggestion_id = s.id and c.confirmed_at is not null)
                  from suggestion s where s.id = :id""").param("id", id).query(String.class).single();
    }

    String status(long id) {
        return jdbc.sql("select status from suggestion where id = :id").param("id", id).query(String.class).single();
    }

    String assignment(long id, int seq) {
        return jdbc.sql("select status from suggestion_assignment where suggestion_id = :id and seq = :seq")
                .param("id", id).param("seq", seq).query(String.class).single();
    }

    /**
     * Tries {@code action} on suggestion {@code id} as every role: refused ones first (checking that
     * nothing changed), then the one whose expectation is {@code ok}.
     */
    void tryAll(String what, long id, String expected, Consumer<CivicUser> action) {
        Map<String, String> want = new LinkedHashMap<>();
        for (String pair : expected.trim().split("\\s+")) {
            String[] kv = pair.split("=");
            want.put(kv[0], kv[1]);
        }
        assertThat(want.keySet()).as(what + ": every role has an expectation").containsExactlyInAnyOrderElementsOf(who.keySet());
        String allowed = null;
        for (var e : want.entrySet()) {
            if (e.getValue().equals("ok")) {
                allowed = e.getKey();
                continue;
            }
            String before = snapshot(id);
            CivicUser u = who.get(e.getKey());
            assertThat(answer(() -> action.accept(u))).as(what + " by " + e.getKey()).isEqualTo(e.getValue());
            assertThat(snapshot(id)).as(what + " refused to " + e.getKey() + " changes nothing").isEqualTo(before);
        }
        if (allowed != null) {
            CivicUser u = who.get(allowed);
            assertThat(answer(() -> action.accept(u))).as(what + " by " + allowed).isEqualTo("ok");
        }
    }

    /** Tries an action by its rightful role in a state that does not allow it: 409, nothing changes. */
    void refusedInState(String what, long id, String role, Consumer<CivicUser> action) {
        String before = snapshot(id);
        assertThat(answer(() -> action.accept(who.get(role)))).as(what + " in state " + status(id)).isEqualTo("409");
        assertThat(snapshot(id)).isEqualTo(before);
    }

    long draft(String title) {
        return service.draft(new SuggestionDraft(title, "内容：" + title, "URBAN", SubmissionPeriod.RECESS,
                List.of(coSignerDeputyId), List.of()), who.get("deputy"));
    }

    long submitted(String title) {
        long id = draft(title);
        service.confirmCoSigning(id, who.get("coSigner"));
        service.submit(id, who.get("deputy"));
        return id;
    }

    long assigned(String title) {
        long id = submitted(title);
        service.register(id, "URBAN", false, false, who.get("office"));
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(people.unitId(HOUSING), AssignmentRole.LEAD),
                new UnitRole(people.unitId(EDUCATION), AssignmentRole.CO)), who.get("office"));
        return id;
    }

    @Test
    void draftingConfirmingAndSubmittingBelongToTheDeputies() {
        long id = draft("角色测试：起草与提交");
        refusedInState("register a draft", id, "office", u -> service.register(id, "URBAN", false, false, u));
        tryAll("edit", id, "deputy=ok coSigner=403 office=403 leadUnit=404 coUnit=404 otherUnit=404 leader=403",
                u -> service.edit(id, new SuggestionDraft("角色测试：起草与提交", "修改后的内容", "URBAN", SubmissionPeriod.RECESS,
                        List.of(coSignerDeputyId), List.of()), u));
        refusedInState("submit before the co-signer confirms", id, "deputy", u -> service.submit(id, u));
        tryAll("confirm co-signing", id, "deputy=403 coSigner=ok office=403 leadUnit=404 coUnit=404 otherUnit=404 leader=403",
                u -> service.confirmCoSigning(id, u));
        tryAll("submit", id, "deputy=ok coSigner=403 office=403 leadUnit=404 coUnit=404 otherUnit=404 leader=403",
                u -> service.submit(id, u));
        assertThat(status(id)).isEqualTo("SUBMITTED");
        refusedInState("submit twice", id, "deputy", u -> service.submit(id, u));
        refusedInState("confirm after submission", id, "coSigner", u -> service.confirmCoSigning(id, u));
        refusedInState("edit after submission", id, "deputy", u -> service.edit(id, new SuggestionDraft("x", "y", "URBAN",
                SubmissionPeriod.RECESS, List.of(), List.of()), u));
    }

    @Test
    void reviewBelongsToTheOffice() {
        long returned = submitted("角色测试：退回修改");
        tryAll("return for revision", returned, "deputy=403 coSigner=403 office=ok leadUnit=404 coUnit=404 otherUnit=404 leader=403",
                u -> service.returnForRevision(returned, "请一事一议", u));
        assertThat(status(returned)).isEqualTo("RETURNED");
        refusedInState("register a returned one", returned, "office", u -> service.register(returned, "URBAN", false, false, u));
        // the deputy revises (a changed text needs the co-signer's confirmation again), then submits again
        service.edit(returned, new SuggestionDraft("角色测试：退回修改", "只谈一件事", "URBAN", SubmissionPeriod.RECESS,
                List.of(coSignerDeputyId), List.of()), who.get("deputy"));
        refusedInState("resubmit before the co-signer confirms the new text", returned, "deputy", u -> service.submit(returned, u));
        service.confirmCoSigning(returned, who.get("coSigner"));
        tryAll("resubmit", returned, "deputy=ok coSigner=403 office=403 leadUnit=404 coUnit=404 otherUnit=404 leader=403",
                u -> service.submit(returned, u));

        long refused = submitted("角色测试：不予立案");
        tryAll("not register", refused, "deputy=403 coSigner=403 office=ok leadUnit=404 coUnit=404 otherUnit=404 leader=403",
                u -> service.notRegister(refused, "属于个人事项", u));
        assertThat(status(refused)).isEqualTo("NOT_REGISTERED");
        refusedInState("register a refused one", refused, "office", u -> service.register(refused, "URBAN", false, false, u));
        refusedInState("return a refused one", refused, "office", u -> service.returnForRevision(refused, "x", u));

        tryAll("register", returned, "deputy=403 coSigner=403 office=ok leadUnit=404 coUnit=404 otherUnit=404 leader=403",
                u -> service.register(returned, "URBAN", true, false, u));
        assertThat(status(returned)).isEqualTo("REGISTERED");
        refusedInState("register twice", returned, "office", u -> service.register(returned, "URBAN", true, false, u));
        refusedInState("send for evaluation unassigned", returned, "office", u -> service.sendForEvaluation(returned, u));
        tryAll("assign", returned, "deputy=403 coSigner=403 office=ok leadUnit=404 coUnit=404 otherUnit=404 leader=403",
                u -> service.assign(returned, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(people.unitId(HOUSING), AssignmentRole.LEAD),
                        new UnitRole(people.unitId(EDUCATION), AssignmentRole.CO)), u));
        assertThat(status(returned)).isEqualTo("ASSIGNED");
    }

    @Test
    void handlingBelongsToEachUnitForItsOwnAssignmentAndAuditToTheOffice() {
        long id = assigned("角色测试：办理与答复");
        refusedInState("reply before signing", id, "leadUnit", u -> service.reply(id, 1, "答复", "A", u));
        refusedInState("extension before signing", id, "leadUnit",
                u -> service.requestExtension(id, 1, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(4), "理由", u));
        tryAll("sign the lead assignment", id, "deputy=404 coSigner=404 office=404 leadUnit=ok coUnit=404 otherUnit=404 leader=404",
                u -> service.sign(id, 1, u));
        tryAll("sign the co-assignment", id, "deputy=404 coSigner=404 office=404 leadUnit=404 coUnit=ok otherUnit=404 leader=404",
                u -> service.sign(id, 2, u));
        refusedInState("sign twice", id, "leadUnit", u -> service.sign(id, 1, u));
        refusedInState("a co-unit replying to the deputy", id, "coUnit", u -> service.reply(id, 2, "答复", "A", u));
        refusedInState("a lead unit sending a co-unit's view", id, "leadUnit", u -> service.sendView(id, 1, "意见", u));
        tryAll("record a contact", id, "deputy=404 coSigner=404 office=404 leadUnit=ok coUnit=404 otherUnit=404 leader=404",
                u -> service.recordContact(id, 1, ContactStage.BEFORE, true, "当面沟通", u));
        tryAll("send the co-unit's view", id, "deputy=404 coSigner=404 office=404 leadUnit=404 coUnit=ok otherUnit=404 leader=404",
                u -> service.sendView(id, 2, "协办意见", u));
        assertThat(assignment(id, 2)).isEqualTo("VIEW_SENT");
        refusedInState("audit before any reply", id, "office", u -> service.auditReply(id, 1, "A", u));
        tryAll("reply", id, "deputy=404 coSigner=404 office=404 leadUnit=ok coUnit=404 otherUnit=404 leader=404",
                u -> service.reply(id, 1, "已办理。", "B", u));
        refusedInState("send for evaluation before the audit", id, "office", u -> service.sendForEvaluation(id, u));
        refusedInState("evaluate before it is sent", id, "deputy", u -> service.evaluate(id, Evaluation.SATISFIED, null, u));
        tryAll("audit the reply", id, "deputy=403 coSigner=403 office=ok leadUnit=403 coUnit=403 otherUnit=404 leader=403",
                u -> service.auditReply(id, 1, "A", u));
        assertThat(status(id)).isEqualTo("REPLIED");
        refusedInState("audit twice", id, "office", u -> service.auditReply(id, 1, "B", u));
        refusedInState("co-signer's opinion before the reply is sent", id, "coSigner",
                u -> service.coSignerOpinion(id, Evaluation.SATISFIED, null, u));
        tryAll("send for evaluation", id, "deputy=403 coSigner=403 office=ok leadUnit=403 coUnit=403 otherUnit=404 leader=403",
                u -> service.sendForEvaluation(id, u));
        assertThat(status(id)).isEqualTo("AWAITING_EVALUATION");
        tryAll("co-signer's own opinion", id, "deputy=403 coSigner=ok office=403 leadUnit=403 coUnit=403 otherUnit=404 leader=403",
                u -> service.coSignerOpinion(id, Evaluation.BASICALLY_SATISFIED, null, u));
        tryAll("evaluate dissatisfied", id, "deputy=ok coSigner=403 office=403 leadUnit=403 coUnit=403 otherUnit=404 leader=403",
                u -> service.evaluate(id, Evaluation.DISSATISFIED, "没有解决", u));
        assertThat(status(id)).isEqualTo("REHANDLING");
        assertThat(assignment(id, 1)).as("the lead unit works again").isEqualTo("SIGNED");
        assertThat(assignment(id, 2)).as("the co-unit's view stands").isEqualTo("VIEW_SENT");
        tryAll("reply again", id, "deputy=404 coSigner=404 office=404 leadUnit=ok coUnit=404 otherUnit=404 leader=404",
                u -> service.reply(id, 1, "第二次答复。", "A", u));
        service.auditReply(id, 1, "A", who.get("office"));
        service.sendForEvaluation(id, who.get("office"));
        tryAll("evaluate satisfied", id, "deputy=ok coSigner=403 office=403 leadUnit=403 coUnit=403 otherUnit=404 leader=403",
                u -> service.evaluate(id, Evaluation.SATISFIED, null, u));
        assertThat(status(id)).isEqualTo("CLOSED");
        refusedInState("evaluate a closed one", id, "deputy", u -> service.evaluate(id, Evaluation.DISSATISFIED, null, u));
        refusedInState("reply to a closed one", id, "leadUnit", u -> service.reply(id, 1, "再答复", "A", u));
        refusedInState("assign a closed one", id, "office", u -> service.assign(id, HandlingMode.LEAD_AND_CO,
                List.of(new UnitRole(people.unitId(HOUSING), AssignmentRole.LEAD)), u));
    }

    @Test
    void returnsAndExtensionsAreAskedByTheUnitAndDecidedByTheOffice() {
        long id = assigned("角色测试：退办与延期");
        refusedInState("decide a return nobody asked for", id, "office", u -> service.decideReturn(id, 2, true, u));
        tryAll("ask to return", id, "deputy=404 coSigner=404 office=404 leadUnit=404 coUnit=ok otherUnit=404 leader=404",
                u -> service.requestReturn(id, 2, "不属于本单位职责", u));
        assertThat(assignment(id, 2)).isEqualTo("RETURN_REQUESTED");
        tryAll("approve the return", id, "deputy=403 coSigner=403 office=ok leadUnit=403 coUnit=403 otherUnit=404 leader=403",
                u -> service.decideReturn(id, 2, true, u));
        assertThat(assignment(id, 2)).isEqualTo("RETURNED");
        refusedInState("sign a returned assignment", id, "coUnit", u -> service.sign(id, 2, u));

        service.sign(id, 1, who.get("leadUnit"));
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(5);
        tryAll("ask for an extension", id, "deputy=404 coSigner=404 office=404 leadUnit=ok coUnit=404 otherUnit=404 leader=404",
                u -> service.requestExtension(id, 1, due, "需要协调资金", u));
        assertThat(assignment(id, 1)).isEqualTo("EXTENSION_REQUESTED");
        refusedInState("reply while the extension is pending", id, "leadUnit", u -> service.reply(id, 1, "答复", "A", u));
        tryAll("decline the extension", id, "deputy=403 coSigner=403 office=ok leadUnit=403 coUnit=403 otherUnit=404 leader=403",
                u -> service.decideExtension(id, 1, false, u));
        assertThat(assignment(id, 1)).isEqualTo("SIGNED");
        refusedInState("decide an extension twice", id, "office", u -> service.decideExtension(id, 1, true, u));
    }
}
