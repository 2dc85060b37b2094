package org.civicloop.opinions.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * May this user do this to this opinion or work order? One place answers, for pages, the API and
 * the service alike; queries apply the same rules in SQL ({@link OpinionQueries}).
 */
public class OpinionPermissions {

    /** Accept, reject, merge, route: the congress office, and whoever the opinion was addressed to. */
    public boolean canTriage(CivicUser user, Opinion opinion, Addressing addressing) {
        return user.hasRole(Role.CONGRESS_OFFICE) || addressing.isAddressedTo(user, opinion);
    }

    /** Record an opinion heard in person. */
    public boolean canRecord(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.DEPUTY) || user.hasRole(Role.STATION_STAFF);
    }

    /** Sign, ask to return or extend, record contacts, reply: staff of the unit the order went to. */
    public boolean canHandle(CivicUser user, WorkOrder order) {
        return user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null && user.unitId().equals(order.unitId());
    }

    /** Approve or decline returns and extensions. */
    public boolean canDecide(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE);
    }

    /** Read an opinion: the office and leaders all; the addressee; units their own orders' opinions. */
    public boolean canView(CivicUser user, Opinion opinion, Addressing addressing, boolean unitHasOrder) {
        return user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN)
                || addressing.isAddressedTo(user, opinion) || unitHasOrder;
    }

    /** Voters' names and phones: only those who must contact them (not leaders or administrators). */
    public boolean canSeeVoter(CivicUser user, Opinion opinion, Addressing addressing, boolean unitHasOrder) {
        return user.hasRole(Role.CONGRESS_OFFICE) || addressing.isAddressedTo(user, opinion) || unitHasOrder;
    }
}
