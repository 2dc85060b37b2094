package org.civicloop.suggestions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicloop.organization.UnitId;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.suggestions.AssignmentKey;
import org.civicloop.suggestions.SuggestionEvents.AssignmentEvent;
import org.civicloop.suggestions.SuggestionEvents.AssignmentMade;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReopened;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReplyAudited;
import org.civicloop.suggestions.SuggestionEvents.SuggestionClosedUnevaluated;
import org.civicloop.suggestions.SuggestionEvents.SuggestionDrafted;
import org.civicloop.suggestions.SuggestionEvents.SuggestionEvent;
import org.civicloop.suggestions.SuggestionEvents.SuggestionLinkedToOpinions;
import org.civicloop.suggestions.SuggestionEvents.SuggestionSentBackForRehandling;
import org.civicloop.suggestions.SuggestionId;
import org.junit.jupiter.api.Test;

/**
 * The named events of a suggestion's moves, in memory: which record each move returns, and that each
 * is audited with the action, subject and before/after summary the audit trail has always had (the
 * step strings were the events' names before they were records).
 */
class SuggestionEventsTests {

    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");
    private static final long HOUSING = 10;
    private static final long EDUCATION = 20;

    @Test
    void aSuggestionsLifeIsAuditedUnderTheSameActionsAsBefore() {
        Suggestion s = Suggestion.draft(100, 1, new SuggestionDraft("加装电梯", "老旧小区加装电梯", "URBAN",
                SubmissionPeriod.SESSION, List.of(), List.of()), T);
        s.assignId(77);
        List<AuditableEvent> events = new ArrayList<>(s.drafted(List.of(5L)));
        events.addAll(s.submit(T));
        events.addAll(s.register("URBAN", true, false, T));
        events.addAll(s.assign(HandlingMode.LEAD_AND_CO, List.of(new Suggestion.UnitRole(HOUSING, AssignmentRole.LEAD),
                new Suggestion.UnitRole(EDUCATION, AssignmentRole.CO)), T));
        events.addAll(s.sign(1, T));
        events.addAll(s.requestExtension(1, java.time.LocalDate.of(2026, 6, 30), "需要预算", java.time.LocalDate.of(2026, 9, 2), T));
        events.addAll(s.decideExtension(1, true, T));
        events.addAll(s.sign(2, T));
        events.addAll(s.sendView(2, "协办意见", T));
        events.addAll(s.reply(1, "答复", "B", T));
        events.addAll(s.auditReply(1, "A", T));
        events.addAll(s.sendForEvaluation(T));
        events.addAll(s.evaluate(Evaluation.DISSATISFIED, null, 1, T));
        events.addAll(s.reply(1, "再答复", "A", T));
        events.addAll(s.auditReply(1, "A", T));
        events.addAll(s.sendForEvaluation(T));
        events.addAll(s.closeUnevaluated(Evaluation.SATISFIED, T));

        assertThat(events).extracting(AuditableEvent::action).containsExactly(
                "suggestion.drafted", "suggestion.opinionsLinked", "suggestion.submitted", "suggestion.registered",
                "suggestion.assigned", "suggestionAssignment.assigned", "suggestionAssignment.assigned",
                "suggestionAssignment.signed", "suggestionAssignment.extensionRequested",
                "suggestionAssignment.extensionApproved", "suggestionAssignment.signed", "suggestionAssignment.viewSent", "suggestionAssignment.replied",
                "suggestionAssignment.replyAudited", "suggestion.replied", "suggestion.sentForEvaluation",
                "suggestion.rehandling", "suggestionAssignment.reopened", "suggestionAssignment.replied",
                "suggestionAssignment.replyAudited", "suggestion.replied", "suggestion.sentForEvaluation",
                "suggestion.closedUnevaluated");
        assertThat(events).extracting(AuditableEvent::subjectType).containsOnly("suggestion");
        assertThat(events).extracting(AuditableEvent::subjectId).containsOnly("77");
        assertThat(events.get(0)).isInstanceOf(SuggestionDrafted.class);
        assertThat(events.get(1)).isInstanceOf(SuggestionLinkedToOpinions.class);
        assertThat(events.get(16)).isInstanceOf(SuggestionSentBackForRehandling.class);
        assertThat(events.get(17)).isInstanceOf(AssignmentReopened.class);
        assertThat(events.get(22)).isInstanceOf(SuggestionClosedUnevaluated.class);
        assertThat(events).filteredOn(e -> e instanceof SuggestionEvent)
                .allSatisfy(e -> assertThat(((SuggestionEvent) e).suggestion()).isEqualTo(new SuggestionId(77)));
    }

