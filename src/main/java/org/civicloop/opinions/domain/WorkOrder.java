package org.civicloop.opinions.domain;

import java.time.Instant;
import java.util.Map;
import org.civicloop.opinions.OpinionEvents.WorkOrderChanged;
import org.civicloop.shared.BusinessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An opinion sent to one handling unit, on a clock. */
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

    WorkOrderChanged assigned() {
        return new WorkOrderChanged(id, opinionId, unitId, "assigned", null, status.name(), Map.of("round", round));
    }

    WorkOrderChanged sign() {
        this.signedAt = Instant.now();
        return move(WorkOrderStatus.SIGNED, "signed", Map.of());
    }

    WorkOrderChanged requestReturn(String reason) {
        this.returnReason = reason;
        return move(WorkOrderStatus.RETURN_REQUESTED, "returnRequested", Map.of("reason", reason));
    }

    WorkOrderChanged approveReturn() {
        WorkOrderChanged e = move(WorkOrderStatus.RETURNED, "returnApproved", Map.of());
        this.closedAt = Instant.now();
        return e;
    }

    WorkOrderChanged declineReturn() {
        return move(signedAt == null ? WorkOrderStatus.ASSIGNED : WorkOrderStatus.SIGNED, "returnDeclined", Map.of());
    }

    WorkOrderChanged requestExtension(int workingDays, String reason) {
        if (workingDays < 1 || workingDays > 60) {
            throw BusinessException.invalid("workOrder.error.extensionDays", 1, 60);
        }
        this.extensionDays = workingDays;
        this.extensionReason = reason;
        return move(WorkOrderStatus.EXTENSION_REQUESTED, "extensionRequested",
                Map.of("workingDays", workingDays, "reason", reason));
    }

    WorkOrderChanged decideExtension(boolean approved) {
        return move(WorkOrderStatus.SIGNED, approved ? "extensionApproved" : "extensionDeclined",
                Map.of("workingDays", extensionDays));
    }

    WorkOrderChanged reply(String text) {
        this.reply = text;
        this.repliedAt = Instant.now();
        WorkOrderChanged e = move(WorkOrderStatus.REPLIED, "replied", Map.of());
        this.closedAt = repliedAt;
        return e;
    }

    private WorkOrderChanged move(WorkOrderStatus next, String step, Map<String, Object> details) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("workOrder.error.transition", status.name(), next.name());
        }
        WorkOrderStatus from = status;
        this.status = next;
        return new WorkOrderChanged(id, opinionId, unitId, step, from.name(), status.name(), details);
    }

    public Long id() { return id; }
    public Long opinionId() { return opinionId; }
    public Long unitId() { return unitId; }
    public int round() { return round; }
    public WorkOrderStatus status() { return status; }
    public Integer extensionDays() { return extensionDays; }
    public Instant assignedAt() { return assignedAt; }
}
