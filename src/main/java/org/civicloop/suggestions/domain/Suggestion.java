package org.civicloop.suggestions.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.organization.UnitId;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.StatusChange;
import org.civicloop.suggestions.AssignmentKey;
import org.civicloop.suggestions.SuggestionEvents.AssignmentContactRecorded;
import org.civicloop.suggestions.SuggestionEvents.AssignmentEvent;
import org.civicloop.suggestions.SuggestionEvents.AssignmentExtensionApproved;
import org.civicloop.suggestions.SuggestionEvents.AssignmentExtensionDeclined;
import org.civicloop.suggestions.SuggestionEvents.AssignmentExtensionRequested;
import org.civicloop.suggestions.SuggestionEvents.AssignmentMade;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReopened;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReplied;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReplyAudited;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReturnApproved;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReturnDeclined;
import org.civicloop.suggestions.SuggestionEvents.AssignmentReturnRequested;
import org.civicloop.suggestions.SuggestionEvents.AssignmentSigned;
import org.civicloop.suggestions.SuggestionEvents.AssignmentViewSent;
import org.civicloop.suggestions.SuggestionEvents.SuggestionAssigned;
import org.civicloop.suggestions.SuggestionEvents.SuggestionClosedEvaluated;
import org.civicloop.suggestions.SuggestionEvents.SuggestionClosedUnevaluated;
import org.civicloop.suggestions.SuggestionEvents.SuggestionCoSignerEvaluated;
import org.civicloop.suggestions.SuggestionEvents.SuggestionCoSigningConfirmed;
import org.civicloop.suggestions.SuggestionEvents.SuggestionDrafted;
import org.civicloop.suggestions.SuggestionEvents.SuggestionEdited;
import org.civicloop.suggestions.SuggestionEvents.SuggestionEvent;
import org.civicloop.suggestions.SuggestionEvents.SuggestionLinkedToOpinions;
import org.civicloop.suggestions.SuggestionEvents.SuggestionNotRegistered;
import org.civicloop.suggestions.SuggestionEvents.SuggestionRegistered;
import org.civicloop.suggestions.SuggestionEvents.SuggestionReplied;
import org.civicloop.suggestions.SuggestionEvents.SuggestionReturnedForRevision;
import org.civicloop.suggestions.SuggestionEvents.SuggestionSentBackForRehandling;
import org.civicloop.suggestions.SuggestionEvents.SuggestionSentForEvaluation;
import org.civicloop.suggestions.SuggestionEvents.SuggestionSubmitted;
import org.civicloop.suggestions.SuggestionId;

/**
 * A deputy's suggestion (代表建议) with its co-signers, linked opinions and assignments. State
 * changes are the named methods below; each checks the move against {@link SuggestionStatus} and
 * {@link AssignmentStatus} and returns the events to publish. Nothing here reads a clock or a
 * database: the caller passes the time, so the whole life of a suggestion runs in memory too.
 */
public class Suggestion {

    private Long id;
    private String title;
    private String content;
    private String category;
    private final long leadDeputyId;
    private SubmissionPeriod period;
    private boolean keySuggestion;
    private boolean confidential;
    private SuggestionStatus status;
    private HandlingMode mode;
    private String returnReason;
    private String notRegisteredReason;
    private Evaluation evaluation;
    private boolean evaluationDeemed;
    private String evaluationNote;
    private int rehandlings;
    private final long createdByAccount;
    private final Instant createdAt;
    private Instant submittedAt;
    private Instant registeredAt;
    private Instant assignedAt;
    private Instant evaluatedAt;
    private Instant closedAt;
    private Instant updatedAt;
    private int version;
    private final List<CoSigner> coSigners;
    private final List<Assignment> assignments;
    private final Set<Long> opinionIds;

