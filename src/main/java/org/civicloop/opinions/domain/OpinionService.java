package org.civicloop.opinions.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.OpinionEvents.OpinionEvent;
import org.civicloop.opinions.OpinionEvents.WorkOrderEvent;
import org.civicloop.opinions.Opinions;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.Refreshed;
import org.civicloop.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to opinions and work orders goes through here: the permission check, the move on
 * the aggregate, the public timeline step and the audited event, in one transaction.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OpinionService {

    /** Column sizes of the staff texts (V30): reject_note, instructions, return/extension reason, contact summary, reply. */
    public static final int REJECT_NOTE_MAX_LENGTH = 500;
    public static final int INSTRUCTIONS_MAX_LENGTH = 1000;
    public static final int REASON_MAX_LENGTH = 1000;
    public static final int CONTACT_SUMMARY_MAX_LENGTH = 1000;
    public static final int REPLY_MAX_LENGTH = 5000;

    /**
     * The active categories' codes, asked on every submission: a dictionary that migrations set and nothing in the
     * application writes, read again a minute on, in the background ({@link Refreshed}: when it expired instead, a
     * submission read it while others waited for it holding the pool's connections). The forms still read the list
     * from PostgreSQL, so that a form asked for during a database outage says so at once, before a voter types a
     * long text into it.
     */
    private final Refreshed<Set<String>> activeCategories = new Refreshed<>(Duration.ofMinutes(1), this::readActiveCategories);

    private final OpinionRepository opinions;
    private final WorkOrderRepository orders;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final OpinionPermissions permissions = new OpinionPermissions();
    private final Addressing addressing;
    private final OpinionInserts inserts;
    private final DistrictPlaces places;
    private final Directory directory;
    private final OpinionsProperties properties;
    private final WorkOrderClocks clocks;
    private final org.civicloop.liaison.Receptions receptions;

    /**
     * Every problem of an opinion before it is stored, at once and in the order the forms show the
     * fields: its shape ({@link SubmitOpinion#problems}), an open category, a place of the
     * district. Nothing is written. Entry points that have problems of their own to list beside
     * these (photos, a reception's time, a duty code) ask here; {@link #submit} asks the same.
     */
    // No transaction of its own (issue 14): two reads need none, and a read-only transaction costs four
    // more round trips to PostgreSQL (read-only on, begin, commit, read-only off) on every submission.
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Problem> check(SubmitOpinion s) {
        List<Problem> problems = new ArrayList<>(s.problems(properties));
        if (s.category() != null && !categoryExists(s.category())) {
            problems.add(new Problem("category", "opinion.error.category"));
        }
        boolean placeShapeOk = problems.stream().noneMatch(p -> p.field().equals("placeCode"));
        if (s.placeCode() != null && placeShapeOk && !places.contains(s.placeCode()) && directory.place(s.placeCode()).isEmpty()) {
            problems.add(new Problem("placeCode", "opinion.error.place"));
        }
        return SubmitOpinion.inFieldOrder(problems);
    }

    /**
     * 提交意见, from any channel: checked ({@link #check}), stored with its photos (and, when
     * recorded in person, when and where it was heard), indexed for similar opinions, and announced.
     *
     * @throws Opinions.InvalidOpinion listing every problem; nothing is stored
     * @throws DuplicateKeyException   the recording form's or the client's one-time key was used before;
     *                                 nothing is stored (see {@link OpinionQueries#recordedWith},
     *                                 {@link OpinionQueries#submittedWith})
     */
    public Opinion submit(SubmitOpinion s, List<PhotoCleaner.CleanPhoto> photos) {
        return submit(s, photos, Instant.now());
    }

    /** As {@link #submit(SubmitOpinion, List)}, received at a given time (the demo data's past opinions). */
    public Opinion submit(SubmitOpinion s, List<PhotoCleaner.CleanPhoto> photos, Instant receivedAt) {
        List<Problem> problems = check(s);
        if (!problems.isEmpty()) {
            throw new Opinions.InvalidOpinion(problems);
        }
        Opinion saved = null;
        // a receipt code given before is drawn again: the INSERT skips it, stores nothing, and the transaction goes on
        for (int attempt = 0; saved == null; attempt++) {
            if (attempt == 4) {
                throw new IllegalStateException("four receipt codes in a row had been given before");
            }
            try {
                saved = inserts.insert(Opinion.submit(ReceiptCodes.next(), s, properties.districtCode(), receivedAt))
                        .orElse(null);
            } catch (DuplicateKeyException e) {
                throw s.externalRef() != null && e.getMessage() != null && e.getMessage().contains("external_ref")
                        ? BusinessException.conflict("opinion.error.duplicateExternal", s.externalRef()) : e;
            }
        }
        for (PhotoCleaner.CleanPhoto p : photos) {
            jdbc.sql("insert into opinion_photo (opinion_id, content_type, bytes, width, height) values (:o, :t, :b, :w, :h)")
                    .param("o", saved.id()).param("t", p.contentType()).param("b", p.bytes())
                    .param("w", p.width()).param("h", p.height()).update();
        }
        if (s.reception() != null) {
            ReceptionDetails r = s.reception();
            jdbc.sql("""
                            insert into opinion_reception (opinion_id, received_at, place, visitor_count, submission_key,
                                                           reception_id)
                            values (:o, :at, :p, :v, :k, :r)""")
                    .param("o", saved.id()).param("at", java.sql.Timestamp.from(r.receivedAt()))
                    .param("p", r.place()).param("v", r.visitorCount()).param("k", s.submissionKey())
                    .param("r", s.receptionId()).update();
        } else if (s.submissionKey() != null) {
            // a second submission with this key, here or on another node, fails on the primary key: nothing stored
            jdbc.sql("insert into opinion_submission_key (submission_key, opinion_id) values (:k, :o)")
                    .param("k", s.submissionKey()).param("o", saved.id()).update();
        }
        // at the time the opinion says it was received (a recorded reception, a ledger line), not the time it
        // was typed in: the page's heading and its timeline read the same time
        step(saved, "submitted", true, null, null, saved.submittedAt());
        events.publishEvent(saved.submitted());
        heardAtSite(saved, s);
        if (saved.addresseeKind() == AddresseeKind.DEPUTY && saved.addresseeId() != null) {
            events.publishEvent(new org.civicloop.opinions.OpinionEvents.OpinionHeardByDeputy(saved.id(), saved.addresseeId(),
                    saved.category(), saved.submittedAt()));
        }
        return saved;
    }

    /**
     * The network's figures count what a site heard: an opinion sent through a site's duty code (from
     * any channel) or recorded at one of its receptions. Published inside the storing transaction, so
     * that listeners ({@code @ApplicationModuleListener}) get it only after the opinion has committed.
     */
    private void heardAtSite(Opinion saved, SubmitOpinion s) {
        Long siteId = s.receptionId() == null ? null : receptions.find(s.receptionId())
                .map(org.civicloop.liaison.ReceptionSummary::siteId).orElse(null);
        if (siteId == null && saved.addresseeKind() == AddresseeKind.SITE) {
            siteId = saved.addresseeId();
        }
        if (siteId == null) {
            return;
        }
        Instant heardAt = s.reception() != null ? s.reception().receivedAt() : saved.submittedAt();
        events.publishEvent(new org.civicloop.liaison.LiaisonEvents.OpinionHeardAtSite(saved.id(), siteId,
                s.receptionId(), heardAt));
    }

    public void accept(long opinionId, CivicUser user) {
        accept(opinionId, user, Instant.now());
    }

    /**
     * As {@link #accept(long, CivicUser)}, at a given moment (the demo's overdue opinions, accepted when they came
     * in): the timeline's step says then, so that it never reads accepted after the deadline it shows.
     */
    public void accept(long opinionId, CivicUser user, Instant acceptedAt) {
        Opinion o = triageable(opinionId, user);
        publish(o, o.accept(acceptedAt), true, actorLabel(user), null, acceptedAt);
    }

    public void reject(long opinionId, String reason, String note, CivicUser user) {
        Opinion o = triageable(opinionId, user);
        if (reason == null || reason.length() > 30 || TextRules.hasControlCharacters(reason, false)) {
            throw BusinessException.invalid("opinion.error.rejectReason");
        }
        String checkedNote = optionalText(note, REJECT_NOTE_MAX_LENGTH);
        boolean known = jdbc.sql("select exists (select 1 from opinion_reject_reason where code = :c and active)")
                .param("c", reason).query(Boolean.class).single();
        if (!known) {
            throw BusinessException.invalid("opinion.error.rejectReason");
        }
        publish(o, o.reject(reason, checkedNote, Instant.now()), true, actorLabel(user), reason);
    }

    public void merge(long opinionId, String targetReceiptCode, CivicUser user) {
        Opinion o = triageable(opinionId, user);
        Opinion target = ReceiptCodes.normalise(targetReceiptCode)
                .flatMap(code -> jdbc.sql("select id from opinion where receipt_code = :c").param("c", code).query(Long.class).optional())
                .flatMap(opinions::findById)
                .orElseThrow(() -> BusinessException.invalid("opinion.error.mergeTarget"));
        publish(o, o.mergeInto(target, Instant.now()), true, actorLabel(user), target.receiptCode());
    }

    public void unmerge(long opinionId, CivicUser user) {
        Opinion o = triageable(opinionId, user);
        publish(o, o.unmerge(Instant.now()), true, actorLabel(user), null);
    }

    /** 交办: a work order to a handling unit, on the working-day clock for the opinion's category. */
    public long forward(long opinionId, long unitId, String instructions, CivicUser user) {
        return forward(opinionId, unitId, instructions, user, Instant.now());
    }

    /** As {@link #forward(long, long, String, CivicUser)}, the clock starting at a given time (the demo's overdue orders). */
    public long forward(long opinionId, long unitId, String instructions, CivicUser user, Instant assignedAt) {
        Opinion o = routable(opinionId, user, OpinionStatus.HANDLING);
        String checkedInstructions = optionalText(instructions, INSTRUCTIONS_MAX_LENGTH);
        if (directory.handlingUnits().stream().noneMatch(u -> u.id() == unitId)) {
            throw BusinessException.invalid("opinion.error.unit");
        }
        publish(o, o.forwarded(unitId, assignedAt), true, directory.unitName(unitId).orElse(""), null, assignedAt);
        return assign(o, unitId, 1, checkedInstructions, actorLabel(user), assignedAt);
    }

    public void answer(long opinionId, String reply, CivicUser user) {
        Opinion o = routable(opinionId, user, OpinionStatus.REPLIED);
        publish(o, o.answerDirectly(requireText(reply), actorLabel(user), Instant.now()), true, actorLabel(user), null);
    }

    /**
     * 纳入代表建议: a deputy's suggestion took this opinion up, in the transaction that saves the
     * suggestion (the only way an opinion becomes 已转代表建议). An accepted opinion moves to
     * {@code IN_SUGGESTION} and gets the link; one already there without a suggestion just gets the
     * link. Any other is refused with its one reason ({@link Opinion#linkRefusal}), and the refusal
     * rolls the suggestion's change back.
     */
    public void linkSuggestion(long opinionId, long suggestionId) {
        Opinion o = opinions.findById(opinionId)
                .orElseThrow(() -> new org.civicloop.shared.NotFoundException("opinion", opinionId));
        if (o.suggestionId() != null && o.suggestionId() == suggestionId) {
            return;
        }
        o.linkRefusal(suggestionId).ifPresent(key -> {
            throw BusinessException.invalid(key, o.receiptCode());
        });
        if (o.status() == OpinionStatus.ACCEPTED) {
            publish(o, o.toSuggestion(Instant.now()), true, null, null);
        }
        publish(o, o.linkSuggestion(suggestionId), true, null, null);
    }

    /**
     * The suggestion was refused (不予立案, handled as a letter): its opinions are accepted again and
     * unlinked, so that the office routes them another way.
     */
    public void suggestionRefused(long suggestionId) {
        List<Long> linked = jdbc.sql("select id from opinion where suggestion_id = :s and status = 'IN_SUGGESTION' order by id")
                .param("s", suggestionId).query(Long.class).list();
        for (Long id : linked) {
            Opinion o = opinion(id);
            publish(o, o.suggestionRefused(suggestionId, Instant.now()), true, null, null);
        }
    }

    /** The suggestion closed: an opinion still waiting on it closes too (the voter is told by the notices). */
    public void suggestionClosed(long opinionId, long suggestionId) {
        opinions.findById(opinionId).filter(o -> o.status() == OpinionStatus.IN_SUGGESTION)
                .ifPresent(o -> publish(o, o.suggestionClosed(suggestionId, Instant.now()), true, null, null));
    }

    public void sign(long orderId, CivicUser user) {
        WorkOrder w = handleable(orderId, user);
        if (!permissions.maySign(user, w)) {
            // back to SIGNED is the office's decision on a request, never the unit's 签收
            throw BusinessException.conflict("workOrder.error.transition", w.status().label(), WorkOrderStatus.SIGNED.label());
        }
        publishOrder(w, w.sign(Instant.now()), actorLabel(user), null, true);
    }

    /**
     * 签收所选: several of the unit's orders at once, all or none. One that cannot be signed for (another
     * unit's answers not found; one a colleague signed meanwhile is refused) undoes the others.
     */
    public void signAll(List<Long> orderIds, CivicUser user) {
        if (orderIds == null || orderIds.isEmpty()) {
            throw BusinessException.invalid("workOrder.error.nothingSelected");
        }
        for (long id : new LinkedHashSet<>(orderIds)) {
            sign(id, user);
        }
    }

    public void requestReturn(long orderId, String reason, CivicUser user) {
        WorkOrder w = handleable(orderId, user);
        publishOrder(w, w.requestReturn(requireText(reason, REASON_MAX_LENGTH)), actorLabel(user), reason, false);
    }

    public void decideReturn(long orderId, boolean approve, CivicUser user) {
        WorkOrder w = decidable(orderId, user);
        if (approve) {
            Instant now = Instant.now();
            publishOrder(w, w.approveReturn(now), actorLabel(user), null, false);
            clocks.stop(w);
            Opinion o = opinion(w.opinionId());
            publish(o, o.returnedByUnit(w.unitId(), now), false, actorLabel(user), null);
        } else {
            publishOrder(w, w.declineReturn(), actorLabel(user), null, false);
        }
    }

    public void requestExtension(long orderId, int workingDays, String reason, CivicUser user) {
        WorkOrder w = handleable(orderId, user);
        publishOrder(w, w.requestExtension(workingDays, requireText(reason, REASON_MAX_LENGTH)), actorLabel(user), reason, false);
    }

    public void decideExtension(long orderId, boolean approve, CivicUser user) {
        WorkOrder w = decidable(orderId, user);
        // the voter's due date moves, so the voter sees the step that moved it
        publishOrder(w, w.decideExtension(approve), actorLabel(user), null, approve);
        if (approve) {
            clocks.extend(w, w.extensionDays());
        }
    }

    /** 沟通记录: how the unit talked with the voter. */
    public void recordContact(long orderId, String mode, String summary, CivicUser user) {
        WorkOrder w = handleable(orderId, user);
        if (!w.status().isActive()) {
            throw BusinessException.conflict("workOrder.error.closed");
        }
        if (!List.of("PHONE", "VISIT", "MEETING", "SMS", "OTHER").contains(mode)) {
            throw BusinessException.invalid("workOrder.error.contactMode");
        }
        String checkedSummary = requireText(summary, CONTACT_SUMMARY_MAX_LENGTH);
        jdbc.sql("""
                        insert into work_order_contact (work_order_id, mode, summary, contacted_at, recorded_by)
                        values (:w, :m, :s, now(), :by)""")
                .param("w", w.id()).param("m", mode).param("s", checkedSummary).param("by", user.getUsername()).update();
        events.publishEvent(w.contactRecorded(mode));
    }

    public void replyToOrder(long orderId, String reply, CivicUser user) {
        WorkOrder w = handleable(orderId, user);
        String text = requireText(reply);
        String unitName = directory.unitName(w.unitId()).orElse("");
        Instant now = Instant.now();
        // one reply, one line on the timeline: the opinion's public 已答复 step below names the unit, so the
        // order's own 承办单位答复 step would only repeat it (the order's move is still audited by its event)
        WorkOrderEvent replied = w.reply(text, now);
        orders.save(w);
        events.publishEvent(replied);
        clocks.stop(w);
        Opinion o = opinion(w.opinionId());
        publish(o, o.repliedByUnit(text, unitName, now), true, unitName, null);
    }

    /** The voter's rating, by receipt code; dissatisfaction reopens while reopens are left. */
    public Opinion rate(String receiptCode, Rating rating) {
        Opinion o = ReceiptCodes.normalise(receiptCode)
                .flatMap(code -> jdbc.sql("select id from opinion where receipt_code = :c").param("c", code).query(Long.class).optional())
                .flatMap(opinions::findById)
                .orElseThrow(() -> new NotFoundException("opinion", receiptCode));
        List<WorkOrder> rounds = orders.findByOpinionIdOrderByRoundDesc(o.id());
        boolean handledByUnit = !rounds.isEmpty() && rounds.get(0).status() == WorkOrderStatus.REPLIED;
        OpinionEvent e = o.rate(rating, properties.maxReopens(), handledByUnit, Instant.now());
        publish(o, e, true, null, rating.name());
        if (o.status() == OpinionStatus.HANDLING) {
            WorkOrder last = rounds.get(0);
            assign(o, last.unitId(), last.round() + 1, null, "system");
        }
        return o;
    }

    /** Replies the voter did not rate within the configured days close as not rated. */
    public int closeUnrated(Instant repliedBefore) {
        List<Long> due = jdbc.sql("select id from opinion where status = 'REPLIED' and replied_at < :before order by id limit 500")
                .param("before", java.sql.Timestamp.from(repliedBefore)).query(Long.class).list();
        for (Long id : due) {
            Opinion o = opinion(id);
            publish(o, o.closeUnrated(Instant.now()), true, null, null);
        }
        return due.size();
    }

    private long assign(Opinion o, long unitId, int round, String instructions, String by) {
        return assign(o, unitId, round, instructions, by, Instant.now());
    }

    private long assign(Opinion o, long unitId, int round, String instructions, String by, Instant at) {
        WorkOrder w = orders.save(WorkOrder.assign(o.id(), unitId, round, instructions, by, at));
        events.publishEvent(w.assigned());
        clocks.start(w, o.category());
        return w.id();
    }

    private Opinion triageable(long opinionId, CivicUser user) {
        Opinion o = opinion(opinionId);
        if (!permissions.canTriage(user, o, addressing)) {
            throw new AccessDeniedException("triage");
        }
        return o;
    }

    /** An accepted opinion, routed by whoever triages it: as the page offers it (a replied one is not forwarded again). */
    private Opinion routable(long opinionId, CivicUser user, OpinionStatus next) {
        Opinion o = triageable(opinionId, user);
        if (!permissions.mayRoute(user, o, addressing)) {
            throw BusinessException.conflict("opinion.error.transition", o.status().label(), next.label());
        }
        return o;
    }

    private WorkOrder handleable(long orderId, CivicUser user) {
        WorkOrder w = orders.findById(orderId).orElseThrow(() -> new NotFoundException("work-order", orderId));
        if (!permissions.canHandle(user, w)) {
            throw new NotFoundException("work-order", orderId); // another unit's order does not exist for this user
        }
        return w;
    }

    private WorkOrder decidable(long orderId, CivicUser user) {
        if (!permissions.canDecide(user)) {
            throw new AccessDeniedException("decide");
        }
        return orders.findById(orderId).orElseThrow(() -> new NotFoundException("work-order", orderId));
    }

    private Opinion opinion(long id) {
        return opinions.findById(id).orElseThrow(() -> new NotFoundException("opinion", id));
    }

    private void publish(Opinion o, OpinionEvent event, boolean publicStep, String actor, String note) {
        publish(o, event, publicStep, actor, note, null);
    }

    /** Saves, writes the timeline's step at {@code at} (null: the transaction's time) and publishes. */
    private void publish(Opinion o, OpinionEvent event, boolean publicStep, String actor, String note, Instant at) {
        opinions.save(o);
        step(o, event.step(), publicStep, actor, note, at);
        events.publishEvent(event);
    }

    private void publishOrder(WorkOrder w, WorkOrderEvent event, String actor, String note, boolean publicStep) {
        orders.save(w);
        jdbc.sql("insert into opinion_step (opinion_id, kind, public_step, actor_label, note, at) values (:o, :k, :p, :a, :n, now())")
                .param("o", w.opinionId()).param("k", "workOrder." + event.step()).param("p", publicStep)
                .param("a", actor).param("n", note).update();
        events.publishEvent(event);
    }

    private void step(Opinion o, String kind, boolean publicStep, String actor, String note) {
        step(o, kind, publicStep, actor, note, null);
    }

    /** A step of the opinion's timeline at {@code at}, or at the transaction's time when null. */
    private void step(Opinion o, String kind, boolean publicStep, String actor, String note, Instant at) {
        jdbc.sql("""
                        insert into opinion_step (opinion_id, kind, public_step, actor_label, note, at)
                        values (:o, :k, :p, :a, :n, coalesce(cast(:at as timestamptz), now()))""")
                .param("o", o.id()).param("k", kind).param("p", publicStep).param("a", actor).param("n", note)
                .param("at", at == null ? null : java.sql.Timestamp.from(at)).update();
    }

    private String actorLabel(CivicUser user) {
        return user.unitName() != null ? user.unitName() : user.displayName();
    }

    /** Whether {@code code} is one of the active categories (read at most a minute ago). */
    public boolean categoryExists(String code) {
        return activeCategories.get().contains(code);
    }

    private Set<String> readActiveCategories() {
        return Set.copyOf(jdbc.sql("select code from opinion_category where active").query(String.class).list());
    }

    private static String requireText(String text) {
        return requireText(text, REPLY_MAX_LENGTH);
    }

    /** Staff text that must be given: visible characters, no control characters but line breaks, at most {@code max}. */
    private static String requireText(String text, int max) {
        if (TextRules.isBlank(text)) {
            throw BusinessException.invalid("opinion.error.textRequired");
        }
        return checkedText(text, max);
    }

    /** Optional staff text: null when blank, else checked like {@link #requireText(String, int)}. */
    private static String optionalText(String text, int max) {
        return TextRules.isBlank(text) ? null : checkedText(text, max);
    }

    private static String checkedText(String text, int max) {
        String stripped = text.strip();
        if (TextRules.hasControlCharacters(stripped, true)) {
            throw BusinessException.invalid("input.error.controlCharacters");
        }
        if (TextRules.length(stripped) > max) {
            throw BusinessException.invalid("opinion.error.textTooLong", max);
        }
        return stripped;
    }
}
