package org.civicloop.deputies.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/** Who may do what with the roster. The pages ask here; the queries enforce the phone rule in SQL. */
public final class DeputyPermissions {

    private DeputyPermissions() {
    }

    /** Registering and editing deputies, replacing their codes: the congress office and administrators. */
    public static boolean mayManage(CivicUser user) {
        return user != null && (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.ADMIN));
    }

    /** A deputy's phone number is personal data for the office's work only; deputies and station staff never see it. */
    public static boolean maySeePhone(CivicUser user) {
        return mayManage(user);
    }
}
