package org.civicloop.shared;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Housekeeping deletes: a statement with {@code :cutoff} and {@code :batch} run again and again, each
 * run its own short transaction, until a run deletes less than a batch. Large tables shrink without
 * one long lock.
 */
public final class BatchedPurge {

    public static final int BATCH = 10_000;

    private BatchedPurge() {
    }

    /** Runs {@code deleteSql} until it deletes fewer than {@link #BATCH} rows; returns how many in all. */
    public static int run(JdbcClient jdbc, String deleteSql, Instant cutoff) {
        return Batches.untilShort(BATCH,
                () -> jdbc.sql(deleteSql).param("cutoff", SqlTimes.timestamp(cutoff)).param("batch", BATCH).update());
    }
}
