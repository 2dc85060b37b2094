package org.civicloop.opinions.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * May this user do this to this opinion or work order? One place answers, for pages, the API and
 * the service alike; queries apply the same rules in SQL ({@link OpinionQueries}).
 *
 * <p>Each action below joins who may take it (the role checks the service makes before any move)
 * with when (the status rules of {@link OpinionStatus} and {@link WorkOrderStatus} that the
 * aggregates' moves check); {@link #actionsFor} collects them for the staff page.
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
        return viewsAll(user) || addressing.isAddressedTo(user, opinion) || unitHasOrder;
    }

    /** The office, leaders and administrators read every opinion, without looking at it. */
    public boolean viewsAll(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN);
    }

    /** Voters' names and phones: only those who must contact them (not leaders or administrators). */
    public boolean canSeeVoter(CivicUser user, Opinion opinion, Addressing addressing, boolean unitHasOrder) {
        return user.hasRole(Role.CONGRESS_OFFICE) || addressing.isAddressedTo(user, opinion) || unitHasOrder;
    }

    // ---------------------------------------------------------------- what a viewer may do now

    /** Everything this user may do to this opinion and its work orders now, for its page. */
    public OpinionActions actionsFor(CivicUser user, Opinion opinion, Addressing addressing, List<WorkOrder> orders) {
        Map<Long, OpinionActions.WorkOrderActions> byOrder = new HashMap<>();
        for (WorkOrder w : orders) {
            byOrder.put(w.id(), new OpinionActions.WorkOrderActions(maySign(user, w), mayRequestReturn(user, w),
                    mayRequestExtension(user, w), mayReply(user, w), mayRecordContact(user, w), mayDecideReturn(user, w),
                    mayDecideExtension(user, w)));
        }
        Long handling = orders.stream().filter(w -> canHandle(user, w) && w.status().isActive())
                .min(Comparator.comparingInt(WorkOrder::round).thenComparing(WorkOrder::id)).map(WorkOrder::id).orElse(null);
        return new OpinionActions(mayTriage(user, opinion, addressing), mayUnmerge(user, opinion, addressing),
                mayRoute(user, opinion, addressing), mayTakeUpInSuggestion(user, opinion, addressing), handling, byOrder);
    }

    /** Accept, reject or merge: a new opinion, by whoever triages it. */
    public boolean mayTriage(CivicUser user, Opinion opinion, Addressing addressing) {
        return canTriage(user, opinion, addressing) && opinion.status() == OpinionStatus.SUBMITTED;
    }

    public boolean mayUnmerge(CivicUser user, Opinion opinion, Addressing addressing) {
        return canTriage(user, opinion, addressing) && opinion.status() == OpinionStatus.MERGED;
    }

    /**
     * Forward or answer: an accepted opinion nobody handles yet (narrower
     * than {@link OpinionStatus}'s table, whose other ways into HANDLING and REPLIED are a rating's
     * reopening and a unit's reply).
     */
    public boolean mayRoute(CivicUser user, Opinion opinion, Addressing addressing) {
        return canTriage(user, opinion, addressing) && opinion.status() == OpinionStatus.ACCEPTED;
    }

    /**
     * 转为代表建议: only a deputy drafts suggestions, so only a deputy the accepted opinion is addressed
     * to is offered the new suggestion with it linked. The office and station staff, who cannot draft
     * one, are not: the opinion becomes 已转代表建议 only with a saved suggestion that includes it.
     */
    public boolean mayTakeUpInSuggestion(CivicUser user, Opinion opinion, Addressing addressing) {
        return user.hasRole(Role.DEPUTY) && mayRoute(user, opinion, addressing) && opinion.linkRefusal(null).isEmpty();
    }

    /** 签收: the unit, an order not yet signed for. */
    public boolean maySign(CivicUser user, WorkOrder w) {
        return canHandle(user, w) && w.status() == WorkOrderStatus.ASSIGNED;
    }

    /** 申请退回: the unit, before or after signing. */
    public boolean mayRequestReturn(CivicUser user, WorkOrder w) {
        return canHandle(user, w) && w.status().canTransitionTo(WorkOrderStatus.RETURN_REQUESTED);
    }

    /** 申请延期: the unit, once signed for. */
    public boolean mayRequestExtension(CivicUser user, WorkOrder w) {
        return canHandle(user, w) && w.status().canTransitionTo(WorkOrderStatus.EXTENSION_REQUESTED);
    }

    /** 答复: the unit, once signed for. */
    public boolean mayReply(CivicUser user, WorkOrder w) {
        return canHandle(user, w) && w.status().canTransitionTo(WorkOrderStatus.REPLIED);
    }

    /** 沟通记录: the unit, offered once signed for (the service also takes one while a request waits). */
    public boolean mayRecordContact(CivicUser user, WorkOrder w) {
        return canHandle(user, w) && w.status() == WorkOrderStatus.SIGNED;
    }

    /** Approve or decline a unit's return request: the office. */
    public boolean mayDecideReturn(CivicUser user, WorkOrder w) {
        return canDecide(user) && w.status() == WorkOrderStatus.RETURN_REQUESTED;
    }

    /** Approve or decline a unit's extension request: the office. */
    public boolean mayDecideExtension(CivicUser user, WorkOrder w) {
        return canDecide(user) && w.status() == WorkOrderStatus.EXTENSION_REQUESTED;
    }
}
