package org.civicloop.performance.evaluation.domain;

/**
 * How one indicator turns a district's figure into an index score {@code d} (0–100, the share of the
 * indicator's weight earned); the points are {@code w × d / 100}. Formulas in {@link Scoring}.
 */
public enum ScoringMethod {
    /** 功效系数法: d = 60 + (x − x_s)/(x_h − x_s) × 40, floor and satisfactory values or the districts' min and max. */
    EFFICACY,
    /** 目标完成率: d = 100 × min(x/T, cap). */
    TARGET,
    /** 排位: d = 100 × (1 − 0.05 × (rank − 1)). */
    RANK,
    /** 对标领先: d = 100 × x / x_max. */
    LEAD
}
