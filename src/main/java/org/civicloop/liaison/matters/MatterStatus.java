package org.civicloop.liaison.matters;

import java.util.EnumSet;
import java.util.Set;

/** Where an enterprise matter (企业诉求) is. Label: {@code matter.status.<NAME>}. */
public enum MatterStatus {
    /** Sent to the government unit, its clock running. */
    AT_UNIT,
    /** The unit answered; the enterprise is to say whether that solved it. */
    ANSWERED,
    /** Closed: the enterprise confirmed the problem is solved. */
    SOLVED,
    /** Closed: the enterprise says it is not solved and did not send it back. */
    UNSOLVED;

    public boolean canTransitionTo(MatterStatus next) {
        return allowedNext(this).contains(next);
    }

    public boolean isClosed() {
        return this == SOLVED || this == UNSOLVED;
    }

    static Set<MatterStatus> allowedNext(MatterStatus from) {
        return switch (from) {
            case AT_UNIT -> EnumSet.of(ANSWERED);
            case ANSWERED -> EnumSet.of(AT_UNIT, SOLVED, UNSOLVED);
            case SOLVED, UNSOLVED -> EnumSet.noneOf(MatterStatus.class);
        };
    }
}
