package org.civicloop.legislation.report;

import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who may do what with compiled reports, adoption feedback and the legislation figures. A contact point's own
 * station staff compile its report; the congress office compiles any, enters the final text and marks adoption;
 * administrators and leaders read.
 */
public final class ReportPermissions {

    private ReportPermissions() {
    }

    /** Writing a point's report: the office, or the station staff of the unit that runs the point. */
    public static boolean mayCompile(CivicUser user, SiteSummary point) {
        if (user == null) {
            return false;
        }
        if (user.hasRole(Role.CONGRESS_OFFICE)) {
            return true;
        }
        return user.hasRole(Role.STATION_STAFF) && point != null && point.staffUnitId() != null
                && point.staffUnitId().equals(user.unitId());
    }

    /** Reading a point's report: whoever may compile it, administrators and leaders. */
    public static boolean mayRead(CivicUser user, SiteSummary point) {
        return user != null && (mayCompile(user, point) || user.hasRole(Role.ADMIN) || user.hasRole(Role.LEADER));
    }

    /** The final text, adoption and publishing the feedback: the congress office. */
    public static boolean mayFeedBack(CivicUser user) {
        return user != null && user.hasRole(Role.CONGRESS_OFFICE);
    }

    /** Reading adoption and figures: the office, administrators and leaders. */
    public static boolean maySeeAdoption(CivicUser user) {
        return user != null && (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.ADMIN) || user.hasRole(Role.LEADER));
    }
}
