package org.civicloop.opinions;

import java.util.Map;
import org.civicloop.organization.UnitId;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.StatusChange;

/**
 * What happens to opinions and work orders, in the past tense: one record a named move. Every one is
 * audited; none carries the voter's name, phone or e-mail.
 */
public final class OpinionEvents {

    private OpinionEvents() {
    }

    /**
     * A named move of an opinion, audited as {@code opinion.<step>} with the old status before and the
     * details, new status and receipt code after.
     */
    public sealed interface OpinionEvent extends AuditableEvent {

        OpinionId opinion();

        String receiptCode();

        StatusChange change();

        /** The move's name: the audit action's suffix and the timeline step's kind. */
        String step();

        default String subjectType() { return "opinion"; }
        default String subjectId() { return opinion().toString(); }
        default String action() { return "opinion." + step(); }
        default Map<String, Object> before() { return change().before(); }
        default Map<String, Object> after() {
            Map<String, Object> after = change().after();
            after.put("receiptCode", receiptCode());
            return after;
        }

        /** How a move makes its event: the record's constructor. */
        interface Kind<E extends OpinionEvent> {
            E of(OpinionId opinion, String receiptCode, StatusChange change);
        }
    }

    /** 提交, from any channel. */
    public record OpinionSubmitted(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "submitted"; }
    }

    /** 受理. */
    public record OpinionAccepted(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "accepted"; }
    }

    /** 不予受理, with a reason from the list. */
    public record OpinionRejected(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "rejected"; }
    }

    /** A duplicate, merged into another opinion. */
    public record OpinionMerged(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "merged"; }
    }

    /** The merge was undone: submitted again. */
    public record OpinionUnmerged(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "unmerged"; }
    }

    /** 交办 to a handling unit (the order itself is a {@link WorkOrderAssigned}). */
    public record OpinionForwarded(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "forwarded"; }
    }

    /** Answered, by the office or the addressee directly or by the handling unit's reply. */
    public record OpinionAnswered(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "answered"; }
    }

    /** Folded into a deputy's formal suggestion. */
    public record OpinionMovedToSuggestion(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "toSuggestion"; }
    }

    /** The suggestion that took it up is known; moves nothing. */
    public record OpinionSuggestionLinked(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "suggestionLinked"; }
    }

    /** The suggestion it was folded into closed, and so did the opinion. */
    public record OpinionSuggestionClosed(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "suggestionClosed"; }
    }

    /** The suggestion was refused (不予立案): the opinion waits to be routed again. */
    public record OpinionSuggestionRefused(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "suggestionRefused"; }
    }

    /** The handling unit's return was approved: the opinion waits to be routed again. */
    public record OpinionReturnedByUnit(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "returnedByUnit"; }
    }

    /** The voter was dissatisfied and reopens were left: handled again. */
    public record OpinionReopened(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "reopened"; }
    }

    /** The voter's rating closed it. */
    public record OpinionRated(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "rated"; }
    }

    /** The voter did not rate the reply in time: closed as not rated. */
    public record OpinionClosedUnrated(OpinionId opinion, String receiptCode, StatusChange change) implements OpinionEvent {
        public String step() { return "closedUnrated"; }
    }

    /**
     * A named move of a work order, audited as {@code workOrder.<step>}; after the details and new
     * status come the opinion and the unit.
     */
    public sealed interface WorkOrderEvent extends AuditableEvent {

        long workOrderId();

        OpinionId opinion();

        UnitId unit();

        StatusChange change();

        /** The move's name: the audit action's and the timeline step's suffix. */
        String step();

        default String subjectType() { return "work-order"; }
        default String subjectId() { return Long.toString(workOrderId()); }
        default String action() { return "workOrder." + step(); }
        default Map<String, Object> before() { return change().before(); }
        default Map<String, Object> after() {
            Map<String, Object> after = change().after();
            after.put("opinionId", opinion().value());
            after.put("unitId", unit().value());
            return after;
        }

        /** How a move makes its event: the record's constructor. */
        interface Kind<E extends WorkOrderEvent> {
            E of(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change);
        }
    }

    /** An order to one unit, on a clock. */
    public record WorkOrderAssigned(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "assigned"; }
    }

    /** 签收. */
    public record WorkOrderSigned(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "signed"; }
    }

    /** 申请退回. */
    public record WorkOrderReturnRequested(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "returnRequested"; }
    }

    /** The office agreed to the return. */
    public record WorkOrderReturnApproved(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "returnApproved"; }
    }

    /** The office refused the return: back where it was. */
    public record WorkOrderReturnDeclined(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "returnDeclined"; }
    }

    /** 申请延期, in working days. */
    public record WorkOrderExtensionRequested(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "extensionRequested"; }
    }

    /** The office agreed to the extension: the voter's due date moves. */
    public record WorkOrderExtensionApproved(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "extensionApproved"; }
    }

    /** The office refused the extension. */
    public record WorkOrderExtensionDeclined(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "extensionDeclined"; }
    }

    /** The unit replied; the order is done. */
    public record WorkOrderReplied(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "replied"; }
    }

    /** 沟通记录 with the voter; moves nothing. */
    public record WorkOrderContactRecorded(long workOrderId, OpinionId opinion, UnitId unit, StatusChange change) implements WorkOrderEvent {
        public String step() { return "contactRecorded"; }
    }

    /**
     * An opinion was sent through a deputy's own duty code (or addressed to the deputy by the channel it came
     * from): the deputy heard it. Published in the storing transaction for whoever counts deputies' work (the
     * duty records); not audited here (the opinion's own submission is). Carries no personal data.
     */
    public record OpinionHeardByDeputy(long opinionId, long deputyId, String category, java.time.Instant heardAt) {
    }
}
