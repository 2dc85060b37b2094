package org.civicloop.suggestions.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;

/**
 * May this user do this to this suggestion or assignment? One place answers, for pages and the
 * service alike; {@link SuggestionQueries} applies the same rules in SQL for lists. A deputy is
 * passed as the deputy record of the signed-in account ({@code null} for anyone else).
 *
 * <p>Each action below joins who may take it (the role checks the service makes before any move)
 * with when (the status rules the aggregate's move checks, through {@link SuggestionStatus} and
 * {@link AssignmentStatus}); {@link #actionsFor} collects them for a page, so that a page offers
 * what the service accepts.
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
        if (viewsAll(user)) {
            return true;
        }
        if (isLeadDeputy(user, deputyId, s) || isCoSigner(user, deputyId, s)) {
            return true;
        }
        return user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null && s.status() != SuggestionStatus.DRAFT
                && s.assignments().stream().anyMatch(a -> a.unitId() == user.unitId());
    }

    /** Reads every suggestion but the deputies' drafts: the office, leaders and administrators. */
    public boolean viewsAll(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN);
    }

    // ---------------------------------------------------------------- what a viewer may do now

    /**
     * Everything this user may do to this suggestion and its assignments now, for its page.
     *
     * @param returnWindowClosed the assignments (by number) whose time to ask for a return has run
     *                           out ({@link SuggestionClocks#returnWindowsClosed}): the service refuses those requests
     */
    public SuggestionActions actionsFor(CivicUser user, Long deputyId, Suggestion s, Set<Integer> returnWindowClosed) {
        Map<Integer, SuggestionActions.AssignmentActions> assignments = new HashMap<>();
        for (Assignment a : s.assignments()) {
            assignments.put(a.seq(), new SuggestionActions.AssignmentActions(maySign(user, s, a),
                    mayRequestReturn(user, s, a) && !returnWindowClosed.contains(a.seq()),
                    mayRequestExtension(user, s, a), maySendView(user, s, a), mayReply(user, s, a), mayRecordContact(user, a),
                    mayDecideReturn(user, a), mayDecideExtension(user, a), mayAudit(user, s, a)));
        }
        return new SuggestionActions(mayEdit(user, deputyId, s), maySubmit(user, deputyId, s), mayAskCoSigners(user, deputyId, s),
                mayConfirm(user, deputyId, s), mayReview(user, s), mayAssign(user, s), maySendForEvaluation(user, s),
                mayEvaluate(user, deputyId, s), mayGiveCoSignerOpinion(user, deputyId, s), assignments);
    }

    /** 修改: the lead deputy, while the text may change. */
    public boolean mayEdit(CivicUser user, Long deputyId, Suggestion s) {
        return isLeadDeputy(user, deputyId, s) && s.status().isEditable();
    }

    /** 提交: the lead deputy, while the text may change (unconfirmed co-signers are refused with the reason). */
    public boolean maySubmit(CivicUser user, Long deputyId, Suggestion s) {
        return isLeadDeputy(user, deputyId, s) && s.status().canTransitionTo(SuggestionStatus.SUBMITTED);
    }

    /** Send confirmation links to co-signers: the lead deputy or the office, while someone has yet to confirm. */
    public boolean mayAskCoSigners(CivicUser user, Long deputyId, Suggestion s) {
        return (isLeadDeputy(user, deputyId, s) || canManage(user)) && s.status().isEditable()
                && s.coSigners().stream().anyMatch(c -> !c.confirmed());
    }

    /** 联名确认: a co-signer who has not confirmed yet, while the text may change. */
    public boolean mayConfirm(CivicUser user, Long deputyId, Suggestion s) {
        return isCoSigner(user, deputyId, s) && s.status().isEditable()
                && s.coSigners().stream().anyMatch(c -> c.deputyId() == deputyId && !c.confirmed());
    }

    /** 审查: register, return for revision or refuse a submitted suggestion: the office. */
    public boolean mayReview(CivicUser user, Suggestion s) {
        return canManage(user) && s.status() == SuggestionStatus.SUBMITTED;
    }

    /** 交办 (and more units later, in the same mode): the office. */
    public boolean mayAssign(CivicUser user, Suggestion s) {
        return canManage(user) && (s.status() == SuggestionStatus.ASSIGNED || s.status().canTransitionTo(SuggestionStatus.ASSIGNED));
    }

    /** 送代表评价 once every required reply is in and audited: the office. */
    public boolean maySendForEvaluation(CivicUser user, Suggestion s) {
        return canManage(user) && s.status().canTransitionTo(SuggestionStatus.AWAITING_EVALUATION);
    }

    /** 评价: the lead deputy, when asked to. */
    public boolean mayEvaluate(CivicUser user, Long deputyId, Suggestion s) {
        return isLeadDeputy(user, deputyId, s) && s.status() == SuggestionStatus.AWAITING_EVALUATION;
    }

    /** 逐人答复: a co-signer reads the reply and may add their own opinion, once it went for evaluation. */
    public boolean mayGiveCoSignerOpinion(CivicUser user, Long deputyId, Suggestion s) {
        return isCoSigner(user, deputyId, s)
                && (s.status() == SuggestionStatus.AWAITING_EVALUATION || s.status() == SuggestionStatus.CLOSED);
    }

    /** 签收: the assigned unit, an assignment not yet signed for, while units work on the suggestion. */
    public boolean maySign(CivicUser user, Suggestion s, Assignment a) {
        return canHandle(user, a) && s.status().isHandling() && a.status() == AssignmentStatus.ASSIGNED;
    }

    /** 申请退办: the assigned unit, before or after signing, while its return window is open (a clock: see {@link #actionsFor}). */
    public boolean mayRequestReturn(CivicUser user, Suggestion s, Assignment a) {
        return handles(user, s, a, AssignmentStatus.RETURN_REQUESTED);
    }

    /** 申请延期: the assigned unit, once signed for. */
    public boolean mayRequestExtension(CivicUser user, Suggestion s, Assignment a) {
        return handles(user, s, a, AssignmentStatus.EXTENSION_REQUESTED);
    }

    /** 协办意见: a co-unit, once signed for. */
    public boolean maySendView(CivicUser user, Suggestion s, Assignment a) {
        return a.role() == AssignmentRole.CO && handles(user, s, a, AssignmentStatus.VIEW_SENT);
    }

    /** 答复: a lead or separate unit, once signed for. */
    public boolean mayReply(CivicUser user, Suggestion s, Assignment a) {
        return a.role().owesReply() && handles(user, s, a, AssignmentStatus.REPLIED);
    }

    /** 沟通记录: the assigned unit, unless it was let go (退办). */
    public boolean mayRecordContact(CivicUser user, Assignment a) {
        return canHandle(user, a) && a.status() != AssignmentStatus.RETURNED;
    }

    /** Approve or decline a unit's return request: the office. */
    public boolean mayDecideReturn(CivicUser user, Assignment a) {
        return canManage(user) && a.status() == AssignmentStatus.RETURN_REQUESTED;
    }

    /** Approve or decline a unit's extension request: the office. */
    public boolean mayDecideExtension(CivicUser user, Assignment a) {
        return canManage(user) && a.status() == AssignmentStatus.EXTENSION_REQUESTED;
    }

    /** 审核答复: the office, a reply not audited yet, while units work on the suggestion. */
    public boolean mayAudit(CivicUser user, Suggestion s, Assignment a) {
        return canManage(user) && s.status().isHandling() && a.status() == AssignmentStatus.REPLIED && !a.audited();
    }

    /** The assigned unit, while units work on the suggestion, and the assignment may move to {@code next}. */
    private boolean handles(CivicUser user, Suggestion s, Assignment a, AssignmentStatus next) {
        return canHandle(user, a) && s.status().isHandling() && a.status().canTransitionTo(next);
    }
}
