package org.civicloop.suggestions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicloop.organization.UnitId;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.StatusChange;

/** What happens to suggestions and their assignments, in the past tense. Every one is audited. */
public final class SuggestionEvents {

    private SuggestionEvents() {
    }

    /**
     * A named move of a suggestion, audited as {@code suggestion.<step>} with the old status before
     * and the details and new status after.
     */
    public sealed interface SuggestionEvent extends AuditableEvent {

        SuggestionId suggestion();

        StatusChange change();

        /** The move's name: the audit action's and the timeline step's suffix. */
        String step();

        default String subjectType() { return "suggestion"; }
        default String subjectId() { return suggestion().toString(); }
        default String action() { return "suggestion." + step(); }
        default Map<String, Object> before() { return change().before(); }
        default Map<String, Object> after() { return change().after(); }

        /** How a move makes its event: the record's constructor. */
        interface Kind<E extends SuggestionEvent> {
            E of(SuggestionId suggestion, StatusChange change);
        }
    }

    /** 起草: a new draft by its lead deputy. */
    public record SuggestionDrafted(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "drafted"; }
    }

    /** The lead deputy changed the text of a draft or returned suggestion. */
    public record SuggestionEdited(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "edited"; }
    }

    /** 联名确认: a co-signer agreed to the text as it stands. */
    public record SuggestionCoSigningConfirmed(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "coSigningConfirmed"; }
    }

    /** 提交, once every co-signer confirmed. */
    public record SuggestionSubmitted(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "submitted"; }
    }

    /** 退回修改, with the reason the deputy reads. */
    public record SuggestionReturnedForRevision(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "returnedForRevision"; }
    }

    /** 不予立案: handled as a letter instead. Final. */
    public record SuggestionNotRegistered(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "notRegistered"; }
    }

    /** 立案. */
    public record SuggestionRegistered(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "registered"; }
    }

    /** 交办: the suggestion's first assignment to units (each unit's is an {@link AssignmentMade}). */
    public record SuggestionAssigned(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "assigned"; }
    }

    /** Every required reply is in and audited. */
    public record SuggestionReplied(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "replied"; }
    }

    /** The audited replies went to the lead deputy for evaluation (征询意见). */
    public record SuggestionSentForEvaluation(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "sentForEvaluation"; }
    }

    /** The lead deputy was dissatisfied and rehandlings were left: the replying units work again. */
    public record SuggestionSentBackForRehandling(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "rehandling"; }
    }

    /** The lead deputy's evaluation closed it. */
    public record SuggestionClosedEvaluated(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "closed"; }
    }

    /** 逾期未评价: closed as deemed evaluated when the deadline passed. */
    public record SuggestionClosedUnevaluated(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "closedUnevaluated"; }
    }

    /** A co-signing deputy's own opinion of the reply; moves nothing. */
    public record SuggestionCoSignerEvaluated(SuggestionId suggestion, StatusChange change) implements SuggestionEvent {
        public String step() { return "coSignerEvaluated"; }
    }

    /**
     * A named move of one unit's assignment (交办) of a suggestion, audited on the suggestion as
     * {@code suggestionAssignment.<step>}; after the details and new status come the assignment's
     * number, unit and role.
     */
    public sealed interface AssignmentEvent extends AuditableEvent {

        AssignmentKey assignment();

        UnitId unit();

        /** {@code LEAD}, {@code CO} or {@code SEPARATE}. */
        String role();

        StatusChange change();

        /** The move's name: the audit action's and the timeline step's suffix. */
        String step();

        default SuggestionId suggestion() { return assignment().suggestion(); }
        default String subjectType() { return "suggestion"; }
        default String subjectId() { return suggestion().toString(); }
        default String action() { return "suggestionAssignment." + step(); }
        default Map<String, Object> before() { return change().before(); }
        default Map<String, Object> after() {
            Map<String, Object> after = change().after();
            after.put("seq", assignment().seq());
            after.put("unitId", unit().value());
            after.put("role", role());
            return after;
        }

        /** How a move makes its event: the record's constructor. */
        interface Kind<E extends AssignmentEvent> {
            E of(AssignmentKey assignment, UnitId unit, String role, StatusChange change);
        }
    }

    /** 交办 to one unit. */
    public record AssignmentMade(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "assigned"; }
    }

    /** 签收. */
    public record AssignmentSigned(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "signed"; }
    }

    /** 申请退办. */
    public record AssignmentReturnRequested(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "returnRequested"; }
    }

    /** The office agreed to the return: the unit is out. */
    public record AssignmentReturnApproved(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "returnApproved"; }
    }

    /** The office refused the return: back where it was. */
    public record AssignmentReturnDeclined(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "returnDeclined"; }
    }

    /** 申请延期. */
    public record AssignmentExtensionRequested(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "extensionRequested"; }
    }

    /** The office agreed to the extension. */
    public record AssignmentExtensionApproved(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "extensionApproved"; }
    }

    /** The office refused the extension. */
    public record AssignmentExtensionDeclined(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "extensionDeclined"; }
    }

    /** A co-unit's view went to the lead unit (协办意见). */
    public record AssignmentViewSent(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "viewSent"; }
    }

    /** 答复 by a lead or separate unit. */
    public record AssignmentReplied(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "replied"; }
    }

    /** The office audited a reply, keeping or changing its class. */
    public record AssignmentReplyAudited(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "replyAudited"; }
    }

    /** The unit works on it again after the deputy's dissatisfaction. */
    public record AssignmentReopened(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "reopened"; }
    }

    /** 沟通记录 with the deputy; moves nothing. */
    public record AssignmentContactRecorded(AssignmentKey assignment, UnitId unit, String role, StatusChange change) implements AssignmentEvent {
        public String step() { return "contactRecorded"; }
    }

    /**
     * Voter opinions were linked to a suggestion (many to one). The opinions module may listen to
     * record the link on its side and, at the end, tell the voters the outcome.
     */
    public record SuggestionLinkedToOpinions(long suggestionId, List<Long> opinionIds) implements AuditableEvent {
        public String subjectType() { return "suggestion"; }
        public String subjectId() { return Long.toString(suggestionId); }
        public String action() { return "suggestion.opinionsLinked"; }
        public Map<String, Object> after() { return Map.of("opinionIds", opinionIds); }
    }

    /**
     * A suggestion closed (evaluated, deemed evaluated when the deadline passed, or dissatisfied with
     * no rehandling left), with what may be told to the public of its outcome, for the voters whose
     * opinions it grew from. The closure itself is audited ({@link SuggestionClosedEvaluated} or
     * {@link SuggestionClosedUnevaluated}); this event only carries the outcome to the opinions module.
     * Nothing personal is in it. For a confidential (涉密) suggestion {@code replyPublished} is false
     * and the title and the replies' texts are {@code null}: nothing of it is published.
     *
     * @param replies the final replies of the units that owed one (lead or separate units), in order
     */
    public record SuggestionClosed(long suggestionId, List<Long> opinionIds, String title, boolean replyPublished,
                                   boolean evaluationDeemed, Instant closedAt, List<PublishedReply> replies) {
        public SuggestionClosed {
            opinionIds = List.copyOf(opinionIds);
            replies = List.copyOf(replies);
        }
    }

    /** One unit's final reply as the public may read it (its text {@code null} when not published). */
    public record PublishedReply(String unitName, String resultClass, String resultClassNameZh, String resultClassNameEn,
                                 String text) {
    }

    /**
     * A suggestion was submitted (提交) with every co-signer's confirmation: who led it and who co-signed it,
     * for whoever counts deputies' work (the duty records). The submission itself is audited
     * ({@link SuggestionSubmitted}); this event only carries the names of those who took part.
     */
    public record SuggestionFiled(long suggestionId, String title, long leadDeputyId, List<Long> coSignerDeputyIds,
                                  Instant submittedAt) {
        public SuggestionFiled {
            coSignerDeputyIds = List.copyOf(coSignerDeputyIds);
        }
    }

    /**
     * A suggestion closed with these result classes (one per lead or separate unit's final reply, in order),
     * for whoever counts deputies' work. {@code confidential}: nothing of its title may be shown.
     */
    public record SuggestionResultsKnown(long suggestionId, long leadDeputyId, List<Long> coSignerDeputyIds,
                                         boolean confidential, List<String> resultClasses, Instant closedAt) {
        public SuggestionResultsKnown {
            coSignerDeputyIds = List.copyOf(coSignerDeputyIds);
            resultClasses = List.copyOf(resultClasses);
        }
    }
}
