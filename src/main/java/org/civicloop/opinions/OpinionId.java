package org.civicloop.opinions;

/** The id of a voter's opinion, as events and other modules hold it. */
public record OpinionId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
