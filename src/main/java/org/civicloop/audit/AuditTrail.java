package org.civicloop.audit;

/**
 * The audit module's public face: verify the chain. (Recording needs no call: publish an
 * {@link org.civicloop.shared.AuditableEvent}.)
 */
public interface AuditTrail {

    /** Links every committed, unchained row into the chain now; returns how many. */
    int chainPending();

    /** Walks the whole chain and names the first row that does not hold. */
    Verification verify();

    /**
     * @param checked      rows verified
     * @param pending      rows committed but not yet chained (normally chained within a second)
     * @param firstBadId   id of the first broken row, or null when intact
     * @param problem      why it is broken: {@code hash}, {@code link} or {@code gap}; null when intact
     */
    record Verification(long checked, long pending, Long firstBadId, Long firstBadSeq, String problem)
            implements java.io.Serializable {
        public boolean intact() {
            return firstBadId == null && problem == null;
        }
    }
}
