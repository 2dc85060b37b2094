package org.civicloop.suggestions.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where one unit's assignment stands. The allowed moves live here and nowhere else. */
public enum AssignmentStatus {
    /** 已交办, not yet signed for. */
    ASSIGNED,
    /** 已签收 / 办理中. */
    SIGNED,
    /** 申请退办: waiting for the office. */
    RETURN_REQUESTED,
    /** 已退办: the office agreed; the unit is out. */
    RETURNED,
    /** 申请延期: waiting for the office. */
    EXTENSION_REQUESTED,
    /** 协办意见已送主办单位 (co-units only). */
    VIEW_SENT,
    /** 已答复 (lead and separate units only). */
    REPLIED;

    public boolean canTransitionTo(AssignmentStatus next) {
        return next(this).contains(next);
    }

    private static Set<AssignmentStatus> next(AssignmentStatus from) {
        return switch (from) {
            case ASSIGNED -> EnumSet.of(SIGNED, RETURN_REQUESTED);
            case SIGNED -> EnumSet.of(RETURN_REQUESTED, EXTENSION_REQUESTED, VIEW_SENT, REPLIED);
            case RETURN_REQUESTED -> EnumSet.of(RETURNED, ASSIGNED, SIGNED);
            case EXTENSION_REQUESTED -> EnumSet.of(SIGNED);
            case REPLIED -> EnumSet.of(SIGNED); // reopened for rehandling
            case RETURNED, VIEW_SENT -> EnumSet.noneOf(AssignmentStatus.class);
        };
    }

    /** Still in the unit's hands. */
    public boolean isActive() {
        return this == ASSIGNED || this == SIGNED || this == RETURN_REQUESTED || this == EXTENSION_REQUESTED;
    }
}
