package org.civicloop.suggestions.domain;

import java.time.Instant;

/**
 * A co-signing deputy (联名代表), when they confirmed, if they have, and their own opinion of the
 * reply, if they gave one. The lead deputy's evaluation decides the suggestion's course; a
 * co-signer's opinion is recorded beside it (逐人答复: each co-signer gets the reply and may say
 * what they think of it).
 */
public record CoSigner(long deputyId, Instant confirmedAt, Evaluation evaluation, String evaluationNote, Instant evaluatedAt) {

    public CoSigner(long deputyId, Instant confirmedAt) {
        this(deputyId, confirmedAt, null, null, null);
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
