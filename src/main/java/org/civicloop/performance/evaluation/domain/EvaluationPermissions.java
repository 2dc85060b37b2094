package org.civicloop.performance.evaluation.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * Who may do what with performance evaluation, for pages and services alike: the evaluation
 * office (考核办) keeps the library and schemes, reviews, locks and publishes; district leaders and
 * the office read results; a department (a handling unit's account) enters the figures of the
 * indicators it is the source of, while the scheme is open for entry; nobody else sees anything.
 */
public final class EvaluationPermissions {

    private EvaluationPermissions() {
    }

    public static boolean mayManage(CivicUser user) {
        return user != null && user.hasRole(Role.EVALUATION_OFFICE);
    }

    public static boolean mayRead(CivicUser user) {
        return user != null && (user.hasRole(Role.EVALUATION_OFFICE) || user.hasRole(Role.LEADER));
    }

    /** May see the schemes open for entry at all (the office, or a department that could be a source). */
    public static boolean mayEnterAny(CivicUser user) {
        return mayManage(user) || user != null && user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null;
    }

    /** May enter this indicator's figures in a scheme of this status. */
    public static boolean mayEnter(CivicUser user, Indicator indicator, SchemeStatus status) {
        if (status != SchemeStatus.FILLING || indicator.ownLoop() != null) {
            return false;
        }
        return mayManage(user) || user != null && user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null
                && user.unitId().equals(indicator.sourceUnitId());
    }

    /** What a viewer may do with a scheme's page. */
    public static EvaluationActions actionsFor(CivicUser user, SchemeStatus status) {
        boolean manage = mayManage(user);
        return new EvaluationActions(mayRead(user), manage && status == SchemeStatus.FILLING,
                manage && status.canTransitionTo(SchemeStatus.REVIEWED),
                manage && status == SchemeStatus.REVIEWED,
                manage && status.canTransitionTo(SchemeStatus.LOCKED),
                manage && status.canTransitionTo(SchemeStatus.PUBLISHED),
                mayEnterAny(user) && status == SchemeStatus.FILLING);
    }
}
