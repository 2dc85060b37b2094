package org.civicloop.suggestions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.junit.jupiter.api.Test;

/**
 * What each viewer is offered on a suggestion's page, in memory: the aggregate moved by its own
 * methods, the rules written out by hand from the roles (domain research 1.2) for every status that
 * matters. The last test tries every offered action on the aggregate, so that a page never offers
 * what the move then refuses.
 */
class SuggestionPermissionsTests {

    static final long LEAD = 1;
    static final long CO_SIGNER = 2;
    static final long OTHER = 3;
    static final long HOUSING = 10;
    static final long EDUCATION = 20;
    static final long TRANSPORT = 30;
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    static final Viewer LEAD_DEPUTY = new Viewer("lead deputy", user(1, Role.DEPUTY, null), LEAD);
    static final Viewer CO_SIGNING_DEPUTY = new Viewer("co-signer", user(2, Role.DEPUTY, null), CO_SIGNER);
    static final Viewer OTHER_DEPUTY = new Viewer("another deputy", user(3, Role.DEPUTY, null), OTHER);
    static final Viewer DEPUTY_WITHOUT_RECORD = new Viewer("deputy account without a record", user(4, Role.DEPUTY, null), null);
    static final Viewer OFFICE = new Viewer("office", user(5, Role.CONGRESS_OFFICE, null), null);
    static final Viewer HOUSING_UNIT = new Viewer("housing (lead unit)", user(6, Role.HANDLING_UNIT, HOUSING), null);
    static final Viewer EDUCATION_UNIT = new Viewer("education (co-unit)", user(7, Role.HANDLING_UNIT, EDUCATION), null);
    static final Viewer TRANSPORT_UNIT = new Viewer("transport (not assigned)", user(8, Role.HANDLING_UNIT, TRANSPORT), null);
    static final Viewer LEADER = new Viewer("leader", user(9, Role.LEADER, null), null);
    static final Viewer ADMIN = new Viewer("admin", user(10, Role.ADMIN, null), null);
    static final List<Viewer> EVERYONE = List.of(LEAD_DEPUTY, CO_SIGNING_DEPUTY, OTHER_DEPUTY, DEPUTY_WITHOUT_RECORD, OFFICE,
            HOUSING_UNIT, EDUCATION_UNIT, TRANSPORT_UNIT, LEADER, ADMIN);

    final SuggestionPermissions permissions = new SuggestionPermissions();

    record Viewer(String name, CivicUser user, Long deputyId) {
        @Override
        public String toString() {
            return name;
        }
    }

    // ---------------------------------------------------------------- the suggestion at each stage

    static Suggestion draft() {
        return Suggestion.draft(100, LEAD, new SuggestionDraft("title", "content", "URBAN", SubmissionPeriod.RECESS,
                List.of(CO_SIGNER), List.of()), NOW);
    }

    static Suggestion confirmed() {
        Suggestion s = draft();
        s.confirmCoSigning(CO_SIGNER, NOW);
        return s;
    }

    static Suggestion submitted() {
        Suggestion s = confirmed();
        s.submit(NOW);
        return s;
    }

    static Suggestion returnedForRevision() {
        Suggestion s = submitted();
        s.returnForRevision("please split it", NOW);
        return s;
    }

    static Suggestion notRegistered() {
        Suggestion s = submitted();
        s.notRegister("a personal matter", NOW);
        return s;
    }

    static Suggestion registered() {
        Suggestion s = submitted();
        s.register("URBAN", false, false, NOW);
        return s;
    }

    /** Housing leads (assignment 1), education helps (assignment 2). */
    static Suggestion assigned() {
        Suggestion s = registered();
        s.assign(HandlingMode.LEAD_AND_CO, List.of(new UnitRole(HOUSING, AssignmentRole.LEAD), new UnitRole(EDUCATION, AssignmentRole.CO)), NOW);
        return s;
    }

    static Suggestion signed() {
        Suggestion s = assigned();
        s.sign(1, NOW);
        s.sign(2, NOW);
        return s;
    }

    static Suggestion returnRequested() {
        Suggestion s = signed();
        s.requestReturn(1, "not ours", NOW);
        return s;
    }

    static Suggestion returnApproved() {
        Suggestion s = returnRequested();
        s.decideReturn(1, true, NOW);
        return s;
    }

    static Suggestion extensionRequested() {
        Suggestion s = signed();
        s.requestExtension(1, LocalDate.of(2026, 6, 1), "needs a budget", LocalDate.of(2026, 9, 1), NOW);
        return s;
    }

    static Suggestion repliedNotAudited() {
        Suggestion s = signed();
        s.sendView(2, "our view", NOW);
        s.reply(1, "our reply", "A", NOW);
        return s;
    }

