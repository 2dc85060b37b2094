package org.civicloop.liaison.receptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.liaison.LiaisonEvents.ReceptionHeld;
import org.civicloop.liaison.receptions.ReceptionEvents.ReceptionCancelled;
import org.civicloop.liaison.receptions.ReceptionEvents.ReceptionPlanned;
import org.civicloop.shared.AuditSummary;
import org.civicloop.shared.BusinessException;

/**
 * A reception (接待) at a liaison site, or for a mobile (流动) one at a named place (a market, a
 * square) on the site's behalf: planned, then held (the deputies present, the visitors counted) or
 * cancelled with a reason. State changes are the named methods below; each checks the move against
 * {@link ReceptionStatus} and returns the event to publish. Nothing here reads a clock or a database:
 * the caller passes the day and the time.
 */
public class Reception {

    static final int MAX_PLACE = 100;
    static final int MAX_NOTES = 2000;
    static final int MAX_REASON = 500;
    static final int MAX_VISITORS = 100_000;
    /** Planning reaches a year ahead, and back a quarter (a reception recorded after the fact). */
    static final int PLAN_DAYS_AHEAD = 366;
    static final int PLAN_DAYS_BACK = 92;

    private Long id;
    private final long siteId;
    private final LocalDate heldOn;
    private final LocalTime startsAt;
    private final LocalTime endsAt;
    private final String place;
    private final boolean mobile;
    private ReceptionStatus status;
    private Integer visitors;
    private String notes;
    private String cancelReason;
    private final Long createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private int version;
    private final Set<Long> deputyIds;

    Reception(Long id, long siteId, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place, boolean mobile,
              ReceptionStatus status, Integer visitors, String notes, String cancelReason, Long createdBy,
              Instant createdAt, Instant updatedAt, int version, Set<Long> deputyIds) {
        this.id = id;
        this.siteId = siteId;
        this.heldOn = heldOn;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.mobile = mobile;
        this.status = status;
        this.visitors = visitors;
        this.notes = notes;
        this.cancelReason = cancelReason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.deputyIds = new LinkedHashSet<>(deputyIds);
    }

    /**
     * A new planned reception. A reception at the site takes the site's address as its place; a mobile
     * one needs the named place where it is held.
     */
    public static Reception plan(long siteId, String siteAddress, ReceptionPlan plan, LocalDate today, Long accountId,
                                 Instant now) {
        if (plan.heldOn() == null) {
            throw BusinessException.invalid("reception.error.dateRequired");
        }
        if (plan.heldOn().isAfter(today.plusDays(PLAN_DAYS_AHEAD)) || plan.heldOn().isBefore(today.minusDays(PLAN_DAYS_BACK))) {
            throw BusinessException.invalid("reception.error.dateOutOfRange", PLAN_DAYS_BACK, PLAN_DAYS_AHEAD);
        }
        if (plan.startsAt() == null || plan.endsAt() == null) {
            throw BusinessException.invalid("reception.error.timeRequired");
        }
        if (!plan.endsAt().isAfter(plan.startsAt())) {
            throw BusinessException.invalid("reception.error.endBeforeStart");
        }
        String place = Texts.clean(plan.place());
        if (plan.mobile() && place == null) {
            throw BusinessException.invalid("reception.error.placeRequired");
        }
        if (place == null) {
            place = siteAddress;
        }
        Texts.check(place, MAX_PLACE, "reception.error.placeTooLong", "reception.error.controlCharacters");
        return new Reception(null, siteId, plan.heldOn(), plan.startsAt(), plan.endsAt(), place, plan.mobile(),
                ReceptionStatus.PLANNED, null, null, null, accountId, now, now, 0, Set.of());
    }

    /** The event of a new plan, once it has its id. */
    public ReceptionPlanned planned() {
        return new ReceptionPlanned(id, AuditSummary.of("status", status.name(), "siteId", siteId,
                "heldOn", heldOn.toString(), "startsAt", startsAt.toString(), "endsAt", endsAt.toString(),
                "place", place, "mobile", mobile));
    }

    /**
     * 接待完成: the deputies present (at least one, as chosen by staff), how many visitors came and what
     * staff note. Not before the day it is planned for.
     */
    public ReceptionHeld hold(Set<Long> presentDeputies, Integer visitorCount, String notesText, LocalDate today,
                              Instant now) {
        move(ReceptionStatus.HELD);
        if (heldOn.isAfter(today)) {
            throw BusinessException.conflict("reception.error.notYet", heldOn.toString());
        }
        if (presentDeputies == null || presentDeputies.isEmpty()) {
            throw BusinessException.invalid("reception.error.deputiesRequired");
        }
        if (visitorCount == null) {
            throw BusinessException.invalid("reception.error.visitorsRequired");
        }
        if (visitorCount < 0 || visitorCount > MAX_VISITORS) {
            throw BusinessException.invalid("reception.error.visitorsRange", MAX_VISITORS);
        }
        String cleanNotes = Texts.clean(notesText);
        Texts.checkMultiline(cleanNotes, MAX_NOTES, "reception.error.notesTooLong", "reception.error.controlCharacters");
        this.status = ReceptionStatus.HELD;
        this.deputyIds.clear();
        this.deputyIds.addAll(presentDeputies);
        this.visitors = visitorCount;
        this.notes = cleanNotes;
        this.updatedAt = now;
        return new ReceptionHeld(id, siteId, heldOn, mobile, place, visitors, List.copyOf(new ArrayList<>(deputyIds)));
    }

    /** 取消: called off, with the reason the public and the deputies are told. */
    public ReceptionCancelled cancel(String reason, Instant now) {
        move(ReceptionStatus.CANCELLED);
        String cleanReason = Texts.clean(reason);
        if (cleanReason == null) {
            throw BusinessException.invalid("reception.error.reasonRequired");
        }
        Texts.check(cleanReason, MAX_REASON, "reception.error.reasonTooLong", "reception.error.controlCharacters");
        this.status = ReceptionStatus.CANCELLED;
        this.cancelReason = cleanReason;
        this.updatedAt = now;
        return new ReceptionCancelled(id, siteId, cleanReason);
    }

    private void move(ReceptionStatus next) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("reception.error.notPlanned", status.name());
        }
    }

    void assignId(long newId) {
        this.id = newId;
    }

    public Long id() { return id; }
    public long siteId() { return siteId; }
    public LocalDate heldOn() { return heldOn; }
    public LocalTime startsAt() { return startsAt; }
    public LocalTime endsAt() { return endsAt; }
    public String place() { return place; }
    public boolean mobile() { return mobile; }
    public ReceptionStatus status() { return status; }
    public Integer visitors() { return visitors; }
    public String notes() { return notes; }
    public String cancelReason() { return cancelReason; }
    public Long createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
    public Set<Long> deputyIds() { return Set.copyOf(deputyIds); }
}
