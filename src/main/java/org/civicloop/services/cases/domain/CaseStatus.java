package org.civicloop.services.cases.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Where an application (办件) stands; the label of each is {@code services.case.status.<NAME>}. */
public enum CaseStatus {
    /** 待受理: submitted, the window checks it is complete. */
    SUBMITTED,
    /** 待补正（一次性告知）: the window listed what is missing; no clock runs yet. */
    CORRECTION_REQUESTED,
    /** 不予受理. Final. */
    REFUSED,
    /** 审批中: accepted, the departments' parts run in parallel. */
    IN_PROGRESS,
    /** 补正中: a department asked the applicant for more; every clock of the application is stopped. */
    AWAITING_APPLICANT,
    /** 待出件: every required part is decided; the window issues the results together. */
    READY,
    /** 已办结: the results were issued. */
    COMPLETED,
    /** 未通过: a required part was rejected. Final. */
    FAILED;

    /** The statuses in which the applicant is asked to correct something. */
    public static final Set<CaseStatus> CORRECTING = EnumSet.of(CORRECTION_REQUESTED, AWAITING_APPLICANT);

    /** The statuses with department clocks in them, for SQL: {@code status in (...)}. */
    public static final String RUNNING_SQL = "'IN_PROGRESS', 'AWAITING_APPLICANT'";

    public boolean canTransitionTo(CaseStatus next) {
        return switch (this) {
            case SUBMITTED -> next == CORRECTION_REQUESTED || next == REFUSED || next == IN_PROGRESS;
            case CORRECTION_REQUESTED -> next == SUBMITTED;
            case IN_PROGRESS -> next == AWAITING_APPLICANT || next == READY || next == FAILED;
            case AWAITING_APPLICANT -> next == IN_PROGRESS;
            case READY -> next == COMPLETED;
            case REFUSED, COMPLETED, FAILED -> false;
        };
    }

    public boolean isFinal() {
        return this == REFUSED || this == COMPLETED || this == FAILED;
    }

    static String sql(Set<CaseStatus> statuses) {
        return Arrays.stream(values()).filter(statuses::contains).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }
}
