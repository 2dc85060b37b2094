package org.civicloop.legislation.drafts;

import java.util.Collection;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who may do what with drafts and the views gathered on them; pages and services ask here. The office
 * registers, corrects and opens drafts and works at every contact point; station staff work at the
 * contact points their unit runs and compile those points' reports; administrators and leaders read reports,
 * adoption and figures. Commenters' names and phones are shown to exactly the office and the point's staff.
 */
public final class LegislationPermissions {

    private LegislationPermissions() {
    }

    /** Registering, correcting the split and opening a draft: the congress office. */
    public static boolean mayManageDrafts(CivicUser user) {
        return user != null && user.hasRole(Role.CONGRESS_OFFICE);
    }

    /** Working at a contact point (entering what a meeting, a visit or a collector gathered): the office, or its unit's station staff. */
    public static boolean mayWorkAt(CivicUser user, SiteSummary site) {
        if (user == null || site == null) {
            return false;
        }
        return user.hasRole(Role.CONGRESS_OFFICE) || (user.hasRole(Role.STATION_STAFF) && user.unitId() != null
                && user.unitId().equals(site.staffUnitId()));
    }

    /** Reading a draft's staff page (its comments with names and phones): the office, or staff at one of the points asked. */
    public static boolean mayRead(CivicUser user, Collection<SiteSummary> pointsAsked) {
        return mayManageDrafts(user) || pointsAsked.stream().anyMatch(s -> mayWorkAt(user, s));
    }

    /** A commenter's name and phone, for a comment gathered at {@code site} (null: online, to the office only). */
    public static boolean maySeeContact(CivicUser user, SiteSummary site) {
        return mayManageDrafts(user) || (site != null && mayWorkAt(user, site));
    }

    /** Compiling a point's report: whoever works at the point; the office for any point. */
    public static boolean mayCompileReport(CivicUser user, SiteSummary point) {
        return mayManageDrafts(user) || mayWorkAt(user, point);
    }

    /** Reading a point's report: whoever may compile it, administrators and leaders. */
    public static boolean mayReadReport(CivicUser user, SiteSummary point) {
        return user != null && (mayCompileReport(user, point) || user.hasRole(Role.ADMIN) || user.hasRole(Role.LEADER));
    }

    /** The final text, adoption and publishing the feedback: the congress office. */
    public static boolean mayFeedBack(CivicUser user) {
        return mayManageDrafts(user);
    }

    /** Reading adoption and the figures: the office, administrators and leaders. */
    public static boolean maySeeAdoption(CivicUser user) {
        return user != null && (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.ADMIN) || user.hasRole(Role.LEADER));
    }
}