    static Suggestion replied() {
        Suggestion s = repliedNotAudited();
        s.auditReply(1, "B", NOW);
        return s;
    }

    static Suggestion awaitingEvaluation() {
        Suggestion s = replied();
        s.sendForEvaluation(NOW);
        return s;
    }

    static Suggestion closed() {
        Suggestion s = awaitingEvaluation();
        s.evaluate(Evaluation.SATISFIED, null, 1, NOW);
        return s;
    }

    static Suggestion rehandling() {
        Suggestion s = awaitingEvaluation();
        s.evaluate(Evaluation.DISSATISFIED, null, 1, NOW);
        return s;
    }

    // ---------------------------------------------------------------- offered actions, by hand

    /** The names of the suggestion's own actions offered to this viewer. */
    private Set<String> offered(Viewer v, Suggestion s) {
        SuggestionActions a = permissions.actionsFor(v.user(), v.deputyId(), s, Set.of());
        return named(Map.of("edit", a.edit(), "submit", a.submit(), "sendCoSignLinks", a.sendCoSignLinks(), "confirm", a.confirm(),
                "review", a.review(), "assign", a.assign(), "sendForEvaluation", a.sendForEvaluation(), "evaluate", a.evaluate(),
                "coSignerOpinion", a.coSignerOpinion()));
    }

    /** The names of the actions on assignment {@code seq} offered to this viewer. */
    private Set<String> offered(Viewer v, Suggestion s, int seq) {
        SuggestionActions.AssignmentActions a = permissions.actionsFor(v.user(), v.deputyId(), s, Set.of()).on(seq);
        return named(Map.of("sign", a.sign(), "requestReturn", a.requestReturn(), "requestExtension", a.requestExtension(),
                "sendView", a.sendView(), "reply", a.reply(), "recordContact", a.recordContact(), "decideReturn", a.decideReturn(),
                "decideExtension", a.decideExtension(), "audit", a.audit()));
    }

    private static Set<String> named(Map<String, Boolean> offered) {
        Set<String> names = new TreeSet<>();
        offered.forEach((name, on) -> {
            if (on) {
                names.add(name);
            }
        });
        return names;
    }

    private void nobodyElseMayDoAnything(Suggestion s, Viewer... except) {
        for (Viewer v : EVERYONE) {
            if (!List.of(except).contains(v)) {
                assertThat(permissions.actionsFor(v.user(), v.deputyId(), s, Set.of()).any()).as(v + " in " + s.status()).isFalse();
            }
        }
    }

    @Test
    void aDraftIsTheLeadDeputysToEditAndSubmitAndTheCoSignersToConfirm() {
        Suggestion s = draft();
        assertThat(offered(LEAD_DEPUTY, s)).containsExactly("edit", "sendCoSignLinks", "submit");
        assertThat(offered(CO_SIGNING_DEPUTY, s)).containsExactly("confirm");
        assertThat(offered(OFFICE, s)).as("the office may send the co-signers their links").containsExactly("sendCoSignLinks");
        nobodyElseMayDoAnything(s, LEAD_DEPUTY, CO_SIGNING_DEPUTY, OFFICE);
    }

    @Test
    void onceEveryCoSignerConfirmedNobodyIsAskedAgain() {
        Suggestion s = confirmed();
        assertThat(offered(LEAD_DEPUTY, s)).containsExactly("edit", "submit");
        nobodyElseMayDoAnything(s, LEAD_DEPUTY);
    }

    @Test
    void aSuggestionReturnedForRevisionIsTheLeadDeputysAgain() {
        Suggestion s = returnedForRevision();
        assertThat(offered(LEAD_DEPUTY, s)).containsExactly("edit", "submit");
        nobodyElseMayDoAnything(s, LEAD_DEPUTY);
    }

    @Test
    void theOfficeReviewsASubmittedSuggestionAndThenAssignsIt() {
        Suggestion s = submitted();
        assertThat(offered(OFFICE, s)).containsExactly("review");
        nobodyElseMayDoAnything(s, OFFICE);

        s = registered();
        assertThat(offered(OFFICE, s)).containsExactly("assign");
        nobodyElseMayDoAnything(s, OFFICE);
    }

    @Test
    void aSuggestionNotRegisteredOffersNothing() {
        nobodyElseMayDoAnything(notRegistered());
    }

    @Test
    void assignedUnitsSignTheirOwnAssignmentOrAskToReturnIt() {
        Suggestion s = assigned();
        assertThat(offered(HOUSING_UNIT, s, 1)).containsExactly("recordContact", "requestReturn", "sign");
        assertThat(offered(HOUSING_UNIT, s, 2)).as("another unit's assignment").isEmpty();
        assertThat(offered(EDUCATION_UNIT, s, 2)).containsExactly("recordContact", "requestReturn", "sign");
        assertThat(offered(EDUCATION_UNIT, s, 1)).isEmpty();
        assertThat(offered(OFFICE, s)).as("more units, in the same mode").containsExactly("assign");
        assertThat(offered(OFFICE, s, 1)).isEmpty();
        nobodyElseMayDoAnything(s, HOUSING_UNIT, EDUCATION_UNIT, OFFICE);
    }