    Suggestion(Long id, String title, String content, String category, long leadDeputyId, SubmissionPeriod period,
               boolean keySuggestion, boolean confidential, SuggestionStatus status, HandlingMode mode,
               String returnReason, String notRegisteredReason, Evaluation evaluation, boolean evaluationDeemed,
               String evaluationNote, int rehandlings, long createdByAccount, Instant createdAt, Instant submittedAt, Instant registeredAt,
               Instant assignedAt, Instant evaluatedAt, Instant closedAt, Instant updatedAt, int version,
               List<CoSigner> coSigners, List<Assignment> assignments, Set<Long> opinionIds) {
        this.id = id;
        this.title = title;
        this.content = content;
        this.category = category;
        this.leadDeputyId = leadDeputyId;
        this.period = period;
        this.keySuggestion = keySuggestion;
        this.confidential = confidential;
        this.status = status;
        this.mode = mode;
        this.returnReason = returnReason;
        this.notRegisteredReason = notRegisteredReason;
        this.evaluation = evaluation;
        this.evaluationDeemed = evaluationDeemed;
        this.evaluationNote = evaluationNote;
        this.rehandlings = rehandlings;
        this.createdByAccount = createdByAccount;
        this.createdAt = createdAt;
        this.submittedAt = submittedAt;
        this.registeredAt = registeredAt;
        this.assignedAt = assignedAt;
        this.evaluatedAt = evaluatedAt;
        this.closedAt = closedAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.coSigners = new ArrayList<>(coSigners);
        this.assignments = new ArrayList<>(assignments);
        this.opinionIds = new LinkedHashSet<>(opinionIds);
    }

    /** A new draft by its lead deputy. */
    public static Suggestion draft(long accountId, long leadDeputyId, SuggestionDraft d, Instant now) {
        Suggestion s = new Suggestion(null, d.title(), d.content(), d.category(), leadDeputyId, d.period(), false, false,
                SuggestionStatus.DRAFT, null, null, null, null, false, null, 0, accountId, now, null, null, null, null, null,
                now, 0, List.of(), List.of(), Set.of());
        s.setCoSigners(d.coSignerDeputyIds());
        return s;
    }

    /** The events of a new draft, once it has its id. */
    public List<AuditableEvent> drafted(List<Long> linkedOpinions) {
        List<AuditableEvent> events = new ArrayList<>();
        events.add(new SuggestionDrafted(ref(), StatusChange.created(status.name(),
                Map.of("category", category, "coSigners", coSigners.size()))));
        link(linkedOpinions, events);
        return events;
    }

    /** The lead deputy changes the text while it is a draft or returned; co-signers confirm again. */
    public List<AuditableEvent> edit(SuggestionDraft d, Instant now) {
        if (!status.isEditable()) {
            throw BusinessException.conflict("suggestion.error.notEditable", status.label());
        }
        this.title = d.title();
        this.content = d.content();
        this.category = d.category();
        this.period = d.period();
        setCoSigners(d.coSignerDeputyIds());
        this.updatedAt = now;
        List<AuditableEvent> events = new ArrayList<>();
        events.add(new SuggestionEdited(ref(), StatusChange.stay(status.name(), Map.of("category", category))));
        link(d.opinionIds(), events);
        return events;
    }

    private void setCoSigners(List<Long> deputyIds) {
        coSigners.clear();
        for (Long d : new LinkedHashSet<>(deputyIds == null ? List.<Long>of() : deputyIds)) {
            if (d != null && d != leadDeputyId) {
                coSigners.add(new CoSigner(d, null));
            }
        }
    }

    private void link(List<Long> ids, List<AuditableEvent> events) {
        if (ids == null) {
            return;
        }
        List<Long> added = ids.stream().filter(i -> i != null && opinionIds.add(i)).toList();
        if (!added.isEmpty()) {
            events.add(new SuggestionLinkedToOpinions(id(), added));
        }
    }

    /** 联名确认: a co-signer agrees to the text as it stands. */
    public List<AuditableEvent> confirmCoSigning(long deputyId, Instant now) {
        if (!status.isEditable()) {
            throw BusinessException.conflict("suggestion.error.notEditable", status.label());
        }
        int i = indexOfCoSigner(deputyId);
        if (i < 0) {
            throw BusinessException.invalid("suggestion.error.notCoSigner");
        }
        if (coSigners.get(i).confirmed()) {
            throw BusinessException.conflict("suggestion.error.alreadyConfirmed");
        }
        coSigners.set(i, new CoSigner(deputyId, now));
        this.updatedAt = now;
        return List.of(new SuggestionCoSigningConfirmed(ref(), StatusChange.stay(status.name(), Map.of("deputyId", deputyId))));
    }

    private int indexOfCoSigner(long deputyId) {
        for (int i = 0; i < coSigners.size(); i++) {
            if (coSigners.get(i).deputyId() == deputyId) {
                return i;
            }
        }
        return -1;
    }

    /** 提交: only when every co-signer has confirmed. */
    public List<AuditableEvent> submit(Instant now) {
        if (coSigners.stream().anyMatch(c -> !c.confirmed())) {
            throw BusinessException.conflict("suggestion.error.coSignersUnconfirmed");
        }
        SuggestionEvent e = move(SuggestionStatus.SUBMITTED, Map.of("period", period.name()), now, SuggestionSubmitted::new);
        this.submittedAt = now;
        return List.of(e);
    }

