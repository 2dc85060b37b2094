package org.civicloop.performance.work.domain;

import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who may do what with tracked work, for pages and services alike. The evaluation office (考核办, the
 * 督查 office) creates items and milestones and reads everything; a leader reads everything and
 * comments or instructs (批示); the owner unit's staff (承办单位) see their unit's items, file the
 * monthly reports, mark milestones reached, move their projects and record funds in place (the
 * evaluation office may do the last three for them too); nobody else sees anything.
 */
public class WorkPermissions {

    /** Creates items and milestones. */
    public boolean isOffice(CivicUser user) {
        return user.hasRole(Role.EVALUATION_OFFICE);
    }

    /** Every item: the evaluation office and leaders. */
    public boolean seesAll(CivicUser user) {
        return isOffice(user) || user.hasRole(Role.LEADER);
    }

    /** Staff of the item's owner unit. */
    public boolean isOwnerUnit(CivicUser user, long ownerUnitId) {
        return user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null && user.unitId() == ownerUnitId;
    }

    /** The tracked-work pages at all. */
    public boolean mayUse(CivicUser user) {
        return seesAll(user) || (user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null);
    }

    public boolean maySee(CivicUser user, long ownerUnitId) {
        return seesAll(user) || isOwnerUnit(user, ownerUnitId);
    }

    public boolean mayReport(CivicUser user, long ownerUnitId) {
        return isOwnerUnit(user, ownerUnitId);
    }

    public boolean mayInstruct(CivicUser user) {
        return user.hasRole(Role.LEADER);
    }

    /** Mark milestones reached, move a project, record funds: the owner unit or the evaluation office. */
    public boolean mayWorkOn(CivicUser user, long ownerUnitId) {
        return isOffice(user) || isOwnerUnit(user, ownerUnitId);
    }

    /** Everything the user may do on the item now; {@code project} is null for an item that is not an investment project. */
    public WorkActions actionsFor(CivicUser user, WorkItem item, InvestmentProject project) {
        if (!maySee(user, item.ownerUnitId())) {
            return WorkActions.NONE;
        }
        boolean work = mayWorkOn(user, item.ownerUnitId());
        List<ProjectStage> moves = project != null && work ? project.offeredMoves() : List.of();
        boolean funds = project != null && work && project.signedOn() != null && project.stage() != ProjectStage.TERMINATED;
        return new WorkActions(isOffice(user), work, mayReport(user, item.ownerUnitId()), mayInstruct(user), moves, funds);
    }
}
