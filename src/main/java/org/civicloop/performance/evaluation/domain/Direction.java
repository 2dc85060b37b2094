package org.civicloop.performance.evaluation.domain;

/** 正向/逆向指标: whether a higher or a lower figure is better. */
public enum Direction {
    /** 正向指标: the higher the better (GDP growth). */
    HIGHER,
    /** 逆向指标: the lower the better (energy per unit of GDP). */
    LOWER
}