    /** 退回修改, with the reason the deputy reads. */
    public List<AuditableEvent> returnForRevision(String reason, Instant now) {
        requireText(reason);
        SuggestionEvent e = move(SuggestionStatus.RETURNED, Map.of("reason", reason), now, SuggestionReturnedForRevision::new);
        this.returnReason = reason;
        return List.of(e);
    }

    /** 不予立案, with the reason (the matter is handled as a letter instead). Final. */
    public List<AuditableEvent> notRegister(String reason, Instant now) {
        requireText(reason);
        SuggestionEvent e = move(SuggestionStatus.NOT_REGISTERED, Map.of("reason", reason), now, SuggestionNotRegistered::new);
        this.notRegisteredReason = reason;
        this.closedAt = now;
        return List.of(e);
    }

    /** 立案: the category and the key-suggestion and confidential flags are the office's to set. */
    public List<AuditableEvent> register(String category, boolean key, boolean confidential, Instant now) {
        SuggestionEvent e = move(SuggestionStatus.REGISTERED,
                Map.of("category", category, "key", key, "confidential", confidential), now, SuggestionRegistered::new);
        this.category = category;
        this.keySuggestion = key;
        this.confidential = confidential;
        this.registeredAt = now;
        return List.of(e);
    }

    /** One unit and its role in an assignment. */
    public record UnitRole(long unitId, AssignmentRole role) {
    }

    /**
     * 交办 to units, or (already assigned) to more units, e.g. a new lead unit after a return. In
     * {@code LEAD_AND_CO} there is exactly one active lead unit and any number of co-units; in
     * {@code SEPARATE} every unit replies. A unit holds at most one active assignment.
     */
    public List<AuditableEvent> assign(HandlingMode mode, List<UnitRole> units, Instant now) {
        if (units == null || units.isEmpty()) {
            throw BusinessException.invalid("suggestion.error.noUnits");
        }
        if (status == SuggestionStatus.ASSIGNED) {
            if (mode != this.mode) {
                throw BusinessException.conflict("suggestion.error.modeFixed");
            }
        } else if (!status.canTransitionTo(SuggestionStatus.ASSIGNED)) {
            throw BusinessException.conflict("suggestion.error.transition", status.label());
        }
        List<Long> seen = new ArrayList<>();
        for (UnitRole u : units) {
            boolean roleFits = mode == HandlingMode.SEPARATE ? u.role() == AssignmentRole.SEPARATE : u.role() != AssignmentRole.SEPARATE;
            if (!roleFits) {
                throw BusinessException.invalid("suggestion.error.roleForMode");
            }
            if (seen.contains(u.unitId()) || assignments.stream().anyMatch(a -> a.unitId() == u.unitId() && a.status() != AssignmentStatus.RETURNED)) {
                throw BusinessException.invalid("suggestion.error.unitTwice");
            }
            seen.add(u.unitId());
        }
        if (mode == HandlingMode.LEAD_AND_CO) {
            long leads = units.stream().filter(u -> u.role() == AssignmentRole.LEAD).count()
                    + assignments.stream().filter(a -> a.role() == AssignmentRole.LEAD && a.status() != AssignmentStatus.RETURNED).count();
            if (leads != 1) {
                throw BusinessException.invalid("suggestion.error.oneLead");
            }
        }
        List<AuditableEvent> events = new ArrayList<>();
        if (status != SuggestionStatus.ASSIGNED) {
            this.mode = mode;
            events.add(move(SuggestionStatus.ASSIGNED, Map.of("mode", mode.name(), "units", units.size()), now, SuggestionAssigned::new));
            this.assignedAt = now;
        }
        for (UnitRole u : units) {
            Assignment a = Assignment.fresh(assignments.size() + 1, u.unitId(), u.role(), now);
            assignments.add(a);
            events.add(assignmentEvent(a, StatusChange.created(a.status().name(), Map.of()), AssignmentMade::new));
        }
        this.updatedAt = now;
        return events;
    }

    /** 签收. */
    public List<AuditableEvent> sign(int seq, Instant now) {
        Assignment a = handling(seq);
        a.signed(now);
        return List.of(moveAssignment(a, AssignmentStatus.SIGNED, Map.of(), now, AssignmentSigned::new));
    }

