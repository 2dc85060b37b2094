package org.civicloop.briefings.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who may do what with briefings: the congress office schedules them, uploads materials, decides
 * leave and sees all attendance; an invited deputy sees the briefing, downloads its materials, signs
 * in and asks for leave. Anyone else: as if the briefing did not exist.
 */
public final class BriefingPermissions {

    private BriefingPermissions() {
    }

    public static boolean mayManage(CivicUser user) {
        return user != null && user.hasRole(Role.CONGRESS_OFFICE);
    }

    /** The briefing's page and its materials: the office, or the deputy (by their linked record) if invited. */
    public static boolean mayRead(CivicUser user, Briefing briefing, Long deputyId) {
        return mayManage(user) || mayAct(user, briefing, deputyId);
    }

    /** Signing in and asking for leave: an invited deputy, for themselves. */
    public static boolean mayAct(CivicUser user, Briefing briefing, Long deputyId) {
        return user != null && user.hasRole(Role.DEPUTY) && deputyId != null && briefing.invited(deputyId);
    }
}
