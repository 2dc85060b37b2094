package org.civicloop.suggestions.supervision.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who may do what in supervision. The office runs it; leaders read everything and record activities
 * on the key suggestions they lead; a handling unit sees and reports on its own unit's items only
 * (the queries apply the same scope in SQL).
 */
public class SupervisionPermissions {

    /** Name leaders, carry lists forward, mark solved, start and close tracking, record and close resolutions. */
    public boolean isOffice(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE);
    }

    /** The office desk and every item on it: the office, leaders and administrators. */
    public boolean seesAll(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN);
    }

    /** Staff of the given handling unit. */
    public boolean isUnitStaff(CivicUser user, long unitId) {
        return user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null && user.unitId() == unitId;
    }

    /** Record a supervision activity: the office, or the leader named as lead supervisor. */
    public boolean canRecordActivity(CivicUser user, Long leadAccountId) {
        return isOffice(user) || (user.hasRole(Role.LEADER) && leadAccountId != null && leadAccountId == user.accountId());
    }
}
