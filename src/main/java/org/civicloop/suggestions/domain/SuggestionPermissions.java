package org.civicloop.suggestions.domain;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * May this user do this to this suggestion or assignment? One place answers, for pages and the
 * service alike; {@link SuggestionQueries} applies the same rules in SQL for lists. A deputy is
 * passed as the deputy record of the signed-in account ({@code null} for anyone else).
 */
public class SuggestionPermissions {

    /** Write a new suggestion: a deputy with a deputy record. */
    public boolean canDraft(CivicUser user, Long deputyId) {
        return user.hasRole(Role.DEPUTY) && deputyId != null;
    }

    /** Edit, submit, evaluate: the lead deputy. */
    public boolean isLeadDeputy(CivicUser user, Long deputyId, Suggestion s) {
        return user.hasRole(Role.DEPUTY) && deputyId != null && deputyId == s.leadDeputyId();
    }

    /** Confirm co-signing: a co-signer. */
    public boolean isCoSigner(CivicUser user, Long deputyId, Suggestion s) {
        return user.hasRole(Role.DEPUTY) && deputyId != null
                && s.coSigners().stream().anyMatch(c -> c.deputyId() == deputyId);
    }

    /** Review, register, assign, decide returns and extensions, audit replies, send for evaluation. */
    public boolean canManage(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE);
    }

    /** Sign, ask to return or extend, record contacts, send views, reply: staff of the assigned unit. */
    public boolean canHandle(CivicUser user, Assignment a) {
        return user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null && user.unitId() == a.unitId();
    }

    /** Read: the office, leaders and administrators all; deputies their own; units those assigned to them. */
    public boolean canView(CivicUser user, Long deputyId, Suggestion s) {
        if (user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN)) {
            return true;
        }
        if (isLeadDeputy(user, deputyId, s) || isCoSigner(user, deputyId, s)) {
            return true;
        }
        return user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null && s.status() != SuggestionStatus.DRAFT
                && s.assignments().stream().anyMatch(a -> a.unitId() == user.unitId());
    }
}
