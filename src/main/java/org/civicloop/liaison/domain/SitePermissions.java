package org.civicloop.liaison.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/** Who may do what with liaison sites. Reading is further limited by data scope in {@link SiteQueries}. */
public final class SitePermissions {

    private SitePermissions() {
    }

    /** Opening, editing and replacing codes: the congress office and administrators. */
    public static boolean mayManage(CivicUser user) {
        return user != null && (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.ADMIN));
    }
}
