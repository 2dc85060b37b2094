package org.civicloop.suggestions.domain;

/** The lead deputy's evaluation of the replies: 满意 / 基本满意 / 不满意. */
public enum Evaluation {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