    /** 申请退办; the caller has checked the time window. */
    public List<AuditableEvent> requestReturn(int seq, String reason, Instant now) {
        requireText(reason);
        Assignment a = handling(seq);
        AssignmentEvent e = moveAssignment(a, AssignmentStatus.RETURN_REQUESTED, Map.of("reason", reason), now,
                AssignmentReturnRequested::new);
        a.returnRequested(reason);
        return List.of(e);
    }

    /** The office agrees (the unit is out; another may be assigned) or not (back where it was). */
    public List<AuditableEvent> decideReturn(int seq, boolean approve, Instant now) {
        Assignment a = assignment(seq);
        if (a.status() != AssignmentStatus.RETURN_REQUESTED) {
            throw BusinessException.conflict("suggestion.error.nothingToDecide");
        }
        List<AuditableEvent> events = new ArrayList<>();
        if (approve) {
            events.add(moveAssignment(a, AssignmentStatus.RETURNED, Map.of(), now, AssignmentReturnApproved::new));
            events.addAll(repliedIfComplete(now));
        } else {
            events.add(moveAssignment(a, a.signedAt() == null ? AssignmentStatus.ASSIGNED : AssignmentStatus.SIGNED,
                    Map.of(), now, AssignmentReturnDeclined::new));
        }
        return events;
    }

    /** 申请延期 to a date no later than {@code latest} (the longest a reply may take). */
    public List<AuditableEvent> requestExtension(int seq, LocalDate due, String reason, LocalDate latest, Instant now) {
        requireText(reason);
        Assignment a = handling(seq);
        if (due == null || due.isAfter(latest)) {
            throw BusinessException.invalid("suggestion.error.extensionTooLong", latest);
        }
        AssignmentEvent e = moveAssignment(a, AssignmentStatus.EXTENSION_REQUESTED,
                Map.of("due", due.toString(), "reason", reason), now, AssignmentExtensionRequested::new);
        a.extensionRequested(due, reason);
        return List.of(e);
    }

    public List<AuditableEvent> decideExtension(int seq, boolean approve, Instant now) {
        Assignment a = assignment(seq);
        if (a.status() != AssignmentStatus.EXTENSION_REQUESTED) {
            throw BusinessException.conflict("suggestion.error.nothingToDecide");
        }
        AssignmentEvent.Kind<AssignmentEvent> kind = approve ? AssignmentExtensionApproved::new : AssignmentExtensionDeclined::new;
        return List.of(moveAssignment(a, AssignmentStatus.SIGNED, Map.of("due", a.extensionDue().toString()), now, kind));
    }

    /** A co-unit's written view to the lead unit (协办意见). It is not a reply to the deputy. */
    public List<AuditableEvent> sendView(int seq, String text, Instant now) {
        requireText(text);
        Assignment a = handling(seq);
        if (a.role() != AssignmentRole.CO) {
            throw BusinessException.conflict("suggestion.error.notCoUnit");
        }
        AssignmentEvent e = moveAssignment(a, AssignmentStatus.VIEW_SENT, Map.of(), now, AssignmentViewSent::new);
        a.viewSent(text, now);
        return List.of(e);
    }

    /** 答复 by a lead or separate unit, with its result class; the office audits it next. */
    public List<AuditableEvent> reply(int seq, String text, String resultClass, Instant now) {
        requireText(text);
        requireText(resultClass);
        Assignment a = handling(seq);
        if (!a.role().owesReply()) {
            throw BusinessException.conflict("suggestion.error.coUnitCannotReply");
        }
        AssignmentEvent e = moveAssignment(a, AssignmentStatus.REPLIED, Map.of("resultClass", resultClass), now,
                AssignmentReplied::new);
        a.replied(text, resultClass, now);
        return List.of(e);
    }

    /**
     * The office audits a reply and may change its class. When every required reply is in and
     * audited, the suggestion is {@code REPLIED}.
     */
    public List<AuditableEvent> auditReply(int seq, String resultClass, Instant now) {
        requireText(resultClass);
        Assignment a = assignment(seq);
        if (!status.isHandling() || a.status() != AssignmentStatus.REPLIED || a.audited()) {
            throw BusinessException.conflict("suggestion.error.nothingToAudit");
        }
        String before = a.resultClass();
        a.audited(resultClass, now);
        List<AuditableEvent> events = new ArrayList<>();
        events.add(assignmentEvent(a, StatusChange.stay(a.status().name(),
                Map.of("classBefore", before, "classAfter", resultClass, "changed", !before.equals(resultClass))),
                AssignmentReplyAudited::new));
        events.addAll(repliedIfComplete(now));
        this.updatedAt = now;
        return events;
    }

