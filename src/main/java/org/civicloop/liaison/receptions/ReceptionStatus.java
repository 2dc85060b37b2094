package org.civicloop.liaison.receptions;

import java.util.EnumSet;
import java.util.Set;

/** Where a reception stands. The allowed moves live here and nowhere else. */
public enum ReceptionStatus {
    /** 计划: on the calendar, the place and time known. */
    PLANNED,
    /** 已接待: held, with the deputies present and the visitors counted; final. */
    HELD,
    /** 已取消: called off with a reason; final. */
    CANCELLED;

    public boolean canTransitionTo(ReceptionStatus next) {
        return next(this).contains(next);
    }

    private static Set<ReceptionStatus> next(ReceptionStatus from) {
        return switch (from) {
            case PLANNED -> EnumSet.of(HELD, CANCELLED);
            case HELD, CANCELLED -> EnumSet.noneOf(ReceptionStatus.class);
        };
    }
}
