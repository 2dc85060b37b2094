package org.civicloop.performance.evaluation.domain;

/** 半年测评 / 年度测评 / 1–n 月累计. */
public enum PeriodKind {
    HALF_YEAR,
    YEAR,
    MONTHS_TO_DATE
}
