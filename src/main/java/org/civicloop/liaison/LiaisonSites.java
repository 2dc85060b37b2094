package org.civicloop.liaison;

import java.util.List;
import java.util.Optional;

/** What other modules may ask about liaison sites. They never read the network's tables. */
public interface LiaisonSites {

    /**
     * The site a duty QR code stands for, if the token is its and the site is open: a closed
     * site's code no longer receives opinions. Case is ignored.
     */
    Optional<SiteSummary> byDutyToken(String token);

    /** A site by id, open or closed. */
    Optional<SiteSummary> find(long siteId);

    /** The sites a unit's station staff run, open or closed, by name. */
    List<SiteSummary> forStaffUnit(long unitId);

    /** The open sites of one type ({@code LEGISLATIVE_POINT}: the legislative contact points), by name. */
    List<SiteSummary> openOfType(String type);
}
