package org.civicloop.liaison.casework;

import java.util.Set;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who works at a site: the congress office at every site, station staff at the sites their unit runs.
 * These are the people who record activities, matters and disputes there, and who may contact the
 * enterprise or the parties.
 */
public final class SiteWork {

    /** Where enterprise matters are taken up: park rooms and the points (domain-research.md 1.6). */
    public static final Set<String> MATTER_SITES = Set.of("PARK_ROOM", "ECON_OBSERVATION", "PROFESSIONAL_POINT", "RURAL_POINT");
    /** Where disputes are mediated: the matter sites, and the stations and area rooms close to the people. */
    public static final Set<String> DISPUTE_SITES = Set.of("PARK_ROOM", "ECON_OBSERVATION", "PROFESSIONAL_POINT",
            "RURAL_POINT", "STATION", "AREA_ROOM");
    /** Where themed activities are held: deputy homes and points. */
    public static final Set<String> ACTIVITY_SITES = Set.of("PROFESSIONAL_HOME", "RURAL_POINT", "ECON_OBSERVATION",
            "PROFESSIONAL_POINT", "PARK_ROOM");

    private SiteWork() {
    }

    public static boolean worksAt(CivicUser user, SiteSummary site) {
        if (user == null || site == null) {
            return false;
        }
        return user.hasRole(Role.CONGRESS_OFFICE)
                || (user.hasRole(Role.STATION_STAFF) && user.unitId() != null && user.unitId().equals(site.staffUnitId()));
    }

    /** May record at some site: the office, station staff. */
    public static boolean recordsAtSites(CivicUser user) {
        return user != null && (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.STATION_STAFF));
    }
}
