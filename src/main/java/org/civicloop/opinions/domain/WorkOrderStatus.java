package org.civicloop.opinions.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.shared.BusinessException;
import org.springframework.context.MessageSourceResolvable;

/** A work order at a handling unit. The allowed moves live here. */
public enum WorkOrderStatus {
    /** 待签收. */
    ASSIGNED,
    /** 办理中 (signed for). */
    SIGNED,
    /** 申请退回: the unit says it is not theirs; the office decides. */
    RETURN_REQUESTED,
    /** 申请延期: the office decides. */
    EXTENSION_REQUESTED,
    /** 已答复. */
    REPLIED,
    /** 已退回: the office agreed; the opinion goes back to be routed again. */
    RETURNED;

    /**
     * The active statuses as an SQL list, {@code ('ASSIGNED', 'SIGNED', …)}, for {@code w.status in …}:
     * every query that wants the orders still in a unit's hands says so with this, not by hand.
     */
    public static final String ACTIVE_SQL = Arrays.stream(values()).filter(WorkOrderStatus::isActive)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    public boolean canTransitionTo(WorkOrderStatus next) {
        return next(this).contains(next);
    }

    private static Set<WorkOrderStatus> next(WorkOrderStatus from) {
        return switch (from) {
            case ASSIGNED -> EnumSet.of(SIGNED, RETURN_REQUESTED);
            case SIGNED -> EnumSet.of(RETURN_REQUESTED, EXTENSION_REQUESTED, REPLIED);
            case RETURN_REQUESTED -> EnumSet.of(RETURNED, ASSIGNED, SIGNED);
            case EXTENSION_REQUESTED -> EnumSet.of(SIGNED);
            case REPLIED, RETURNED -> EnumSet.noneOf(WorkOrderStatus.class);
        };
    }

    /** The status as people read it ({@code workOrder.state.*}), for a message that names it. */
    public MessageSourceResolvable label() {
        return BusinessException.label("workOrder.state." + name());
    }

    /** Still in the unit's hands: not replied, not given back. */
    public boolean isActive() {
        return this != REPLIED && this != RETURNED;
    }
}
