package org.civicloop.liaison.disputes;

import java.util.EnumSet;
import java.util.Set;

/** Where a dispute (纠纷调解) is. Label: {@code dispute.status.<NAME>}. */
public enum DisputeStatus {
    /** Being mediated: sittings are recorded. */
    MEDIATING,
    /** Closed with an agreement the parties signed (调解协议). */
    AGREED,
    /** Closed without agreement. */
    NO_AGREEMENT,
    /** Closed and referred on (to the court, arbitration, a government department). */
    REFERRED;

    public boolean canTransitionTo(DisputeStatus next) {
        return allowedNext(this).contains(next);
    }

    static Set<DisputeStatus> allowedNext(DisputeStatus from) {
        return switch (from) {
            case MEDIATING -> EnumSet.of(AGREED, NO_AGREEMENT, REFERRED);
            case AGREED, NO_AGREEMENT, REFERRED -> EnumSet.noneOf(DisputeStatus.class);
        };
    }
}
