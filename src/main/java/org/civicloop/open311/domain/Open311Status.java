package org.civicloop.open311.domain;

import java.util.Set;

/**
 * GeoReport v2 knows two states, {@code open} ("it has been reported") and {@code closed} ("it has
 * been resolved"). An opinion is closed once the district has nothing more to do unless something
 * new happens: answered (REPLIED: the voter may still rate it, and a dissatisfied rating reopens it,
 * which turns it open again), finished (CLOSED), refused with a reason (REJECTED) or merged into
 * another opinion that carries on (MERGED). Every other state, including any added later, is open,
 * so nothing is reported resolved by mistake.
 */
public final class Open311Status {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    /** The opinion states that count as closed. */
    public static final Set<String> CLOSED_STATES = Set.of("REPLIED", "CLOSED", "REJECTED", "MERGED");
    /** The opinion states that count as open, as far as the API can ask for them by name. */
    public static final Set<String> OPEN_STATES = Set.of("SUBMITTED", "ACCEPTED", "HANDLING", "IN_SUGGESTION");

    private Open311Status() {
    }

    public static String of(String opinionStatus) {
        return CLOSED_STATES.contains(opinionStatus) ? CLOSED : OPEN;
    }
}
