package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.Assignment;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.AssignmentStatus;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionPermissions;
import org.civicloop.suggestions.domain.SuggestionStatus;

/**
 * Random sequences of actions by random people against one suggestion, in memory (the aggregate,
 * the status enums and the permissions; no database): whatever happens, the suggestion never
 * reaches an impossible state, a refused action changes nothing, and nobody acts beyond their role.
 */
class SuggestionStateMachinePropertyTests {

    static final long LEAD_DEPUTY = 1;
    static final long CO_SIGNER = 2;
    static final long OTHER_DEPUTY = 3;
    static final long HOUSING = 10;
    static final long EDUCATION = 20;
    static final long TRANSPORT = 30;

    enum Kind {
        EDIT, CONFIRM, SUBMIT, RETURN_FOR_REVISION, NOT_REGISTER, REGISTER, ASSIGN, SIGN, REQUEST_RETURN, DECIDE_RETURN,
        REQUEST_EXTENSION, DECIDE_EXTENSION, SEND_VIEW, REPLY, AUDIT, SEND_FOR_EVALUATION, EVALUATE
    }

    /** Who acts: index into {@link #PEOPLE}. */
    record Action(Kind kind, int person, int seq, int choice) {
    }

    static final List<CivicUser> PEOPLE = List.of(
            user(1, Set.of(Role.DEPUTY), null),          // lead deputy (deputy 1)
            user(2, Set.of(Role.DEPUTY), null),          // co-signer (deputy 2)
            user(3, Set.of(Role.DEPUTY), null),          // another deputy (deputy 3)
            user(4, Set.of(Role.CONGRESS_OFFICE), null),
            user(5, Set.of(Role.HANDLING_UNIT), HOUSING),
            user(6, Set.of(Role.HANDLING_UNIT), EDUCATION),
            user(7, Set.of(Role.HANDLING_UNIT), TRANSPORT),
            user(8, Set.of(Role.LEADER), null),
            user(9, Set.of(Role.ADMIN), null));

