package org.civicloop.shared;

import java.util.function.IntSupplier;

/** Work taken a batch at a time until a batch comes back short: queues, chains, purges and scans. */
public final class Batches {

    private Batches() {
    }

    /**
     * Runs {@code batch} again and again while it reports a full batch of {@code size}; returns the sum of what
     * it reported. Each run is the caller's unit (usually its own transaction), so a stop loses at most one.
     */
    public static int untilShort(int size, IntSupplier batch) {
        int total = 0;
        int n;
        do {
            n = batch.getAsInt();
            total += n;
        } while (n == size);
        return total;
    }
}
