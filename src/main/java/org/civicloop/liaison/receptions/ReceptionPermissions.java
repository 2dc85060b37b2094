package org.civicloop.liaison.receptions;

import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who may do what with a site's receptions, fixed days and roster: the congress office (and
 * administrators) everywhere; station staff at the sites their unit runs. Reading follows the same
 * rule; another unit's site answers like one that does not exist.
 */
public final class ReceptionPermissions {

    private ReceptionPermissions() {
    }

    /** Planning, holding and cancelling receptions, and keeping the fixed days and the roster. */
    public static boolean mayRun(CivicUser user, SiteSummary site) {
        if (user == null || site == null) {
            return false;
        }
        if (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.ADMIN)) {
            return true;
        }
        return user.hasRole(Role.STATION_STAFF) && site.staffUnitId() != null && site.staffUnitId().equals(user.unitId());
    }

    /**
     * Whether the reception page offers recording opinions (the capture page, in the opinions module,
     * decides again): the office and the site's staff record; an administrator does not.
     */
    public static boolean mayRecordOpinions(CivicUser user, SiteSummary site) {
        return mayRun(user, site) && (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.STATION_STAFF));
    }

    /** Reading a site's receptions: the same people. */
    public static boolean mayRead(CivicUser user, SiteSummary site) {
        return mayRun(user, site);
    }
}
