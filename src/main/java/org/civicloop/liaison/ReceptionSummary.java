package org.civicloop.liaison;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A reception (接待) as other modules see it.
 *
 * @param place  where it is held: the site's address, or for a mobile (流动) reception the named place (a market, a square)
 * @param status {@code PLANNED}, {@code HELD} or {@code CANCELLED}; label {@code reception.status.<status>}
 */
public record ReceptionSummary(long id, long siteId, String siteName, LocalDate heldOn, LocalTime startsAt,
                               LocalTime endsAt, String place, boolean mobile, String status) {

    /** Opinions may still be recorded for it: planned or held, not cancelled. */
    public boolean open() {
        return !"CANCELLED".equals(status);
    }
}
