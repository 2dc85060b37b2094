package org.civicloop.performance.evaluation.domain;

/** The groups of the indicator library (一级指标), shown through {@code performance.eval.category.<name>}. */
public enum IndicatorCategory {
    ECONOMY,
    INNOVATION,
    OPENING,
    ECOLOGY,
    SERVICE
}
