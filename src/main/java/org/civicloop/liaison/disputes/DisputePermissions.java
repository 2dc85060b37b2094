package org.civicloop.liaison.disputes;

import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/** Who may do what with a dispute; pages, the service, the queries and the agreement download ask here. */
public final class DisputePermissions {

    private DisputePermissions() {
    }

    /** Take up, record sittings, close: whoever works at the site. */
    public static boolean mayMediate(CivicUser user, SiteSummary site) {
        return SiteWork.worksAt(user, site);
    }

    /** Read the dispute (subject, status, outcome): the office, leaders, administrators, the site's staff. */
    public static boolean mayView(CivicUser user, SiteSummary site) {
        return viewsAll(user) || SiteWork.worksAt(user, site);
    }

    public static boolean viewsAll(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN);
    }

    /**
     * The parties' names and phones, the sittings' notes and the agreement (which names the parties):
     * only those who mediate at the site; leaders and administrators read the parties masked.
     */
    public static boolean maySeeParties(CivicUser user, SiteSummary site) {
        return SiteWork.worksAt(user, site);
    }
}
