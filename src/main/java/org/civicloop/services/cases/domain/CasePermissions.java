package org.civicloop.services.cases.domain;

import java.util.HashMap;
import java.util.Map;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * May this user do this to this application? One place answers, for pages and the service alike;
 * the worklists' SQL applies the same rules ({@link CaseQueries}).
 *
 * <p>An application, its applicant's name and phone and its materials are seen by exactly three
 * kinds of people: the applicant (the account that applied online), the comprehensive window, and
 * the approvers of the departments that have a part in it. Everyone else gets a 404, as if it did
 * not exist.
 */
public class CasePermissions {

    /** Apply online: an enterprise account (citizens apply at the window). */
    public boolean mayApplyOnline(CivicUser user) {
        return user.hasRole(Role.ENTERPRISE);
    }

    /** Apply at the window on an applicant's behalf. */
    public boolean mayApplyAtWindow(CivicUser user) {
        return user.hasRole(Role.WINDOW_CLERK);
    }

    public boolean isApplicant(CivicUser user, ServiceCase c) {
        return c.applicantAccount() != null && c.applicantAccount() == user.accountId();
    }

    public boolean isWindow(CivicUser user) {
        return user.hasRole(Role.WINDOW_CLERK);
    }

    /** An approver of a department with a part in this application. */
    public boolean isDepartment(CivicUser user, ServiceCase c) {
        return user.hasRole(Role.DEPT_APPROVER) && user.unitId() != null && !c.partsOf(user.unitId()).isEmpty();
    }

    public boolean canView(CivicUser user, ServiceCase c) {
        return isApplicant(user, c) || isWindow(user) || isDepartment(user, c);
    }

    /** The applicant's name and phone: the same people, who must contact them. */
    public boolean canSeeApplicant(CivicUser user, ServiceCase c) {
        return canView(user, c);
    }

    /** Download an uploaded material. */
    public boolean canReadMaterials(CivicUser user, ServiceCase c) {
        return canView(user, c);
    }

    /** 受理 / 一次性告知 / 不予受理: the window, a submitted application. */
    public boolean mayCheck(CivicUser user, ServiceCase c) {
        return isWindow(user) && c.status() == CaseStatus.SUBMITTED;
    }

    /** Send the corrections: the online applicant, or the window for an application it made. */
    public boolean mayCorrect(CivicUser user, ServiceCase c) {
        boolean who = c.channel() == Channel.ONLINE ? isApplicant(user, c) : isWindow(user);
        return who && CaseStatus.CORRECTING.contains(c.status());
    }

    /** Decide a part: an approver of the part's unit, while the part is examined and the clocks run. */
    public boolean mayDecide(CivicUser user, ServiceCase c, CasePart part) {
        return user.hasRole(Role.DEPT_APPROVER) && user.unitId() != null && user.unitId() == part.unitId()
                && c.status() == CaseStatus.IN_PROGRESS && part.status() == PartStatus.IN_REVIEW;
    }

    /** 统一出件: the window, once every part is decided. */
    public boolean mayIssue(CivicUser user, ServiceCase c) {
        return isWindow(user) && c.status() == CaseStatus.READY;
    }

    /** 好差评: whoever applied (the window records a window applicant's), once, after completion. */
    public boolean mayRate(CivicUser user, ServiceCase c) {
        boolean who = c.channel() == Channel.ONLINE ? isApplicant(user, c) : isWindow(user);
        return who && c.status() == CaseStatus.COMPLETED && c.rating() == null;
    }

    /** Everything this user may do to this application now, for its page. */
    public CaseActions actionsFor(CivicUser user, ServiceCase c) {
        Map<String, CaseActions.PartActions> parts = new HashMap<>();
        for (CasePart p : c.parts()) {
            boolean decide = mayDecide(user, c, p);
            parts.put(p.code(), new CaseActions.PartActions(decide, decide, decide));
        }
        return new CaseActions(mayCheck(user, c), mayCorrect(user, c), mayIssue(user, c), mayRate(user, c),
                canSeeApplicant(user, c), parts);
    }
}