    private List<AuditableEvent> repliedIfComplete(Instant now) {
        List<Assignment> required = assignments.stream().filter(Assignment::required).toList();
        if (status.isHandling() && !required.isEmpty() && required.stream().allMatch(Assignment::replyDone)) {
            return List.of(move(SuggestionStatus.REPLIED, Map.of("replies", required.size()), now, SuggestionReplied::new));
        }
        return List.of();
    }

    /** The office sends the audited replies to the lead deputy for evaluation (征询意见). */
    public List<AuditableEvent> sendForEvaluation(Instant now) {
        return List.of(move(SuggestionStatus.AWAITING_EVALUATION, Map.of(), now, SuggestionSentForEvaluation::new));
    }

    /**
     * The lead deputy's evaluation. Satisfied or basically satisfied closes it; dissatisfied sends
     * every replying unit back to work (a new round) while rehandlings are left, else closes it.
     */
    public List<AuditableEvent> evaluate(Evaluation value, String note, int maxRehandlings, Instant now) {
        if (value == null) {
            throw BusinessException.invalid("suggestion.error.evaluationRequired");
        }
        if (status != SuggestionStatus.AWAITING_EVALUATION) {
            throw BusinessException.conflict("suggestion.error.notAwaitingEvaluation");
        }
        this.evaluation = value;
        this.evaluationDeemed = false;
        this.evaluationNote = note;
        this.evaluatedAt = now;
        List<AuditableEvent> events = new ArrayList<>();
        if (value == Evaluation.DISSATISFIED && rehandlings < maxRehandlings) {
            rehandlings++;
            events.add(move(SuggestionStatus.REHANDLING, Map.of("evaluation", value.name(), "rehandlings", rehandlings), now,
                    SuggestionSentBackForRehandling::new));
            for (Assignment a : assignments) {
                if (a.required() && a.status() == AssignmentStatus.REPLIED) {
                    AssignmentEvent e = moveAssignment(a, AssignmentStatus.SIGNED, Map.of(), now, AssignmentReopened::new);
                    a.reopened();
                    events.add(e);
                }
            }
            return events;
        }
        events.add(move(SuggestionStatus.CLOSED, Map.of("evaluation", value.name()), now, SuggestionClosedEvaluated::new));
        this.closedAt = now;
        return events;
    }

    /**
     * 逾期未评价: the lead deputy let the evaluation deadline pass. The suggestion closes as if they
     * had evaluated it {@code deemedAs} (a province's rule, commonly "逾期未反馈的视为满意"), flagged as
     * deemed so that it is never counted as a real evaluation. Never sends it back for rehandling:
     * nobody asked for that.
     */
    public List<AuditableEvent> closeUnevaluated(Evaluation deemedAs, Instant now) {
        if (deemedAs == null) {
            throw BusinessException.invalid("suggestion.error.evaluationRequired");
        }
        if (status != SuggestionStatus.AWAITING_EVALUATION) {
            throw BusinessException.conflict("suggestion.error.notAwaitingEvaluation");
        }
        SuggestionEvent e = move(SuggestionStatus.CLOSED, Map.of("evaluation", deemedAs.name(), "deemed", true), now,
                SuggestionClosedUnevaluated::new);
        this.evaluation = deemedAs;
        this.evaluationDeemed = true;
        this.evaluationNote = null;
        this.evaluatedAt = now;
        this.closedAt = now;
        return List.of(e);
    }

    /**
     * A co-signing deputy's own opinion of the reply, once it has been sent for evaluation (and after
     * closure too). It does not move the suggestion: the lead deputy evaluates on everyone's behalf.
     */
    public List<AuditableEvent> coSignerOpinion(long deputyId, Evaluation value, String note, Instant now) {
        if (value == null) {
            throw BusinessException.invalid("suggestion.error.evaluationRequired");
        }
        if (status != SuggestionStatus.AWAITING_EVALUATION && status != SuggestionStatus.CLOSED) {
            throw BusinessException.conflict("suggestion.error.notAwaitingEvaluation");
        }
        int i = indexOfCoSigner(deputyId);
        if (i < 0) {
            throw BusinessException.invalid("suggestion.error.notCoSigner");
        }
        CoSigner c = coSigners.get(i);
        coSigners.set(i, new CoSigner(deputyId, c.confirmedAt(), value, note, now));
        this.updatedAt = now;
        return List.of(new SuggestionCoSignerEvaluated(ref(), StatusChange.stay(status.name(),
                Map.of("deputyId", deputyId, "evaluation", value.name()))));
    }