    final SuggestionPermissions permissions = new SuggestionPermissions();

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> action = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, PEOPLE.size() - 1),
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 5)).as(Action::new);
        return action.list().ofMinSize(1).ofMaxSize(80);
    }

    /**
     * Purely random sequences rarely get past the draft; these are still random, but mostly pick an
     * action that makes sense in the current status and a person whose role fits it (the rest is
     * anything by anyone), so long lives up to closure and rehandling are explored too.
     */
    @Provide
    Arbitrary<List<int[]>> guidedActions() {
        Arbitrary<int[]> pick = Arbitraries.integers().between(0, 9999).array(int[].class).ofSize(4);
        return pick.list().ofMinSize(20).ofMaxSize(250);
    }

    private static Action guided(int[] r, Suggestion s) {
        SuggestionStatus status = s.status();
        Kind kind;
        if (r[0] % 100 < 85) {
            List<Kind> sensible = switch (status) {
                case DRAFT, RETURNED -> List.of(Kind.CONFIRM, Kind.SUBMIT, Kind.EDIT);
                case SUBMITTED -> List.of(Kind.REGISTER, Kind.REGISTER, Kind.REGISTER, Kind.REGISTER, Kind.REGISTER, Kind.REGISTER,
                        Kind.RETURN_FOR_REVISION, Kind.NOT_REGISTER);
                case REGISTERED -> List.of(Kind.ASSIGN);
                case ASSIGNED, REHANDLING -> List.of(Kind.SIGN, Kind.SIGN, Kind.REPLY, Kind.REPLY, Kind.AUDIT, Kind.AUDIT,
                        Kind.SEND_VIEW, Kind.REQUEST_RETURN, Kind.DECIDE_RETURN, Kind.REQUEST_EXTENSION, Kind.DECIDE_EXTENSION,
                        Kind.ASSIGN);
                case REPLIED -> List.of(Kind.SEND_FOR_EVALUATION);
                case AWAITING_EVALUATION -> List.of(Kind.EVALUATE);
                case NOT_REGISTERED, CLOSED -> List.of(Kind.values());
            };
            kind = sensible.get(r[1] % sensible.size());
        } else {
            kind = Kind.values()[r[1] % Kind.values().length];
        }
        List<Integer> fitting = likelyPeople(kind);
        int person = r[2] % 100 < 80 ? fitting.get(r[2] % fitting.size()) : r[2] % PEOPLE.size();
        int seq = 1 + r[3] % 4;
        if (!s.assignments().isEmpty() && r[0] % 10 < 8) {
            Assignment target = s.assignments().get(r[3] % s.assignments().size());
            seq = target.seq();
            if (fitting.contains(4) && r[2] % 100 < 80) { // a unit's action: mostly by that unit
                person = 4 + List.of(HOUSING, EDUCATION, TRANSPORT).indexOf(target.unitId());
            }
        }
        return new Action(kind, person, seq, (r[3] / 7) % 6);
    }

    private static List<Integer> likelyPeople(Kind kind) {
        return switch (kind) {
            case EDIT, SUBMIT, EVALUATE -> List.of(0, 0, 0, 1);
            case CONFIRM -> List.of(1, 1, 2);
            case RETURN_FOR_REVISION, NOT_REGISTER, REGISTER, ASSIGN, DECIDE_RETURN, DECIDE_EXTENSION, AUDIT, SEND_FOR_EVALUATION ->
                    List.of(3, 3, 3, 7);
            case SIGN, REQUEST_RETURN, REQUEST_EXTENSION, SEND_VIEW, REPLY -> List.of(4, 5, 6);
        };
    }

    @Property(tries = 400)
    void randomActionsByRandomPeopleNeverLeaveAnImpossibleState(@ForAll("actions") List<Action> actions) {
        run(actions.stream().map(a -> (java.util.function.Function<Suggestion, Action>) st -> a).toList());
    }

    @Property(tries = 1000)
    void sensibleActionsMostlyInRoleNeverLeaveAnImpossibleState(@ForAll("guidedActions") List<int[]> picks) {
        run(picks.stream().map(p -> (java.util.function.Function<Suggestion, Action>) st -> guided(p, st)).toList());
    }

    private void run(List<java.util.function.Function<Suggestion, Action>> steps) {
        java.util.EnumSet<SuggestionStatus> reached = java.util.EnumSet.noneOf(SuggestionStatus.class);
        Instant now = Instant.parse("2026-03-10T02:00:00Z");
        Suggestion s = Suggestion.draft(100, LEAD_DEPUTY, draft(), now);
        for (var step : steps) {
            Action a = step.apply(s);
            now = now.plus(Duration.ofHours(7));
            CivicUser who = PEOPLE.get(a.person());
            String before = snapshot(s);
            if (!allowed(a, who, s)) {
                assertThat(snapshot(s)).isEqualTo(before);
                continue;
            }
            try {
                List<AuditableEvent> events = apply(a, s, now);
                assertThat(events).isNotEmpty();
            } catch (BusinessException refused) {
                assertThat(snapshot(s)).as("a refused %s changes nothing", a).isEqualTo(before);
            }
            checkInvariants(s, a);
            reached.add(s.status());
        }
        // the report shows how far the sequences got, so a property that only ever tests drafts is noticed
        Statistics.collect(reached.contains(SuggestionStatus.CLOSED) ? "closed" : reached.contains(SuggestionStatus.REPLIED)
                ? "replied" : reached.contains(SuggestionStatus.ASSIGNED) ? "assigned" : s.status().name());
    }

    /** The same questions the service asks before it touches the aggregate. */
    private boolean allowed(Action a, CivicUser who, Suggestion s) {
        Long deputyId = who.hasRole(Role.DEPUTY) ? who.accountId() : null;
        return switch (a.kind()) {
            case EDIT, SUBMIT, EVALUATE -> permissions.isLeadDeputy(who, deputyId, s);
            case CONFIRM -> permissions.isCoSigner(who, deputyId, s);
            case RETURN_FOR_REVISION, NOT_REGISTER, REGISTER, ASSIGN, DECIDE_RETURN, DECIDE_EXTENSION, AUDIT, SEND_FOR_EVALUATION ->
                    permissions.canManage(who);
            case SIGN, REQUEST_RETURN, REQUEST_EXTENSION, SEND_VIEW, REPLY ->
                    s.assignments().stream().anyMatch(x -> x.seq() == a.seq() && permissions.canHandle(who, x));
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
            case EVALUATE -> s.evaluate(c == 0 ? null : Evaluation.values()[c % 3], null, 1, now);
        };
    }

    private static void checkInvariants(Suggestion s, Action last) {
        String after = " after " + last;
        SuggestionStatus status = s.status();
        if (status == SuggestionStatus.CLOSED) {
            assertThat(s.evaluation()).as("closed without an evaluation" + after).isNotNull();
            assertThat(s.evaluatedAt()).isNotNull();
        }
        if (status == SuggestionStatus.NOT_REGISTERED) {
            assertThat(s.notRegisteredReason()).as("not registered without a reason" + after).isNotBlank();
        }
        if (!status.isEditable()) {
            assertThat(s.coSigners()).as("submitted with an unconfirmed co-signer" + after).allMatch(c -> c.confirmed());
        }
        if (status.ordinal() >= SuggestionStatus.ASSIGNED.ordinal() && status != SuggestionStatus.NOT_REGISTERED) {
            assertThat(s.mode()).as("assigned without a mode" + after).isNotNull();
            assertThat(s.assignments()).as("assigned to nobody" + after).isNotEmpty();
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
        }
        if (s.mode() == HandlingMode.LEAD_AND_CO) {
            assertThat(s.assignments().stream().filter(a -> a.role() == AssignmentRole.LEAD && a.status() != AssignmentStatus.RETURNED))
                    .as("more than one lead unit" + after).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(s.rehandlings()).isBetween(0, 1);
    }

    private static String snapshot(Suggestion s) {
        StringBuilder b = new StringBuilder().append(s.status()).append('|').append(s.mode()).append('|').append(s.evaluation())
                .append('|').append(s.rehandlings()).append('|').append(s.category()).append('|').append(s.keySuggestion())
                .append('|').append(s.coSigners()).append('|').append(s.returnReason()).append('|').append(s.notRegisteredReason());
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
