package org.civicloop.suggestions.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.AssignmentKey;
import org.civicloop.suggestions.SuggestionEvents.AssignmentContactRecorded;
import org.civicloop.suggestions.SuggestionEvents.AssignmentEvent;
import org.civicloop.suggestions.SuggestionEvents.SuggestionEvent;
import org.civicloop.suggestions.SuggestionEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to suggestions and their assignments goes through here: the permission check, the
 * move on the aggregate, the timeline step, the clocks and the audited events, in one transaction.
 * A suggestion the user may not see, or another unit's assignment, answers 404; a visible one the
 * user may not act on, 403.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SuggestionService {

    private static final int MAX_TEXT = 20000;

    private final SuggestionRepository suggestions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Deputies deputies;
    private final Directory directory;
    private final SuggestionClocks clocks;
    private final SuggestionsProperties properties;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    private final SuggestionPermissions permissions = new SuggestionPermissions();

    /** The deputy record of the signed-in account, if any. */
    public Long deputyIdOf(CivicUser user) {
        return deputies.forAccount(user.accountId()).map(DeputySummary::id).orElse(null);
    }

    public long draft(SuggestionDraft d, CivicUser user) {
        Long deputyId = deputyIdOf(user);
        if (!permissions.canDraft(user, deputyId)) {
            throw new AccessDeniedException("draft");
        }
        check(d);
        LeadNotCoSigner.check(d, deputyId);
        Suggestion s = suggestions.save(Suggestion.draft(user.accountId(), deputyId, d, Instant.now()));
        apply(s, s.drafted(d.opinionIds()), user, null);
        return s.id();
    }

    public void edit(long id, SuggestionDraft d, CivicUser user) {
        Suggestion s = asLeadDeputy(id, user);
        check(d);
        LeadNotCoSigner.check(d, s.leadDeputyId());
        apply(s, s.edit(d, Instant.now()), user, null);
    }

    public void confirmCoSigning(long id, CivicUser user) {
        Suggestion s = visible(id, user);
        Long deputyId = deputyIdOf(user);
        if (!permissions.isCoSigner(user, deputyId, s)) {
            throw new AccessDeniedException("co-sign");
        }
        apply(s, s.confirmCoSigning(deputyId, Instant.now()), user, null);
    }

    public void submit(long id, CivicUser user) {
        Suggestion s = asLeadDeputy(id, user);
        apply(s, s.submit(Instant.now()), user, null);
        events.publishEvent(new SuggestionEvents.SuggestionFiled(s.id(), s.title(), s.leadDeputyId(),
                s.coSigners().stream().map(CoSigner::deputyId).toList(), s.submittedAt()));
    }

    public void returnForRevision(long id, String reason, CivicUser user) {
        Suggestion s = asOffice(id, user);
        apply(s, s.returnForRevision(text(reason), Instant.now()), user, reason);
    }

    public void notRegister(long id, String reason, CivicUser user) {
        Suggestion s = asOffice(id, user);
        apply(s, s.notRegister(text(reason), Instant.now()), user, reason);
    }

    public void register(long id, String category, boolean key, boolean confidential, CivicUser user) {
        Suggestion s = asOffice(id, user);
        if (!inDictionary("suggestion_category", category)) {
            throw BusinessException.invalid("suggestion.error.category");
        }
        apply(s, s.register(category, key, confidential, Instant.now()), user, null);
    }

    public void assign(long id, HandlingMode mode, List<Suggestion.UnitRole> units, CivicUser user) {
        assign(id, mode, units, user, Instant.now());
    }

    /** 交办 at a given moment (the assignment meeting's date); the clocks start then. */
    public void assign(long id, HandlingMode mode, List<Suggestion.UnitRole> units, CivicUser user, Instant at) {
        Suggestion s = asOffice(id, user);
        if (mode == null) {
            throw BusinessException.invalid("suggestion.error.mode");
        }
        List<Long> known = directory.handlingUnits().stream().map(Directory.UnitRef::id).toList();
        if (units.stream().anyMatch(u -> !known.contains(u.unitId()))) {
            throw BusinessException.invalid("suggestion.error.unit");
        }
        int before = s.assignments().size();
        apply(s, s.assign(mode, units, at), user, null);
        for (Assignment a : s.assignments().subList(before, s.assignments().size())) {
            clocks.assigned(s.id(), a);
        }
    }

    public void sign(long id, int seq, CivicUser user) {
        Suggestion s = asUnit(id, seq, user);
        Assignment a = s.assignment(seq);
        if (s.status().isHandling() && !permissions.maySign(user, s, a)) {
            // back to SIGNED is the office's declined request or a rehandling, never the unit's 签收
            throw BusinessException.conflict("suggestion.error.assignmentTransition", a.status().name(), AssignmentStatus.SIGNED.name());
        }
        apply(s, s.sign(seq, Instant.now()), user, null);
    }

    /** 批量签收: all of them or, when any one may not be signed (or is not the user's), none. */
    public void signAll(List<AssignmentKey> keys, CivicUser user) {
        if (keys.isEmpty()) {
            throw BusinessException.invalid("suggestion.error.nothingSelected");
        }
        for (AssignmentKey k : keys) {
            sign(k.suggestion().value(), k.seq(), user);
        }
    }

    public void requestReturn(long id, int seq, String reason, CivicUser user) {
        requestReturn(id, seq, reason, user, Instant.now());
    }

    /** 申请退办, refused once the return window ({@code suggestion.return-request}) has closed. */
    public void requestReturn(long id, int seq, String reason, CivicUser user, Instant now) {
        Suggestion s = asUnit(id, seq, user);
        if (clocks.returnWindowClosed(id, seq, now)) {
            throw BusinessException.conflict("suggestion.error.returnWindowClosed");
        }
        apply(s, s.requestReturn(seq, text(reason), now), user, reason);
        clocks.signedOrReturned(id, seq, now);
    }

    public void decideReturn(long id, int seq, boolean approve, CivicUser user) {
        Suggestion s = asOffice(id, user);
        Instant now = Instant.now();
        apply(s, s.decideReturn(seq, approve, now), user, null);
        if (approve) {
            clocks.stop(id, seq, now);
        }
    }

    /** 申请延期 to a day after the current deadline and no later than {@code max-reply-months} after assignment. */
    public void requestExtension(long id, int seq, LocalDate due, String reason, CivicUser user) {
        Suggestion s = asUnit(id, seq, user);
        Assignment a = s.assignment(seq);
        LocalDate latest = a.assignedAt().atZone(zone).toLocalDate().plusMonths(properties.maxReplyMonths());
        clocks.assignment(id, seq).ifPresent(c -> {
            if (due != null && !endOf(due).isAfter(c.dueAt())) {
                throw BusinessException.invalid("suggestion.error.extensionNotLater");
            }
        });
        apply(s, s.requestExtension(seq, due, text(reason), latest, Instant.now()), user, reason);
    }

    public void decideExtension(long id, int seq, boolean approve, CivicUser user) {
        Suggestion s = asOffice(id, user);
        Instant now = Instant.now();
        apply(s, s.decideExtension(seq, approve, now), user, null);
        if (approve) {
            clocks.extendTo(id, seq, endOf(s.assignment(seq).extensionDue()), now);
        }
    }

    /** 沟通记录 with the deputy: before, during or after handling; face to face or not (见面率). */
    public void recordContact(long id, int seq, ContactStage stage, boolean faceToFace, String summary, CivicUser user) {
        Suggestion s = asUnit(id, seq, user);
        Assignment a = s.assignment(seq);
        if (stage == null) {
            throw BusinessException.invalid("suggestion.error.contactStage");
        }
        AssignmentContactRecorded e = s.contactRecorded(seq, stage.name(), faceToFace);
        jdbc.sql("""
                insert into suggestion_contact (suggestion_id, seq, unit_id, stage, face_to_face, summary, contacted_at, recorded_by)
                values (:s, :seq, :u, :stage, :face, :summary, now(), :by)""")
                .param("s", id).param("seq", seq).param("u", a.unitId()).param("stage", stage.name())
                .param("face", faceToFace).param("summary", text(summary)).param("by", user.getUsername()).update();
        step(id, e, user.unitName() != null ? user.unitName() : user.displayName(), null);
        events.publishEvent(e);
    }

    public void sendView(long id, int seq, String view, CivicUser user) {
        Suggestion s = asUnit(id, seq, user);
        Instant now = Instant.now();
        apply(s, s.sendView(seq, text(view), now), user, null);
        clocks.stop(id, seq, now);
        clocks.signedOrReturned(id, seq, now);
    }

    public void reply(long id, int seq, String reply, String resultClass, CivicUser user) {
        Suggestion s = asUnit(id, seq, user);
        if (!inDictionary("suggestion_result_class", resultClass)) {
            throw BusinessException.invalid("suggestion.error.resultClass");
        }
        Instant now = Instant.now();
        Assignment a = s.assignment(seq);
        apply(s, s.reply(seq, text(reply), resultClass, now), user, null);
        Instant due = clocks.assignment(id, seq).map(ClockView::dueAt).orElse(null);
        jdbc.sql("""
                insert into suggestion_reply (suggestion_id, seq, round, unit_id, reply_text, result_class, replied_at, due_at)
                values (:s, :seq, :round, :u, :t, :c, :at, :due)""")
                .param("s", id).param("seq", seq).param("round", a.round()).param("u", a.unitId()).param("t", a.replyText())
                .param("c", resultClass).param("at", java.sql.Timestamp.from(now))
                .param("due", due == null ? null : java.sql.Timestamp.from(due)).update();
        clocks.stop(id, seq, now);
        clocks.signedOrReturned(id, seq, now);
    }

    /** The office audits a reply, keeping or changing its class (the change is in the event and the reply's history). */
    public void auditReply(long id, int seq, String resultClass, CivicUser user) {
        Suggestion s = asOffice(id, user);
        if (!inDictionary("suggestion_result_class", resultClass)) {
            throw BusinessException.invalid("suggestion.error.resultClass");
        }
        Instant now = Instant.now();
        apply(s, s.auditReply(seq, resultClass, now), user, resultClass);
        Assignment a = s.assignment(seq);
        jdbc.sql("""
                update suggestion_reply set audited_class = :c, audited_at = :at, audited_by = :by
                 where suggestion_id = :s and seq = :seq and round = :round""")
                .param("c", resultClass).param("at", java.sql.Timestamp.from(now)).param("by", user.getUsername())
                .param("s", id).param("seq", seq).param("round", a.round()).update();
    }

    public void sendForEvaluation(long id, CivicUser user) {
        sendForEvaluation(id, user, Instant.now());
    }

    /** 送代表评价 at a given moment; the deputy's evaluation clock ({@code suggestion.feedback}) starts then. */
    public void sendForEvaluation(long id, CivicUser user, Instant at) {
        Suggestion s = asOffice(id, user);
        apply(s, s.sendForEvaluation(at), user, null);
        clocks.feedbackStarted(id, at);
    }

    /** The lead deputy's evaluation; a late one is accepted and marked late (its clock shows overdue). */
    public void evaluate(long id, Evaluation value, String note, CivicUser user) {
        Suggestion s = asLeadDeputy(id, user);
        Instant now = Instant.now();
        apply(s, s.evaluate(value, note == null || note.isBlank() ? null : text(note), properties.maxRehandlings(), now), user,
                value == null ? null : value.name());
        clocks.feedbackGiven(id, now);
        if (s.status() == SuggestionStatus.REHANDLING) {
            for (Assignment a : s.assignments()) {
                if (a.required() && a.status() == AssignmentStatus.SIGNED && a.round() > 1) {
                    clocks.rehandling(id, a.seq(), now);
                }
            }
        } else {
            closed(s);
        }
    }

    /**
     * 逾期未评价: closes a suggestion whose evaluation deadline had passed by {@code now}, deemed
     * evaluated as {@code civicloop.suggestions.unevaluated-as} and flagged so. Answers whether it
     * closed it: a suggestion already evaluated, or whose clock has not run out by {@code now}, is
     * left alone (the deadline event may come twice, or late).
     */
    public boolean closeUnevaluated(long id, Instant now) {
        Suggestion s = suggestions.find(id).orElseThrow(() -> new NotFoundException("suggestion", id));
        if (s.status() != SuggestionStatus.AWAITING_EVALUATION) {
            return false;
        }
        boolean due = clocks.feedback(id).filter(c -> c.status() == org.civicloop.deadlines.ClockStatus.RUNNING)
                .map(c -> now.isAfter(c.dueAt())).orElse(false);
        if (!due) {
            return false;
        }
        apply(s, s.closeUnevaluated(properties.unevaluatedAs(), now), null, properties.unevaluatedAs().name());
        clocks.feedbackGiven(id, now);
        closed(s);
        return true;
    }

    /**
     * A co-signing deputy's own opinion of the reply (逐人答复). The lead deputy's evaluation decides;
     * this one is recorded beside it and changes nothing else.
     */
    public void coSignerOpinion(long id, Evaluation value, String note, CivicUser user) {
        Suggestion s = visible(id, user);
        Long deputyId = deputyIdOf(user);
        if (!permissions.isCoSigner(user, deputyId, s)) {
            throw new AccessDeniedException("co-signer");
        }
        apply(s, s.coSignerOpinion(deputyId, value, note == null || note.isBlank() ? null : text(note), Instant.now()), user,
                value == null ? null : value.name());
    }

    /** Tells whoever listens (the opinions module, for the linked voters) what may be published of the outcome. */
    private void closed(Suggestion s) {
        boolean published = !s.confidential();
        List<SuggestionEvents.PublishedReply> replies = jdbc.sql("""
                        select a.unit_id, a.result_class, c.name_zh, c.name_en, a.reply_text
                          from suggestion_assignment a join suggestion_result_class c on c.code = a.result_class
                         where a.suggestion_id = :s and a.role in ('LEAD', 'SEPARATE') and a.status = 'REPLIED'
                         order by a.seq""")
                .param("s", s.id())
                .query((rs, n) -> new SuggestionEvents.PublishedReply(directory.unitName(rs.getLong(1)).orElse(""),
                        rs.getString(2), rs.getString(3), rs.getString(4), published ? rs.getString(5) : null))
                .list();
        events.publishEvent(new SuggestionEvents.SuggestionClosed(s.id(), List.copyOf(s.opinionIds()),
                published ? s.title() : null, published, s.evaluationDeemed(), s.closedAt(), replies));
        events.publishEvent(new SuggestionEvents.SuggestionResultsKnown(s.id(), s.leadDeputyId(),
                s.coSigners().stream().map(CoSigner::deputyId).toList(), s.confidential(),
                replies.stream().map(SuggestionEvents.PublishedReply::resultClass).toList(), s.closedAt()));
    }

    /** The suggestion, if this user may see it; else it does not exist for them. */
    public Suggestion visible(long id, CivicUser user) {
        Suggestion s = suggestions.find(id).orElseThrow(() -> new NotFoundException("suggestion", id));
        if (!permissions.canView(user, deputyIdOf(user), s)) {
            throw new NotFoundException("suggestion", id);
        }
        return s;
    }

    private Suggestion asLeadDeputy(long id, CivicUser user) {
        Suggestion s = visible(id, user);
        if (!permissions.isLeadDeputy(user, deputyIdOf(user), s)) {
            throw new AccessDeniedException("lead deputy");
        }
        return s;
    }

    private Suggestion asOffice(long id, CivicUser user) {
        Suggestion s = visible(id, user);
        if (!permissions.canManage(user)) {
            throw new AccessDeniedException("manage");
        }
        return s;
    }

    private Suggestion asUnit(long id, int seq, CivicUser user) {
        Suggestion s = suggestions.find(id).orElseThrow(() -> new NotFoundException("suggestion", id));
        Assignment a = s.assignments().stream().filter(x -> x.seq() == seq).findFirst()
                .orElseThrow(() -> new NotFoundException("suggestion-assignment", seq));
        if (!permissions.canHandle(user, a)) {
            throw new NotFoundException("suggestion-assignment", seq); // another unit's assignment does not exist for this user
        }
        return s;
    }

    /** Saves, writes the timeline and publishes; {@code user} is null for what the system does by itself. */
    private void apply(Suggestion s, List<AuditableEvent> changes, CivicUser user, String note) {
        applyAs(s, changes, user == null ? null : user.unitName() != null ? user.unitName() : user.displayName(), note);
    }

    /** Saves the suggestion and records each change as a step under {@code actorLabel}, then publishes it. */
    void applyAs(Suggestion s, List<AuditableEvent> changes, String actorLabel, String note) {
        suggestions.save(s);
        for (AuditableEvent e : changes) {
            step(s.id(), e, actorLabel, note);
            events.publishEvent(e);
        }
    }

    private void step(long id, AuditableEvent e, String actorLabel, String note) {
        jdbc.sql("insert into suggestion_step (suggestion_id, kind, actor_label, note, at) values (:s, :k, :a, :n, now())")
                .param("s", id).param("k", e.action()).param("a", actorLabel)
                .param("n", e instanceof SuggestionEvent || e instanceof AssignmentEvent ? note : null).update();
    }

    private void check(SuggestionDraft d) {
        text(d.title());
        if (d.title().strip().length() > 200) {
            throw BusinessException.invalid("suggestion.error.titleTooLong", 200);
        }
        text(d.content());
        if (d.period() == null) {
            throw BusinessException.invalid("suggestion.error.period");
        }
        if (!inDictionary("suggestion_category", d.category())) {
            throw BusinessException.invalid("suggestion.error.category");
        }
        for (Long c : d.coSignerDeputyIds() == null ? List.<Long>of() : d.coSignerDeputyIds()) {
            if (c == null || deputies.find(c).isEmpty()) {
                throw BusinessException.invalid("suggestion.error.coSigner");
            }
        }
    }

    private boolean inDictionary(String table, String code) {
        return code != null && jdbc.sql("select exists (select 1 from " + table + " where code = :c and active)")
                .param("c", code).query(Boolean.class).single();
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            throw BusinessException.invalid("suggestion.error.textRequired");
        }
        if (text.length() > MAX_TEXT) {
            throw BusinessException.invalid("suggestion.error.textTooLong", MAX_TEXT);
        }
        return text.strip();
    }
}
