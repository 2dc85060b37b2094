package org.civicloop.services.cases.domain;

/** 好差评: the five levels of the national rating of government services; labels {@code services.rating.level.<NAME>}. */
public enum RatingLevel {
    VERY_SATISFIED, SATISFIED, FAIRLY_SATISFIED, DISSATISFIED, VERY_DISSATISFIED;

    /** The two low levels need a reason (差评须说明原因). */
    public boolean needsReason() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }
}
