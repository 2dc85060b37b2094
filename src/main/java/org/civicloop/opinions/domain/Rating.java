package org.civicloop.opinions.domain;

/** The voter's rating of the reply; NOT_RATED when the rating period ran out. */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, NOT_RATED;

    public static Rating ofVoterChoice(String value) {
        Rating r = valueOf(value);
        if (r == NOT_RATED) {
            throw new IllegalArgumentException("not a voter's choice");
        }
        return r;
    }
}
