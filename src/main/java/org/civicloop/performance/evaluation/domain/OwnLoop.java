package org.civicloop.performance.evaluation.domain;

/**
 * Indicators computed from CivicLoop's own data (the suggestions module's KPIs), never typed in.
 * CivicLoop holds only its own district's data, so such a figure exists for that district alone.
 */
public enum OwnLoop {
    /** 按时办复率: first replies on time ÷ replies, in percent. */
    ON_TIME_REPLY_RATE,
    /** 代表满意率: satisfied evaluations ÷ evaluations, in percent. */
    SATISFACTION_RATE,
    /** 解决率: solved result classes ÷ classified replies, in percent. */
    SOLVED_RATE
}