    @Test
    void signedTheLeadUnitRepliesAndTheCoUnitSendsItsView() {
        Suggestion s = signed();
        assertThat(offered(HOUSING_UNIT, s, 1)).containsExactly("recordContact", "reply", "requestExtension", "requestReturn");
        assertThat(offered(EDUCATION_UNIT, s, 2)).containsExactly("recordContact", "requestExtension", "requestReturn", "sendView");
        assertThat(offered(OFFICE, s, 1)).isEmpty();
        assertThat(offered(OFFICE, s, 2)).isEmpty();
    }

    @Test
    void onceItsReturnWindowHasClosedAUnitIsNoLongerOfferedToAskForAReturn() {
        Suggestion s = signed();
        SuggestionActions can = permissions.actionsFor(HOUSING_UNIT.user(), null, s, Set.of(1));
        assertThat(can.on(1).requestReturn()).isFalse();
        assertThat(can.on(1).reply()).isTrue();
        assertThat(permissions.actionsFor(EDUCATION_UNIT.user(), null, s, Set.of(1)).on(2).requestReturn())
                .as("the other assignment's window is still open").isTrue();
    }

    @Test
    void theOfficeDecidesAReturnRequestAndTheUnitWaits() {
        Suggestion s = returnRequested();
        assertThat(offered(OFFICE, s, 1)).containsExactly("decideReturn");
        assertThat(offered(HOUSING_UNIT, s, 1)).as("waiting: only talking with the deputy").containsExactly("recordContact");

        s = returnApproved();
        assertThat(offered(OFFICE, s, 1)).isEmpty();
        assertThat(offered(HOUSING_UNIT, s, 1)).as("a unit let go does nothing more").isEmpty();
    }

    @Test
    void theOfficeDecidesAnExtensionRequest() {
        Suggestion s = extensionRequested();
        assertThat(offered(OFFICE, s, 1)).containsExactly("decideExtension");
        assertThat(offered(HOUSING_UNIT, s, 1)).containsExactly("recordContact");
    }

    @Test
    void theOfficeAuditsAReplyThenSendsItForEvaluation() {
        Suggestion s = repliedNotAudited();
        assertThat(offered(OFFICE, s, 1)).containsExactly("audit");
        assertThat(offered(OFFICE, s, 2)).as("a co-unit's view is not audited").isEmpty();
        assertThat(offered(HOUSING_UNIT, s, 1)).as("replied: not signed again from the page").containsExactly("recordContact");

        s = replied();
        assertThat(s.status()).isEqualTo(SuggestionStatus.REPLIED);
        assertThat(offered(OFFICE, s)).containsExactly("sendForEvaluation");
        assertThat(offered(OFFICE, s, 1)).isEmpty();
        assertThat(offered(HOUSING_UNIT, s, 1)).as("办后 contact").containsExactly("recordContact");
        assertThat(offered(LEAD_DEPUTY, s)).isEmpty();
    }

    @Test
    void theLeadDeputyEvaluatesAndCoSignersGiveTheirOwnOpinion() {
        Suggestion s = awaitingEvaluation();
        assertThat(offered(LEAD_DEPUTY, s)).containsExactly("evaluate");
        assertThat(offered(CO_SIGNING_DEPUTY, s)).containsExactly("coSignerOpinion");
        assertThat(offered(OFFICE, s)).isEmpty();
        assertThat(offered(OTHER_DEPUTY, s)).isEmpty();

        s = closed();
        assertThat(offered(LEAD_DEPUTY, s)).isEmpty();
        assertThat(offered(CO_SIGNING_DEPUTY, s)).as("after closure too").containsExactly("coSignerOpinion");
        assertThat(offered(OFFICE, s)).isEmpty();
    }

    @Test
    void rehandlingTheLeadUnitRepliesAgain() {
        Suggestion s = rehandling();
        assertThat(s.status()).isEqualTo(SuggestionStatus.REHANDLING);
        assertThat(offered(HOUSING_UNIT, s, 1)).containsExactly("recordContact", "reply", "requestExtension", "requestReturn");
        assertThat(offered(EDUCATION_UNIT, s, 2)).as("the co-unit's view was sent").containsExactly("recordContact");
        assertThat(offered(LEAD_DEPUTY, s)).isEmpty();
    }

    @Test
    void anAssignmentThatDoesNotExistOffersNothing() {
        assertThat(permissions.actionsFor(OFFICE.user(), null, assigned(), Set.of()).on(9).any()).isFalse();
    }