    /** The assignment must be one the unit is still working on, while units work on the suggestion. */
    private Assignment handling(int seq) {
        Assignment a = assignment(seq);
        if (!status.isHandling()) {
            throw BusinessException.conflict("suggestion.error.notHandling", status.label());
        }
        return a;
    }

    public Assignment assignment(int seq) {
        return assignments.stream().filter(a -> a.seq() == seq).findFirst()
                .orElseThrow(() -> BusinessException.invalid("suggestion.error.noSuchAssignment", seq));
    }

    public Optional<Assignment> activeAssignmentOf(long unitId) {
        return assignments.stream().filter(a -> a.unitId() == unitId && a.status() != AssignmentStatus.RETURNED)
                .reduce((first, second) -> second);
    }

    /**
     * 沟通记录 with the deputy, which moves nothing: the event to publish once the contact is stored.
     * Not for an assignment that was returned.
     */
    public AssignmentContactRecorded contactRecorded(int seq, String stage, boolean faceToFace) {
        Assignment a = assignment(seq);
        if (a.status() == AssignmentStatus.RETURNED) {
            throw BusinessException.conflict("suggestion.error.notHandling", BusinessException.label("suggestion.assignmentStatus." + a.status().name()));
        }
        return assignmentEvent(a, StatusChange.stay(a.status().name(), Map.of("stage", stage, "faceToFace", faceToFace)),
                AssignmentContactRecorded::new);
    }

    private <E extends SuggestionEvent> E move(SuggestionStatus next, Map<String, Object> details, Instant now,
                                               SuggestionEvent.Kind<E> kind) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("suggestion.error.transition", status.label());
        }
        SuggestionStatus from = status;
        this.status = next;
        this.updatedAt = now;
        return kind.of(ref(), new StatusChange(from.name(), next.name(), details));
    }

    private <E extends AssignmentEvent> E moveAssignment(Assignment a, AssignmentStatus next, Map<String, Object> details,
                                                         Instant now, AssignmentEvent.Kind<E> kind) {
        if (!a.status().canTransitionTo(next)) {
            throw BusinessException.conflict("suggestion.error.assignmentTransition", a.status().name(), next.name());
        }
        String from = a.status().name();
        a.moveTo(next);
        this.updatedAt = now;
        return assignmentEvent(a, new StatusChange(from, next.name(), details), kind);
    }

    private <E extends AssignmentEvent> E assignmentEvent(Assignment a, StatusChange change, AssignmentEvent.Kind<E> kind) {
        return kind.of(AssignmentKey.of(id(), a.seq()), new UnitId(a.unitId()), a.role().name(), change);
    }

    private SuggestionId ref() {
        return new SuggestionId(id());
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw BusinessException.invalid("suggestion.error.textRequired");
        }
    }

    void assignId(long id) {
        this.id = id;
    }

    void versionSaved(int version) {
        this.version = version;
    }

    public long id() { return id == null ? 0 : id; }
    public boolean isNew() { return id == null; }
    public String title() { return title; }
    public String content() { return content; }
    public String category() { return category; }
    public long leadDeputyId() { return leadDeputyId; }
    public SubmissionPeriod period() { return period; }
    public boolean keySuggestion() { return keySuggestion; }
    public boolean confidential() { return confidential; }
    public SuggestionStatus status() { return status; }
    public HandlingMode mode() { return mode; }
    public String returnReason() { return returnReason; }
    public String notRegisteredReason() { return notRegisteredReason; }
    public Evaluation evaluation() { return evaluation; }
    /** The evaluation was deemed by the rule for an unevaluated suggestion, not given by the deputy. */
    public boolean evaluationDeemed() { return evaluationDeemed; }
    public String evaluationNote() { return evaluationNote; }
    public int rehandlings() { return rehandlings; }
    public long createdByAccount() { return createdByAccount; }
    public Instant createdAt() { return createdAt; }
    public Instant submittedAt() { return submittedAt; }
    public Instant registeredAt() { return registeredAt; }
    public Instant assignedAt() { return assignedAt; }
    public Instant evaluatedAt() { return evaluatedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
    public List<CoSigner> coSigners() { return List.copyOf(coSigners); }
    public List<Assignment> assignments() { return List.copyOf(assignments); }
    public Set<Long> opinionIds() { return Set.copyOf(opinionIds); }
}
