package org.civicloop.performance.work.domain;

/** What kind of tracked work (督办事项) an item is; the label of each is {@code performance.work.kind.<NAME>}. */
public enum WorkKind {
    /** 年度改革要点. */
    REFORM_POINT,
    /** 领导领衔改革项目. */
    LEADER_PROJECT,
    /** 其他领导交办事项. */
    OTHER_TASK,
    /** 招商项目 (招、落、服): has a stage, a contract value and funds in place. */
    INVESTMENT
}