    // ---------------------------------------------------------------- offered means accepted

    /**
     * Every offered action, taken by that viewer on the aggregate, is accepted by its move. A draft
     * whose co-signer has not confirmed is left out on purpose: submitting is offered there and
     * refused with the reason ({@code suggestion.error.coSignersUnconfirmed}).
     */
    @Test
    void everyOfferedActionIsAcceptedByTheAggregate() {
        List<Supplier<Suggestion>> stages = List.of(SuggestionPermissionsTests::confirmed,
                SuggestionPermissionsTests::returnedForRevision, SuggestionPermissionsTests::submitted,
                SuggestionPermissionsTests::registered, SuggestionPermissionsTests::assigned, SuggestionPermissionsTests::signed,
                SuggestionPermissionsTests::returnRequested, SuggestionPermissionsTests::extensionRequested,
                SuggestionPermissionsTests::repliedNotAudited, SuggestionPermissionsTests::replied,
                SuggestionPermissionsTests::awaitingEvaluation, SuggestionPermissionsTests::closed,
                SuggestionPermissionsTests::rehandling);
        int tried = 0;
        for (Supplier<Suggestion> stage : stages) {
            for (Viewer v : EVERYONE) {
                Suggestion seen = stage.get();
                SuggestionActions can = permissions.actionsFor(v.user(), v.deputyId(), seen, Set.of());
                List<Consumer<Suggestion>> moves = new ArrayList<>();
                if (can.edit()) {
                    moves.add(s -> s.edit(new SuggestionDraft("t2", "c2", "URBAN", SubmissionPeriod.RECESS, List.of(CO_SIGNER), List.of()), NOW));
                }
                if (can.submit()) {
                    moves.add(s -> s.submit(NOW));
                }
                if (can.confirm()) {
                    moves.add(s -> s.confirmCoSigning(v.deputyId(), NOW));
                }
                if (can.review()) {
                    moves.add(s -> s.register("URBAN", false, false, NOW));
                    moves.add(s -> s.returnForRevision("why", NOW));
                    moves.add(s -> s.notRegister("why", NOW));
                }
                if (can.assign()) {
                    AssignmentRole role = seen.assignments().isEmpty() ? AssignmentRole.LEAD : AssignmentRole.CO;
                    moves.add(s -> s.assign(HandlingMode.LEAD_AND_CO, List.of(new UnitRole(TRANSPORT, role)), NOW));
                }
                if (can.sendForEvaluation()) {
                    moves.add(s -> s.sendForEvaluation(NOW));
                }
                if (can.evaluate()) {
                    moves.add(s -> s.evaluate(Evaluation.SATISFIED, null, 1, NOW));
                }
                if (can.coSignerOpinion()) {
                    moves.add(s -> s.coSignerOpinion(v.deputyId(), Evaluation.SATISFIED, null, NOW));
                }
                for (Assignment a : seen.assignments()) {
                    int q = a.seq();
                    SuggestionActions.AssignmentActions on = can.on(q);
                    if (on.sign()) {
                        moves.add(s -> s.sign(q, NOW));
                    }
                    if (on.requestReturn()) {
                        moves.add(s -> s.requestReturn(q, "not ours", NOW));
                    }
                    if (on.requestExtension()) {
                        moves.add(s -> s.requestExtension(q, LocalDate.of(2026, 6, 1), "budget", LocalDate.of(2026, 9, 1), NOW));
                    }
                    if (on.sendView()) {
                        moves.add(s -> s.sendView(q, "view", NOW));
                    }
                    if (on.reply()) {
                        moves.add(s -> s.reply(q, "reply", "A", NOW));
                    }
                    if (on.decideReturn()) {
                        moves.add(s -> s.decideReturn(q, true, NOW));
                        moves.add(s -> s.decideReturn(q, false, NOW));
                    }
                    if (on.decideExtension()) {
                        moves.add(s -> s.decideExtension(q, true, NOW));
                        moves.add(s -> s.decideExtension(q, false, NOW));
                    }
                    if (on.audit()) {
                        moves.add(s -> s.auditReply(q, "B", NOW));
                    }
                }
                for (Consumer<Suggestion> move : moves) {
                    Suggestion fresh = stage.get();
                    assertThatCode(() -> move.accept(fresh)).as("offered to " + v + " in " + fresh.status()).doesNotThrowAnyException();
                    tried++;
                }
            }
        }
        assertThat(tried).as("offered actions tried").isGreaterThan(40);
    }

    private static CivicUser user(long id, Role role, Long unitId) {
        return new CivicUser(id, "u" + id, "user " + id, unitId, unitId == null ? null : "unit " + unitId, Set.of(role), true, null,
                false, 0, null);
    }
}
