package org.civicloop.opinions.domain;

import java.time.Instant;
import java.util.Map;
import org.civicloop.opinions.OpinionEvents.WorkOrderAssigned;
import org.civicloop.opinions.OpinionEvents.WorkOrderContactRecorded;
import org.civicloop.opinions.OpinionEvents.WorkOrderEvent;
import org.civicloop.opinions.OpinionEvents.WorkOrderExtensionApproved;
import org.civicloop.opinions.OpinionEvents.WorkOrderExtensionDeclined;
import org.civicloop.opinions.OpinionEvents.WorkOrderExtensionRequested;
import org.civicloop.opinions.OpinionEvents.WorkOrderReplied;
import org.civicloop.opinions.OpinionEvents.WorkOrderReturnApproved;
import org.civicloop.opinions.OpinionEvents.WorkOrderReturnDeclined;
import org.civicloop.opinions.OpinionEvents.WorkOrderReturnRequested;
import org.civicloop.opinions.OpinionEvents.WorkOrderSigned;
import org.civicloop.opinions.OpinionId;
import org.civicloop.organization.UnitId;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.StatusChange;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An opinion sent to one handling unit, on a clock. Its moves take the time from the caller. */
@Table("work_order")
public class WorkOrder {

    @Id
    private Long id;
    private Long opinionId;
    private Long unitId;
    private int round;
    private WorkOrderStatus status;
    private String instructions;
    private Instant assignedAt;
    private String assignedBy;
    private Instant signedAt;
    private String returnReason;
    private Integer extensionDays;
    private String extensionReason;
    private String reply;
    private Instant repliedAt;
    private Instant closedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    WorkOrder(Long id, Long opinionId, Long unitId, int round, WorkOrderStatus status, String instructions,
              Instant assignedAt, String assignedBy, Instant signedAt, String returnReason, Integer extensionDays,
              String extensionReason, String reply, Instant repliedAt, Instant closedAt, Integer version) {
        this.id = id;
        this.opinionId = opinionId;
        this.unitId = unitId;
        this.round = round;
        this.status = status;
        this.instructions = instructions;
        this.assignedAt = assignedAt;
        this.assignedBy = assignedBy;
        this.signedAt = signedAt;
        this.returnReason = returnReason;
        this.extensionDays = extensionDays;
        this.extensionReason = extensionReason;
        this.reply = reply;
        this.repliedAt = repliedAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    static WorkOrder assign(long opinionId, long unitId, int round, String instructions, String by, Instant at) {
        return new WorkOrder(null, opinionId, unitId, round, WorkOrderStatus.ASSIGNED, instructions, at, by,
                null, null, null, null, null, null, null, null);
    }

    WorkOrderAssigned assigned() {
        return event(StatusChange.created(status.name(), Map.of("round", round)), WorkOrderAssigned::new);
    }

    WorkOrderSigned sign(Instant now) {
        this.signedAt = now;
        return move(WorkOrderStatus.SIGNED, Map.of(), WorkOrderSigned::new);
    }

    WorkOrderReturnRequested requestReturn(String reason) {
        this.returnReason = reason;
        return move(WorkOrderStatus.RETURN_REQUESTED, Map.of("reason", reason), WorkOrderReturnRequested::new);
    }

    WorkOrderReturnApproved approveReturn(Instant now) {
        WorkOrderReturnApproved e = move(WorkOrderStatus.RETURNED, Map.of(), WorkOrderReturnApproved::new);
        this.closedAt = now;
        return e;
    }

    WorkOrderReturnDeclined declineReturn() {
        return move(signedAt == null ? WorkOrderStatus.ASSIGNED : WorkOrderStatus.SIGNED, Map.of(), WorkOrderReturnDeclined::new);
    }

    WorkOrderExtensionRequested requestExtension(int workingDays, String reason) {
        if (workingDays < 1 || workingDays > 60) {
            throw BusinessException.invalid("workOrder.error.extensionDays", 1, 60);
        }
        this.extensionDays = workingDays;
        this.extensionReason = reason;
        return move(WorkOrderStatus.EXTENSION_REQUESTED, Map.of("workingDays", workingDays, "reason", reason),
                WorkOrderExtensionRequested::new);
    }

    WorkOrderEvent decideExtension(boolean approved) {
        if (status != WorkOrderStatus.EXTENSION_REQUESTED || extensionDays == null) {
            throw BusinessException.conflict("workOrder.error.transition", state(status), state(WorkOrderStatus.SIGNED));
        }
        WorkOrderEvent.Kind<WorkOrderEvent> kind = approved ? WorkOrderExtensionApproved::new : WorkOrderExtensionDeclined::new;
        return move(WorkOrderStatus.SIGNED, Map.of("workingDays", extensionDays), kind);
    }

    WorkOrderReplied reply(String text, Instant now) {
        this.reply = text;
        this.repliedAt = now;
        WorkOrderReplied e = move(WorkOrderStatus.REPLIED, Map.of(), WorkOrderReplied::new);
        this.closedAt = now;
        return e;
    }

    /** 沟通记录 with the voter, which moves nothing: the event to publish once the contact is stored. */
    WorkOrderContactRecorded contactRecorded(String mode) {
        return event(StatusChange.stay(status.name(), Map.of("mode", mode)), WorkOrderContactRecorded::new);
    }

    private <E extends WorkOrderEvent> E move(WorkOrderStatus next, Map<String, Object> details, WorkOrderEvent.Kind<E> kind) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("workOrder.error.transition", state(status), state(next));
        }
        WorkOrderStatus from = status;
        this.status = next;
        return event(new StatusChange(from.name(), next.name(), details), kind);
    }

    private <E extends WorkOrderEvent> E event(StatusChange change, WorkOrderEvent.Kind<E> kind) {
        return kind.of(id, new OpinionId(opinionId), new UnitId(unitId), change);
    }

    public Long id() { return id; }
    public Long opinionId() { return opinionId; }
    public Long unitId() { return unitId; }
    public int round() { return round; }
    public WorkOrderStatus status() { return status; }
    public Integer extensionDays() { return extensionDays; }
    public Instant assignedAt() { return assignedAt; }
    public Instant signedAt() { return signedAt; }
    public Instant closedAt() { return closedAt; }

    /** A state as its name in the reader's language, for a refusal's message. */
    private static Object state(WorkOrderStatus s) {
        return BusinessException.label("workOrder.state." + s.name());
    }
}