    @Test
    void aSuggestionEventSummarisesTheStatusBeforeAndTheDetailsAndStatusAfter() {
        Suggestion s = Suggestion.draft(100, 1, new SuggestionDraft("加装电梯", "老旧小区加装电梯", "URBAN",
                SubmissionPeriod.SESSION, List.of(2L), List.of()), T);
        s.assignId(77);

        AuditableEvent drafted = s.drafted(List.of()).get(0);
        assertThat(drafted.before()).isEmpty();
        assertThat(drafted.after()).isEqualTo(Map.of("category", "URBAN", "coSigners", 1, "status", "DRAFT"));

        AuditableEvent confirmed = s.confirmCoSigning(2, T).get(0);
        assertThat(confirmed.action()).isEqualTo("suggestion.coSigningConfirmed");
        assertThat(confirmed.before()).isEqualTo(Map.of("status", "DRAFT"));
        assertThat(confirmed.after()).isEqualTo(Map.of("deputyId", 2L, "status", "DRAFT"));

        AuditableEvent refused = s.submit(T).get(0);
        refused = s.notRegister("按来信处理", T).get(0);
        assertThat(refused.action()).isEqualTo("suggestion.notRegistered");
        assertThat(refused.before()).isEqualTo(Map.of("status", "SUBMITTED"));
        assertThat(refused.after()).isEqualTo(Map.of("reason", "按来信处理", "status", "NOT_REGISTERED"));
    }

    @Test
    void anAssignmentEventAddsTheAssignmentsNumberUnitAndRole() {
        Suggestion s = Suggestion.draft(100, 1, new SuggestionDraft("加装电梯", "老旧小区加装电梯", "URBAN",
                SubmissionPeriod.SESSION, List.of(), List.of()), T);
        s.assignId(77);
        s.submit(T);
        s.register("URBAN", false, false, T);

        AssignmentEvent made = (AssignmentEvent) s.assign(HandlingMode.SEPARATE,
                List.of(new Suggestion.UnitRole(EDUCATION, AssignmentRole.SEPARATE)), T).get(1);
        assertThat(made).isInstanceOf(AssignmentMade.class);
        assertThat(made.assignment()).isEqualTo(AssignmentKey.of(77, 1));
        assertThat(made.unit()).isEqualTo(new UnitId(EDUCATION));
        assertThat(made.before()).isEmpty();
        assertThat(made.after()).isEqualTo(Map.of("status", "ASSIGNED", "seq", 1, "unitId", EDUCATION, "role", "SEPARATE"));

        s.sign(1, T);
        s.reply(1, "答复", "B", T);
        AuditableEvent audited = s.auditReply(1, "C", T).get(0);
        assertThat(audited).isInstanceOf(AssignmentReplyAudited.class);
        assertThat(audited.before()).isEqualTo(Map.of("status", "REPLIED"));
        assertThat(audited.after()).isEqualTo(Map.of("classBefore", "B", "classAfter", "C", "changed", true,
                "status", "REPLIED", "seq", 1, "unitId", EDUCATION, "role", "SEPARATE"));

        AuditableEvent contact = s.contactRecorded(1, "AFTER", true);
        assertThat(contact.action()).isEqualTo("suggestionAssignment.contactRecorded");
        assertThat(contact.after()).isEqualTo(Map.of("stage", "AFTER", "faceToFace", true, "status", "REPLIED",
                "seq", 1, "unitId", EDUCATION, "role", "SEPARATE"));
    }
}
