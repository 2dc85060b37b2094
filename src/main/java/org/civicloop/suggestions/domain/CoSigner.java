package org.civicloop.suggestions.domain;

import java.time.Instant;

/** A co-signing deputy (联名代表) and when they confirmed, if they have. */
public record CoSigner(long deputyId, Instant confirmedAt) {

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
