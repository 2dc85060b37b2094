package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.Assignment;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.AssignmentStatus;
import org.civicloop.suggestions.domain.CoSigner;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionPermissions;
import org.civicloop.suggestions.domain.SuggestionStatus;

/**
 * Sequences of actions by people of every role against one suggestion, in memory (the aggregate,
 * the status enums and the permissions; no database): whatever happens, the suggestion never
 * reaches an impossible state, a refused action changes nothing, and nobody acts beyond their role.
 *
 * <p>Uniformly random actions almost never get past the draft (a first version of this test ended
 * 99.5 % of its runs in {@code DRAFT}), so the generators are weighted and role-aware:
 * <ul>
 * <li>{@link #weightedActions()}: fixed sequences, drawn before the run, whose kinds are weighted
 *     and whose actors are mostly of the role that may act (the rest anybody);</li>
 * <li>{@link #aimedRuns()}: a status to aim for, and random picks that, at every step, mostly choose
 *     an action that makes sense for the suggestion and the assignment as they stand (by the right
 *     person) and otherwise anything by anyone; the run stops once it has reached its aim and taken a
 *     few more random steps. The statistics show runs ending in every status, and a coverage check
 *     fails the property if any status is reached in fewer than 2 % of runs.</li>
 * </ul>
 */
class SuggestionStateMachinePropertyTests {

    static final long LEAD_DEPUTY = 1;
    static final long CO_SIGNER = 2;
    static final long OTHER_DEPUTY = 3;
    static final long HOUSING = 10;
    static final long EDUCATION = 20;
    static final long TRANSPORT = 30;
    static final int MAX_REHANDLINGS = 1;
    static final Evaluation DEEMED = Evaluation.SATISFIED;

    enum Kind {
        EDIT, CONFIRM, SUBMIT, RETURN_FOR_REVISION, NOT_REGISTER, REGISTER, ASSIGN, SIGN, REQUEST_RETURN, DECIDE_RETURN,
        REQUEST_EXTENSION, DECIDE_EXTENSION, SEND_VIEW, REPLY, AUDIT, SEND_FOR_EVALUATION, EVALUATE, CLOSE_UNEVALUATED,
        CO_SIGNER_OPINION
    }

    /** Who acts: index into {@link #PEOPLE}; -1 is the system (the deadline scan). */
    record Action(Kind kind, int person, int seq, int choice) {
    }

    static final int SYSTEM = -1;
    static final List<CivicUser> PEOPLE = List.of(
            user(1, Set.of(Role.DEPUTY), null),          // 0 lead deputy (deputy 1)
            user(2, Set.of(Role.DEPUTY), null),          // 1 co-signer (deputy 2)
            user(3, Set.of(Role.DEPUTY), null),          // 2 another deputy (deputy 3)
            user(4, Set.of(Role.CONGRESS_OFFICE), null), // 3
            user(5, Set.of(Role.HANDLING_UNIT), HOUSING), // 4
            user(6, Set.of(Role.HANDLING_UNIT), EDUCATION), // 5
            user(7, Set.of(Role.HANDLING_UNIT), TRANSPORT), // 6
            user(8, Set.of(Role.LEADER), null),          // 7
            user(9, Set.of(Role.ADMIN), null));          // 8

    final SuggestionPermissions permissions = new SuggestionPermissions();

    // ---------------------------------------------------------------- weighted, fixed sequences

