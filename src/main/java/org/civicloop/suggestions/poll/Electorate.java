package org.civicloop.suggestions.poll;

/** Who may vote in a poll. */
public enum Electorate {
    /** Every account holding the DEPUTY role when the poll opens. */
    ALL_DEPUTIES,
    /** A list of accounts chosen by the office (e.g. the standing committee's members). */
    CHOSEN
}
