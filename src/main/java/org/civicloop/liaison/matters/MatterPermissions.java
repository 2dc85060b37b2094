package org.civicloop.liaison.matters;

import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who may do what with an enterprise matter; pages, the service and the queries ask here.
 *
 * <p>The enterprise's confirmation is recorded by the site's staff (or the office) on the enterprise's
 * word: enterprise accounts are not tied to a credit code today, so a login cannot prove it speaks
 * for the enterprise that raised the matter.
 */
public final class MatterPermissions {

    private MatterPermissions() {
    }

    /** Take up a matter at a site: whoever works there. */
    public static boolean mayOpen(CivicUser user, SiteSummary site) {
        return SiteWork.worksAt(user, site);
    }

    /** Answer: the staff of the unit it was sent to, while it is at the unit. */
    public static boolean mayAnswer(CivicUser user, EnterpriseMatter m) {
        return isUnit(user, m) && m.status().canTransitionTo(MatterStatus.ANSWERED);
    }

    /** Record the enterprise's word (solved, not solved, send back): whoever works at the site, once answered. */
    public static boolean mayConfirm(CivicUser user, EnterpriseMatter m, SiteSummary site) {
        return SiteWork.worksAt(user, site) && m.status() == MatterStatus.ANSWERED;
    }

    /** Read the matter: the office, leaders and administrators; the site's staff; the unit it went to. */
    public static boolean mayView(CivicUser user, EnterpriseMatter m, SiteSummary site) {
        return viewsAll(user) || SiteWork.worksAt(user, site) || isUnit(user, m);
    }

    public static boolean viewsAll(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN);
    }

    /**
     * The contact person's name and phone: only those who must contact the enterprise (the office, the
     * site's staff, the unit handling it), as for voters; leaders and administrators read them masked.
     */
    public static boolean maySeeContact(CivicUser user, EnterpriseMatter m, SiteSummary site) {
        return SiteWork.worksAt(user, site) || isUnit(user, m);
    }

    private static boolean isUnit(CivicUser user, EnterpriseMatter m) {
        return user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null && user.unitId() == m.unitId();
    }
}