    @Provide
    Arbitrary<List<Action>> weightedActions() {
        Arbitrary<Kind> kind = Arbitraries.frequency(
                Tuple.of(6, Kind.CONFIRM), Tuple.of(6, Kind.SUBMIT), Tuple.of(1, Kind.EDIT),
                Tuple.of(6, Kind.REGISTER), Tuple.of(1, Kind.RETURN_FOR_REVISION), Tuple.of(1, Kind.NOT_REGISTER),
                Tuple.of(4, Kind.ASSIGN), Tuple.of(8, Kind.SIGN), Tuple.of(1, Kind.REQUEST_RETURN), Tuple.of(1, Kind.DECIDE_RETURN),
                Tuple.of(1, Kind.REQUEST_EXTENSION), Tuple.of(1, Kind.DECIDE_EXTENSION), Tuple.of(3, Kind.SEND_VIEW),
                Tuple.of(8, Kind.REPLY), Tuple.of(8, Kind.AUDIT), Tuple.of(5, Kind.SEND_FOR_EVALUATION),
                Tuple.of(5, Kind.EVALUATE), Tuple.of(1, Kind.CLOSE_UNEVALUATED), Tuple.of(1, Kind.CO_SIGNER_OPINION));
        Arbitrary<Action> action = Combinators.combine(kind, Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 5))
                .as((k, p, seq, c) -> new Action(k, roleAware(k, p, seq), seq, c));
        // jqwik favours short lists; runs this long give the weights room to matter
        return action.list().ofMinSize(40).ofMaxSize(160);
    }

    /** Mostly the person whose role fits the action (a unit action: the unit of assignment {@code seq} in the usual layout). */
    private static int roleAware(Kind kind, int p, int seq) {
        if (p >= 80) {
            return p % PEOPLE.size();
        }
        List<Integer> fitting = likelyPeople(kind);
        if (fitting.contains(4)) {
            return 4 + (seq - 1) % 3;
        }
        return fitting.get(p % fitting.size());
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void weightedActionsByMostlyTheRightPeopleNeverLeaveAnImpossibleState(@ForAll("weightedActions") List<Action> actions) {
        SuggestionStatus end = run(actions.stream().map(a -> (java.util.function.Function<Suggestion, Action>) st -> a).toList(),
                null, 0);
        Statistics.label("final status").collect(end.name());
    }

    // ---------------------------------------------------------------- aimed, state-aware runs

    @Provide
    Arbitrary<Tuple.Tuple2<SuggestionStatus, List<int[]>>> aimedRuns() {
        Arbitrary<int[]> pick = Arbitraries.integers().between(0, 9999).array(int[].class).ofSize(4);
        return Combinators.combine(Arbitraries.of(SuggestionStatus.class), pick.list().ofMinSize(60).ofMaxSize(200))
                .as(Tuple::of);
    }

    @Property(tries = 1500)
    void aimedRunsReachEveryStatusAndNeverAnImpossibleState(@ForAll("aimedRuns") Tuple.Tuple2<SuggestionStatus, List<int[]>> run) {
        SuggestionStatus aim = run.get1();
        List<java.util.function.Function<Suggestion, Action>> steps = run.get2().stream()
                .map(p -> (java.util.function.Function<Suggestion, Action>) s -> aimed(p, s, aim)).toList();
        SuggestionStatus end = run(steps, aim, run.get2().get(0)[0] % 4);
        Statistics.label("final status").collect(end.name());
        Statistics.label("final status").coverage(coverage -> {
            for (SuggestionStatus st : SuggestionStatus.values()) {
                coverage.check(st.name()).percentage(p -> p >= 2.0);
            }
        });
    }

    /**
     * One step of an aimed run: 85 % of the time an action that makes sense now, by the right person
     * (steered towards the aim where the path forks), else any action by anyone.
     */
    private static Action aimed(int[] r, Suggestion s, SuggestionStatus aim) {
        int choice = (r[3] / 7) % 6;
        if (r[0] % 100 >= 85) {
            Kind kind = Kind.values()[r[1] % Kind.values().length];
            return new Action(kind, r[2] % PEOPLE.size(), 1 + r[3] % 4, choice);
        }
        int pct = r[1] % 100;
        switch (s.status()) {
            case DRAFT, RETURNED -> {
                if (s.coSigners().stream().anyMatch(c -> !c.confirmed())) {
                    return new Action(Kind.CONFIRM, 1, 1, choice);
                }
                return new Action(pct < 10 ? Kind.EDIT : Kind.SUBMIT, 0, 1, choice);
            }
            case SUBMITTED -> {
                Kind k = aim == SuggestionStatus.NOT_REGISTERED ? Kind.NOT_REGISTER
                        : aim == SuggestionStatus.RETURNED ? Kind.RETURN_FOR_REVISION
                        : pct < 80 ? Kind.REGISTER : pct < 90 ? Kind.RETURN_FOR_REVISION : Kind.NOT_REGISTER;
                return new Action(k, pct < 95 ? 3 : 7, 1, 1 + choice % 5); // choice 0 writes a blank reason
            }
            case REGISTERED -> {
                return new Action(Kind.ASSIGN, pct < 95 ? 3 : 7, 1, choice);
            }
            case ASSIGNED, REHANDLING -> {
                return handling(r, s, pct, choice);
            }
            case REPLIED -> {
                return new Action(Kind.SEND_FOR_EVALUATION, 3, 1, choice);
            }
            case AWAITING_EVALUATION -> {
                if (pct < 15) {
                    return new Action(Kind.CLOSE_UNEVALUATED, SYSTEM, 1, choice);
                }
                if (pct < 25) {
                    return new Action(Kind.CO_SIGNER_OPINION, 1, 1, 1 + choice % 5);
                }
                // choice picks the evaluation: 1, 4 basically satisfied; 2, 5 dissatisfied; 3 satisfied
                int c = aim == SuggestionStatus.REHANDLING ? 2 : aim == SuggestionStatus.CLOSED ? (pct % 2 == 0 ? 1 : 3) : 1 + choice % 5;
                return new Action(Kind.EVALUATE, 0, 1, c);
            }
            default -> {
                Kind kind = Kind.values()[r[1] % Kind.values().length];
                return new Action(kind, r[2] % PEOPLE.size(), 1 + r[3] % 4, choice);
            }
        }
    }

    /** While units work: act on one assignment as it stands, by its unit or by the office. */
    private static Action handling(int[] r, Suggestion s, int pct, int choice) {
        List<Assignment> all = s.assignments();
        boolean noLead = s.mode() == HandlingMode.LEAD_AND_CO && all.stream()
                .noneMatch(a -> a.role() == AssignmentRole.LEAD && a.status() != AssignmentStatus.RETURNED);
        boolean noneOwesReply = all.stream().noneMatch(Assignment::required);
        if (noLead || noneOwesReply) { // every replying unit went back: assign another
            return new Action(Kind.ASSIGN, 3, 1, s.mode() == HandlingMode.SEPARATE ? 4 : 2);
        }
        List<Assignment> open = all.stream().filter(a -> a.status() != AssignmentStatus.RETURNED
                && a.status() != AssignmentStatus.VIEW_SENT && !a.replyDone()).toList();
        Assignment a = open.isEmpty() ? all.get(r[3] % all.size()) : open.get(r[3] % open.size());
        int unit = 4 + List.of(HOUSING, EDUCATION, TRANSPORT).indexOf(a.unitId());
        return switch (a.status()) {
            case ASSIGNED -> new Action(pct < 85 ? Kind.SIGN : Kind.REQUEST_RETURN, unit, a.seq(), choice);
            case SIGNED -> a.role() == AssignmentRole.CO
                    ? new Action(pct < 85 ? Kind.SEND_VIEW : Kind.REQUEST_EXTENSION, unit, a.seq(), choice)
                    : new Action(pct < 80 ? Kind.REPLY : pct < 90 ? Kind.REQUEST_EXTENSION : Kind.REQUEST_RETURN, unit, a.seq(), choice);
            case RETURN_REQUESTED -> new Action(Kind.DECIDE_RETURN, 3, a.seq(), choice);
            case EXTENSION_REQUESTED -> new Action(Kind.DECIDE_EXTENSION, 3, a.seq(), choice);
            case REPLIED -> new Action(Kind.AUDIT, 3, a.seq(), choice);
            case RETURNED, VIEW_SENT -> new Action(Kind.ASSIGN, 3, a.seq(), choice);
        };
    }

    private static List<Integer> likelyPeople(Kind kind) {
        return switch (kind) {
            case EDIT, SUBMIT, EVALUATE -> List.of(0, 0, 0, 1);
            case CONFIRM, CO_SIGNER_OPINION -> List.of(1, 1, 2);
            case RETURN_FOR_REVISION, NOT_REGISTER, REGISTER, ASSIGN, DECIDE_RETURN, DECIDE_EXTENSION, AUDIT, SEND_FOR_EVALUATION ->
                    List.of(3, 3, 3, 7);
            case SIGN, REQUEST_RETURN, REQUEST_EXTENSION, SEND_VIEW, REPLY -> List.of(4, 5, 6);
            case CLOSE_UNEVALUATED -> List.of(SYSTEM);
        };
    }

    // ---------------------------------------------------------------- the run and its checks

    /**
     * Runs the steps; with an {@code aim}, stops {@code extra} steps after first reaching it. Answers
     * the final status.
     */
    private SuggestionStatus run(List<java.util.function.Function<Suggestion, Action>> steps, SuggestionStatus aim, int extra) {
        Instant now = Instant.parse("2026-03-10T02:00:00Z");
        Suggestion s = Suggestion.draft(100, LEAD_DEPUTY, draft(), now);
        int left = -1;
        for (var step : steps) {
            if (left == 0) {
                break;
            }
            Action a = step.apply(s);
            now = now.plus(Duration.ofHours(7));
            String before = snapshot(s);
            if (!allowed(a, s)) {
                assertThat(snapshot(s)).isEqualTo(before);
            } else {
                try {
                    List<AuditableEvent> events = apply(a, s, now);
                    assertThat(events).as("a change without an event: " + a).isNotEmpty();
                } catch (BusinessException refused) {
                    assertThat(snapshot(s)).as("a refused %s changes nothing", a).isEqualTo(before);
                }
                checkInvariants(s, a);
            }
            if (left > 0) {
                left--;
            } else if (aim != null && s.status() == aim) {
                left = extra;
            }
        }
        return s.status();
    }

    /** The same questions the service asks before it touches the aggregate. */
    private boolean allowed(Action a, Suggestion s) {
        if (a.person() == SYSTEM) {
            return a.kind() == Kind.CLOSE_UNEVALUATED;
        }
        CivicUser who = PEOPLE.get(a.person());
        Long deputyId = who.hasRole(Role.DEPUTY) ? who.accountId() : null;
        return switch (a.kind()) {
            case EDIT, SUBMIT, EVALUATE -> permissions.isLeadDeputy(who, deputyId, s);
            case CONFIRM, CO_SIGNER_OPINION -> permissions.isCoSigner(who, deputyId, s);
            case RETURN_FOR_REVISION, NOT_REGISTER, REGISTER, ASSIGN, DECIDE_RETURN, DECIDE_EXTENSION, AUDIT, SEND_FOR_EVALUATION ->
                    permissions.canManage(who);
            case SIGN, REQUEST_RETURN, REQUEST_EXTENSION, SEND_VIEW, REPLY ->
                    s.assignments().stream().anyMatch(x -> x.seq() == a.seq() && permissions.canHandle(who, x));
            case CLOSE_UNEVALUATED -> false; // the system's, never a person's
        };
    }

    private List<AuditableEvent> apply(Action a, Suggestion s, Instant now) {
        int seq = a.seq();
        int c = a.choice();
        return switch (a.kind()) {
            case EDIT -> s.edit(draft(), now);
            case CONFIRM -> s.confirmCoSigning(CO_SIGNER, now);
            case SUBMIT -> s.submit(now);
            case RETURN_FOR_REVISION -> s.returnForRevision(c == 0 ? " " : "please split it", now);
            case NOT_REGISTER -> s.notRegister(c == 0 ? null : "a personal matter", now);
            case REGISTER -> s.register("URBAN", c % 2 == 0, c == 5, now);
            case ASSIGN -> switch (c) {
                case 0 -> s.assign(HandlingMode.LEAD_AND_CO, List.of(new UnitRole(HOUSING, AssignmentRole.LEAD),
                        new UnitRole(EDUCATION, AssignmentRole.CO)), now);
                case 1 -> s.assign(HandlingMode.SEPARATE, List.of(new UnitRole(HOUSING, AssignmentRole.SEPARATE),
                        new UnitRole(EDUCATION, AssignmentRole.SEPARATE)), now);
                case 2 -> s.assign(HandlingMode.LEAD_AND_CO, List.of(new UnitRole(TRANSPORT, AssignmentRole.LEAD)), now);
                case 3 -> s.assign(HandlingMode.LEAD_AND_CO, List.of(new UnitRole(TRANSPORT, AssignmentRole.CO)), now);
                case 4 -> s.assign(HandlingMode.SEPARATE, List.of(new UnitRole(TRANSPORT, AssignmentRole.SEPARATE)), now);
                default -> s.assign(HandlingMode.LEAD_AND_CO, List.of(new UnitRole(HOUSING, AssignmentRole.LEAD),
                        new UnitRole(EDUCATION, AssignmentRole.LEAD)), now);
            };
            case SIGN -> s.sign(seq, now);
            case REQUEST_RETURN -> s.requestReturn(seq, "not ours", now);
            case DECIDE_RETURN -> s.decideReturn(seq, c % 2 == 0, now);
            case REQUEST_EXTENSION -> s.requestExtension(seq, LocalDate.of(2026, 6 + c, 1), "needs a budget",
                    LocalDate.of(2026, 9, 10), now);
            case DECIDE_EXTENSION -> s.decideExtension(seq, c % 2 == 0, now);
            case SEND_VIEW -> s.sendView(seq, "our view", now);
            case REPLY -> s.reply(seq, "our reply", List.of("A", "B", "C", "D").get(c % 4), now);
            case AUDIT -> s.auditReply(seq, List.of("A", "B", "C", "D").get(c % 4), now);
            case SEND_FOR_EVALUATION -> s.sendForEvaluation(now);
            case EVALUATE -> s.evaluate(c == 0 ? null : Evaluation.values()[c % 3], null, MAX_REHANDLINGS, now);
            case CLOSE_UNEVALUATED -> s.closeUnevaluated(DEEMED, now);
            case CO_SIGNER_OPINION -> s.coSignerOpinion(CO_SIGNER, c == 0 ? null : Evaluation.values()[c % 3], "my view", now);
        };
    }

    private static void checkInvariants(Suggestion s, Action last) {
        String after = " after " + last;
        SuggestionStatus status = s.status();
        if (status == SuggestionStatus.CLOSED) {
            assertThat(s.evaluation()).as("closed without an evaluation" + after).isNotNull();
            assertThat(s.evaluatedAt()).isNotNull();
            assertThat(s.closedAt()).isNotNull();
            if (s.evaluationDeemed()) {
                assertThat(s.evaluation()).as("deemed otherwise than the rule says" + after).isEqualTo(DEEMED);
                assertThat(s.evaluationNote()).as("a deemed evaluation has no note of the deputy's" + after).isNull();
            }
        } else {
            assertThat(s.evaluationDeemed()).as("deemed evaluated but not closed" + after).isFalse();
        }
        if (status == SuggestionStatus.REHANDLING) {
            assertThat(s.evaluation()).as("rehandling without dissatisfaction" + after).isEqualTo(Evaluation.DISSATISFIED);
        }
        if (status == SuggestionStatus.NOT_REGISTERED) {
            assertThat(s.notRegisteredReason()).as("not registered without a reason" + after).isNotBlank();
            assertThat(s.closedAt()).isNotNull();
        }
        if (!status.isEditable()) {
            assertThat(s.coSigners()).as("submitted with an unconfirmed co-signer" + after).allMatch(CoSigner::confirmed);
        }
        for (CoSigner c : s.coSigners()) {
            if (c.evaluation() != null) {
                assertThat(c.confirmed()).as("an opinion from a co-signer who never confirmed" + after).isTrue();
                // an opinion of an earlier round's reply stays on record through rehandling
                assertThat(status == SuggestionStatus.AWAITING_EVALUATION || status == SuggestionStatus.CLOSED || s.rehandlings() > 0)
                        .as("a co-signer's opinion before any reply was sent" + after).isTrue();
            }
        }
        if (status.ordinal() >= SuggestionStatus.ASSIGNED.ordinal() && status != SuggestionStatus.NOT_REGISTERED) {
            assertThat(s.mode()).as("assigned without a mode" + after).isNotNull();
            assertThat(s.assignments()).as("assigned to nobody" + after).isNotEmpty();
            assertThat(s.registeredAt()).as("assigned but never registered" + after).isNotNull();
        } else {
            assertThat(s.assignments()).as("units before assignment" + after).isEmpty();
        }
        if (status == SuggestionStatus.REPLIED || status == SuggestionStatus.AWAITING_EVALUATION || status == SuggestionStatus.CLOSED) {
            List<Assignment> required = s.assignments().stream().filter(Assignment::required).toList();
            assertThat(required).as("replied with no unit owing a reply" + after).isNotEmpty();
            assertThat(required).as("replied while a required reply is missing or unaudited" + after).allMatch(Assignment::replyDone);
        }
        for (Assignment a : s.assignments()) {
            if (a.role() == AssignmentRole.CO) {
                assertThat(a.status()).as("a co-unit's view counted as a reply" + after).isNotEqualTo(AssignmentStatus.REPLIED);
                assertThat(a.replyText()).isNull();
            } else {
                assertThat(a.status()).as("a view from a replying unit" + after).isNotEqualTo(AssignmentStatus.VIEW_SENT);
            }
            if (a.status() == AssignmentStatus.REPLIED) {
                assertThat(a.replyText()).isNotBlank();
                assertThat(a.resultClass()).isNotBlank();
            }
            if (s.mode() == HandlingMode.SEPARATE) {
                assertThat(a.role()).isEqualTo(AssignmentRole.SEPARATE);
            }
            assertThat(a.round()).as("more rounds than rehandlings allow" + after).isBetween(1, 1 + MAX_REHANDLINGS);
        }
        if (s.mode() == HandlingMode.LEAD_AND_CO) {
            assertThat(s.assignments().stream().filter(a -> a.role() == AssignmentRole.LEAD && a.status() != AssignmentStatus.RETURNED))
                    .as("more than one lead unit" + after).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(s.assignments().stream().filter(a -> a.status() != AssignmentStatus.RETURNED).map(Assignment::unitId).distinct().count())
                .as("a unit holding two active assignments" + after)
                .isEqualTo(s.assignments().stream().filter(a -> a.status() != AssignmentStatus.RETURNED).count());
        assertThat(s.rehandlings()).isBetween(0, MAX_REHANDLINGS);
    }

    private static String snapshot(Suggestion s) {
        StringBuilder b = new StringBuilder().append(s.status()).append('|').append(s.mode()).append('|').append(s.evaluation())
                .append('|').append(s.evaluationDeemed()).append('|').append(s.rehandlings()).append('|').append(s.category())
                .append('|').append(s.keySuggestion()).append('|').append(s.confidential()).append('|').append(s.coSigners())
                .append('|').append(s.returnReason()).append('|').append(s.notRegisteredReason());
        for (Assignment a : s.assignments()) {
            b.append('|').append(a.seq()).append(a.status()).append(a.round()).append(a.replyText()).append(a.resultClass())
                    .append(a.audited()).append(a.extensionDue()).append(a.viewText());
        }
        return b.toString();
    }

    private static SuggestionDraft draft() {
        return new SuggestionDraft("title", "content", "URBAN", SubmissionPeriod.RECESS, List.of(CO_SIGNER), List.of(7L));
    }

    private static CivicUser user(long id, Set<Role> roles, Long unitId) {
        return new CivicUser(id, "u" + id, "user " + id, unitId, unitId == null ? null : "unit " + unitId, roles, true, null,
                false, 0, null);
    }
}
