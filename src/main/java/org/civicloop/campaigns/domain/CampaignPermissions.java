package org.civicloop.campaigns.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/** Who may do what with a campaign; the pages and the service ask here. */
public final class CampaignPermissions {

    private CampaignPermissions() {
    }

    /** Set up a campaign and move it from phase to phase: the congress office. */
    public static boolean mayManage(CivicUser user) {
        return user != null && user.hasRole(Role.CONGRESS_OFFICE);
    }

    /** Read the campaigns with their nominees, reasons and checks. */
    public static boolean mayView(CivicUser user) {
        return user != null && (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.ADMIN) || user.hasRole(Role.LEADER)
                || user.hasRole(Role.STATION_STAFF));
    }

    /** Nominate at all: the office, and station staff (for deputies of their place). */
    public static boolean mayNominate(CivicUser user) {
        return user != null && (user.hasRole(Role.CONGRESS_OFFICE) || (user.hasRole(Role.STATION_STAFF) && user.unitId() != null));
    }

    /**
     * Nominate this deputy: the office anyone; station staff a deputy elected in the place their unit
     * (the town or street government that runs the station) is responsible for.
     *
     * @param deputyUnitId the unit responsible for the deputy's region, or null when none is registered
     */
    public static boolean mayNominate(CivicUser user, Long deputyUnitId) {
        if (user == null) {
            return false;
        }
        if (user.hasRole(Role.CONGRESS_OFFICE)) {
            return true;
        }
        return user.hasRole(Role.STATION_STAFF) && user.unitId() != null && user.unitId().equals(deputyUnitId);
    }

    /** {@code OFFICE} or {@code STATION}: how the nomination is recorded. */
    static String nominatedBy(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE) ? "OFFICE" : "STATION";
    }
}
