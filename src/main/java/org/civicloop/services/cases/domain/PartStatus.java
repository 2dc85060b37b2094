package org.civicloop.services.cases.domain;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Where one department's part of an application stands; labels {@code services.approval.status.<NAME>}. */
public enum PartStatus {
    /** 待受理: the application is not accepted yet. */
    WAITING,
    /** 审批中: the department examines it; its clock runs. */
    IN_REVIEW,
    /** 退回补正: this department asked the applicant for more; every clock is stopped. */
    RETURNED,
    /** 已通过. */
    APPROVED,
    /** 不予许可, with a reason. */
    REJECTED,
    /** 已终止: the application was refused or failed before this part was decided. */
    CANCELLED;

    /** {@link #isDecided()} as an SQL list, for queries: {@code ('APPROVED', 'REJECTED')}. */
    public static final String DECIDED_SQL = sql(PartStatus::isDecided);

    /** {@link #isOpen()} as an SQL list, for queries: {@code ('IN_REVIEW', 'RETURNED')}. */
    public static final String OPEN_SQL = sql(PartStatus::isOpen);

    private static String sql(Predicate<PartStatus> which) {
        return Arrays.stream(values()).filter(which).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    public boolean canTransitionTo(PartStatus next) {
        return switch (this) {
            case WAITING -> next == IN_REVIEW || next == CANCELLED;
            case IN_REVIEW -> next == RETURNED || next == APPROVED || next == REJECTED || next == CANCELLED;
            case RETURNED -> next == IN_REVIEW;
            case APPROVED, REJECTED, CANCELLED -> false;
        };
    }

    /** Decided by the department (either way). */
    public boolean isDecided() {
        return this == APPROVED || this == REJECTED;
    }

    /** Its clock runs or is paused. */
    public boolean isOpen() {
        return this == IN_REVIEW || this == RETURNED;
    }
}
