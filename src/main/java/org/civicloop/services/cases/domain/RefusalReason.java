package org.civicloop.services.cases.domain;

/** Why the window refuses an application (不予受理); labels {@code services.window.refusal.<NAME>}. */
public enum RefusalReason {
    /** 不属于本部门（本事项）受理范围. */
    NOT_OUR_MATTER,
    /** 申请人不具备申请资格. */
    NOT_ELIGIBLE,
    /** 依法不需要取得行政许可. */
    NO_PERMIT_NEEDED,
    /** 申请事项依法不予受理的其他情形. */
    OTHER
}
