package org.civicloop.liaison;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What other modules may ask about receptions (接待); the opinions module checks a reception id with it. */
public interface Receptions {

    /** A reception by id, whatever its status. */
    Optional<ReceptionSummary> find(long receptionId);

    /**
     * The receptions on {@code day} that are not cancelled, at the sites a unit's station staff run
     * ({@code staffUnitId}), or at every site when it is null (the congress office), by time then site.
     */
    List<ReceptionSummary> openFor(Long staffUnitId, LocalDate day);

    /** The receptions on {@code day} at one site that are not cancelled, by time. */
    List<ReceptionSummary> openAtSite(long siteId, LocalDate day);
}
