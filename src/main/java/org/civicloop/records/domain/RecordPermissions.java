package org.civicloop.records.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/** Who may do what with the duty records; the pages and the service ask here. */
public final class RecordPermissions {

    private RecordPermissions() {
    }

    /** The points rules, the review of manual entries, entries for any deputy: the congress office. */
    public static boolean manages(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE);
    }

    /** The ranking, every deputy's record and report: the office and the district's leaders. */
    public static boolean readsAll(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER);
    }

    /** A deputy's own record: the deputy linked to the login. */
    public static boolean isDeputy(CivicUser user) {
        return user.hasRole(Role.DEPUTY);
    }
}
