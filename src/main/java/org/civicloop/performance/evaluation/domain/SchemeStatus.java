package org.civicloop.performance.evaluation.domain;

import java.util.Arrays;
import java.util.List;

/** Where a scheme's period stands: 填报中 → 已审核 → 已锁定 → 已发布 (审核 may be undone before locking). */
public enum SchemeStatus {
    /** 填报中: departments enter or import figures; the office sets indicators and items. */
    FILLING,
    /** 已审核: figures checked by the office; nothing is entered, the office may lock or reopen. */
    REVIEWED,
    /** 已锁定: scores frozen; the database refuses any change to the period's figures, items and scores. */
    LOCKED,
    /** 已发布: locked and shown on the public page. */
    PUBLISHED;

    /** The statuses whose data the database refuses to change (the trigger of V95 names the same). */
    public static final List<String> FROZEN = Arrays.stream(values()).filter(SchemeStatus::frozen).map(Enum::name).toList();

    public boolean canTransitionTo(SchemeStatus next) {
        return switch (this) {
            case FILLING -> next == REVIEWED;
            case REVIEWED -> next == FILLING || next == LOCKED;
            case LOCKED -> next == PUBLISHED;
            case PUBLISHED -> false;
        };
    }

    public boolean frozen() {
        return this == LOCKED || this == PUBLISHED;
    }
}
