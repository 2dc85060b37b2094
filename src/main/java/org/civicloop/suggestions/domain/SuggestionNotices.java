package org.civicloop.suggestions.domain;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.DeadlineApproaching;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.deputies.Deputies;
import org.civicloop.notifications.Notifications;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.organization.UnitId;
import org.civicloop.shared.HandedAgainWhenUnfinished;
import org.civicloop.suggestions.AssignmentKey;
import org.civicloop.suggestions.SuggestionEvents.AssignmentEvent;
import org.civicloop.suggestions.SuggestionEvents.AssignmentExtensionRequested;
import org.civicloop.suggestions.SuggestionEvents.AssignmentMade;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReplied;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReturnRequested;
import org.civicloop.suggestions.SuggestionEvents.SuggestionClosedUnevaluated;
import org.civicloop.suggestions.SuggestionEvents.SuggestionEvent;
import org.civicloop.suggestions.SuggestionEvents.SuggestionNotRegistered;
import org.civicloop.suggestions.SuggestionEvents.SuggestionReturnedForRevision;
import org.civicloop.suggestions.SuggestionEvents.SuggestionSentForEvaluation;
import org.civicloop.suggestions.SuggestionEvents.SuggestionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who hears about what, in the staff inbox (消息): the office when a suggestion is submitted, a unit
 * asks to return or extend, or a reply waits for audit; a unit when it is assigned one and when its
 * deadline nears; the lead deputy when it comes back for revision, is refused, awaits their
 * evaluation or was closed as deemed evaluated; each co-signing deputy when the reply is sent for
 * evaluation (逐人答复: every co-signer gets the reply, not only the lead); the unit and the office
 * when a reply deadline is missed (escalation). Notices join the transaction of the change: nothing
 * is sent for a change that rolls back.
 */
@HandedAgainWhenUnfinished
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SuggestionNotices {

    private final Notifications notifications;
    private final SuggestionRepository suggestions;
    private final Directory directory;
    private final Deputies deputies;

    @EventListener
    void submitted(SuggestionSubmitted event) {
        long id = event.suggestion().value();
        office("suggestion.notice.submitted", List.of(title(id)), id);
    }

    /** Its step names the notice: {@code suggestion.notice.returnedForRevision} and so on. */
    @EventListener(classes = {SuggestionReturnedForRevision.class, SuggestionNotRegistered.class, SuggestionClosedUnevaluated.class})
    void toLeadDeputy(SuggestionEvent event) {
        long id = event.suggestion().value();
        leadDeputy(id, "suggestion.notice." + event.step(), List.of(title(id)));
    }

    @EventListener
    void sentForEvaluation(SuggestionSentForEvaluation event) {
        long id = event.suggestion().value();
        List<String> args = List.of(title(id));
        leadDeputy(id, "suggestion.notice.sentForEvaluation", args);
        coSigners(id, "suggestion.notice.replyToCoSigner", args);
    }

    @EventListener
    void assigned(AssignmentMade event) {
        unit(event.unit(), "suggestion.notice.assigned", assignmentArgs(event), event.suggestion().value());
    }

    /** Its step names the notice: {@code suggestion.notice.returnRequested} and so on. */
    @EventListener(classes = {AssignmentReturnRequested.class, AssignmentExtensionRequested.class, AssignmentReplied.class})
    void toOffice(AssignmentEvent event) {
        office("suggestion.notice." + event.step(), assignmentArgs(event), event.suggestion().value());
    }

    private List<String> assignmentArgs(AssignmentEvent event) {
        return List.of(title(event.suggestion().value()), directory.unitName(event.unit()).orElse(""));
    }

    @ApplicationModuleListener
    void approaching(DeadlineApproaching event) {
        if (SuggestionClocks.ASSIGNMENT.equals(event.subjectType())) {
            activeAssignment(event.subjectId()).ifPresent(a -> unit(new UnitId(a.unitId()), "suggestion.notice.approaching",
                    List.of(title(suggestionOf(event.subjectId()))), suggestionOf(event.subjectId())));
        } else if (SuggestionClocks.FEEDBACK.equals(event.subjectType())) {
            long id = Long.parseLong(event.subjectId());
            suggestions.find(id).filter(s -> s.status() == SuggestionStatus.AWAITING_EVALUATION)
                    .ifPresent(s -> leadDeputy(id, "suggestion.notice.evaluationDue", List.of(s.title())));
        }
    }

    /** Escalation: the unit and the office both hear of a missed reply deadline. */
    @ApplicationModuleListener
    void missed(DeadlineMissed event) {
        if (SuggestionClocks.ASSIGNMENT.equals(event.subjectType())) {
            long id = suggestionOf(event.subjectId());
            activeAssignment(event.subjectId()).ifPresent(a -> {
                List<String> args = List.of(title(id), directory.unitName(a.unitId()).orElse(""));
                unit(new UnitId(a.unitId()), "suggestion.notice.missed", args, id);
                office("suggestion.notice.escalated", args, id);
            });
        }
    }

    private java.util.Optional<Assignment> activeAssignment(String key) {
        return AssignmentKey.parse(key).flatMap(k -> suggestions.find(k.suggestion().value()).filter(s -> s.status().isHandling())
                .flatMap(s -> s.assignments().stream().filter(a -> a.seq() == k.seq() && a.status().isActive()).findFirst()));
    }

    private static long suggestionOf(String key) {
        return AssignmentKey.parse(key).orElseThrow(() -> new IllegalArgumentException("not an assignment: " + key))
                .suggestion().value();
    }

    private String title(long id) {
        return suggestions.find(id).map(Suggestion::title).orElse("");
    }

    private void office(String key, List<String> args, long id) {
        directory.accountsWithRole(Role.CONGRESS_OFFICE).forEach(a -> notifications.notifyStaff(a, key, args, "/suggestions/" + id));
    }

    private void unit(UnitId unit, String key, List<String> args, long id) {
        directory.accountsOfUnit(unit, Role.HANDLING_UNIT).forEach(a -> notifications.notifyStaff(a, key, args, "/suggestions/" + id));
    }

    private void coSigners(long id, String key, List<String> args) {
        suggestions.find(id).ifPresent(s -> s.coSigners().forEach(c -> deputies.find(c.deputyId())
                .filter(d -> d.accountId() != null)
                .ifPresent(d -> notifications.notifyStaff(d.accountId(), key, args, "/suggestions/" + id))));
    }

    private void leadDeputy(long id, String key, List<String> args) {
        suggestions.find(id).flatMap(s -> deputies.find(s.leadDeputyId())).filter(d -> d.accountId() != null)
                .ifPresent(d -> notifications.notifyStaff(d.accountId(), key, args, "/suggestions/" + id));
    }
}
