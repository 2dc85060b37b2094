package org.civicloop.audit;

/**
 * The audit module's public face: verify the chain. (Recording needs no call: publish an
 * {@link org.civicloop.shared.AuditableEvent}.)
 */
public interface AuditTrail {

    /** Links every committed, unchained row into the chain now; returns how many. */
    int chainPending();

    /**
     * Appends the chain head to the checkpoint file outside the database if it moved since the last
     * checkpoint (also done every {@code civicloop.audit.checkpoint-interval} and at shutdown);
     * true when a line was written. Never vouches for a chain that lost an earlier checkpoint.
     */
    boolean checkpoint();

    /**
     * Walks the whole chain with the audit key, compares it with every checkpoint, and names the
     * first row (or position) that does not hold.
     */
    Verification verify();

    /**
     * @param checked      rows verified
     * @param pending      rows committed but not yet chained (normally chained within a second)
     * @param firstBadId   id of the first broken row, or null when intact
     * @param problem      why it is broken: {@code hash} (content changed), {@code link}, {@code gap} (a
     *                     row deleted), {@code resealed} (a row differs from a checkpoint),
     *                     {@code truncated} (a checkpointed position is missing), {@code checkpoints}
     *                     (the checkpoint file was altered), {@code epoch} or {@code key} (the chain was
     *                     sealed with another key); null when intact
     * @param checkpoints  checkpoints the chain was compared with
     */
    record Verification(long checked, long pending, Long firstBadId, Long firstBadSeq, String problem, long checkpoints)
            implements java.io.Serializable {
        public boolean intact() {
            return firstBadId == null && problem == null;
        }
    }
}
