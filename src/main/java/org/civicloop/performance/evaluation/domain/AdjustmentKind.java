package org.civicloop.performance.evaluation.domain;

/** 加分项 / 扣分项 / 一票否决. */
public enum AdjustmentKind {
    BONUS,
    PENALTY,
    /** The district keeps its score and rank, is marked vetoed and cannot be named 先进. */
    VETO
}
