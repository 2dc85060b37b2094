package org.civicloop.briefings.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.briefings.BriefingEvents.BriefingAttended;
import org.civicloop.briefings.domain.BriefingChanges.BriefingRevised;
import org.civicloop.briefings.domain.BriefingChanges.BriefingScheduled;
import org.civicloop.briefings.domain.BriefingChanges.LeaveDecided;
import org.civicloop.briefings.domain.BriefingChanges.LeaveRequested;
import org.civicloop.shared.AuditSummary;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.TextRules;

/**
 * A briefing (知情知政 event) of one of four {@link BriefingKind}s: when, where, who organises it and
 * which deputies are invited; each invited deputy signs in once at the door, within the sign-in window,
 * or asks for leave, which the office approves or declines. State changes are the named methods below;
 * each checks the move and returns the past-tense event to publish. Nothing here reads a clock or a
 * database: the caller passes the time.
 */
public class Briefing {

    static final TextRules.Rule TITLE = TextRules.line("title", 100).required();
    static final TextRules.Rule PLACE = TextRules.line("place", 100).required();
    static final TextRules.Rule ORGANISER = TextRules.line("organiser", 100).required();
    static final TextRules.Rule REASON = TextRules.text("reason", 500).atLeast(2);
    /** A briefing lasts at most a working day and a half (a two-day training is two briefings). */
    static final Duration MAX_LENGTH = Duration.ofHours(36);
    static final int MAX_DEPUTIES = 600;

    private Long id;
    private BriefingKind kind;
    private String title;
    private Instant startsAt;
    private Instant endsAt;
    private String place;
    private String organiser;
    private final String signInToken;
    private final Long createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final int version;
    private final Map<Long, Invitation> invitations;

    Briefing(Long id, BriefingKind kind, String title, Instant startsAt, Instant endsAt, String place, String organiser,
             String signInToken, Long createdBy, Instant createdAt, Instant updatedAt, int version,
             List<Invitation> invitations) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.organiser = organiser;
        this.signInToken = signInToken;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.invitations = new LinkedHashMap<>();
        invitations.forEach(i -> this.invitations.put(i.deputyId(), i));
    }

    /** A new briefing with its invited deputies (every one checked to exist by the caller). */
    public static Briefing schedule(BriefingDraft draft, String signInToken, Long accountId, Instant now, ZoneId zone) {
        Checked c = check(draft, zone);
        List<Invitation> invited = c.deputies.stream().map(Invitation::fresh).toList();
        return new Briefing(null, draft.kind(), c.title, c.startsAt, c.endsAt, c.place, c.organiser, signInToken, accountId,
                now, now, 0, invited);
    }

    /** The event of a new briefing, once it has its id. */
    public BriefingScheduled scheduled() {
        return new BriefingScheduled(id, facts());
    }

    /**
     * Changes the facts and the invited deputies. A deputy who came or was given leave stays on the list:
     * their attendance is history.
     */
    public BriefingRevised revise(BriefingDraft draft, Instant now, ZoneId zone) {
        Checked c = check(draft, zone);
        for (Invitation i : invitations.values()) {
            if (!c.deputies.contains(i.deputyId()) && !i.status().removable()) {
                throw BusinessException.invalid("briefing.error.cannotUninvite");
            }
        }
        Map<String, Object> before = facts();
        this.kind = draft.kind();
        this.title = c.title;
        this.startsAt = c.startsAt;
        this.endsAt = c.endsAt;
        this.place = c.place;
        this.organiser = c.organiser;
        this.invitations.keySet().retainAll(c.deputies);
        c.deputies.forEach(d -> this.invitations.putIfAbsent(d, Invitation.fresh(d)));
        this.updatedAt = now;
        return new BriefingRevised(id, before, facts());
    }

    /**
     * 扫码签到: the deputy scanned the door's code. Refused when they are not invited, already signed in,
     * or the window (from {@code opensBefore} before the start until the end) is not open. A deputy on
     * leave who comes after all is welcome.
     */
    public BriefingAttended signIn(long deputyId, Instant now, Duration opensBefore, ZoneId zone) {
        Invitation i = invitations.get(deputyId);
        if (i == null) {
            throw BusinessException.conflict("briefing.signIn.notInvited");
        }
        if (i.status() == InvitationStatus.PRESENT) {
            throw BusinessException.conflict("briefing.signIn.already", time(i.signedInAt(), zone));
        }
        if (now.isBefore(opensAt(opensBefore))) {
            throw BusinessException.conflict("briefing.signIn.notYet", time(opensAt(opensBefore), zone));
        }
        if (!now.isBefore(endsAt)) {
            throw BusinessException.conflict("briefing.signIn.closed", time(endsAt, zone));
        }
        i.present("SCAN", now);
        return attended(deputyId, zone);
    }

    /**
     * The office records an invited deputy present (the phone was flat, or the list was kept on paper):
     * from the window's opening on, also after the end.
     */
    public BriefingAttended recordPresent(long deputyId, Instant now, Duration opensBefore, ZoneId zone) {
        Invitation i = invitations.get(deputyId);
        if (i == null) {
            throw BusinessException.conflict("briefing.signIn.notInvited");
        }
        if (i.status() == InvitationStatus.PRESENT) {
            throw BusinessException.conflict("briefing.signIn.already", time(i.signedInAt(), zone));
        }
        if (now.isBefore(opensAt(opensBefore))) {
            throw BusinessException.conflict("briefing.signIn.notYet", time(opensAt(opensBefore), zone));
        }
        i.present("OFFICE", now);
        return attended(deputyId, zone);
    }

    /** 请假: an invited deputy cannot come, and says why; before the briefing ends. */
    public LeaveRequested requestLeave(long deputyId, String reason, Instant now) {
        Invitation i = invitations.get(deputyId);
        if (i == null) {
            throw BusinessException.conflict("briefing.signIn.notInvited");
        }
        if (i.status() != InvitationStatus.INVITED) {
            throw BusinessException.conflict("briefing.leave.error.notOpen");
        }
        if (!now.isBefore(endsAt)) {
            throw BusinessException.conflict("briefing.leave.error.over");
        }
        Problem p = REASON.problem(reason);
        if (p != null) {
            throw new InvalidInput(List.of(p));
        }
        String clean = reason.strip();
        i.leaveRequested(clean, now);
        return new LeaveRequested(id, deputyId, clean);
    }

    /** The office approves ({@code ON_LEAVE}) or declines (invited again) a pending leave request. */
    public LeaveDecided decideLeave(long deputyId, boolean approve, Long accountId, Instant now) {
        Invitation i = invitations.get(deputyId);
        if (i == null || i.status() != InvitationStatus.LEAVE_REQUESTED) {
            throw BusinessException.conflict("briefing.leave.error.nothingToDecide");
        }
        i.leaveDecided(approve, accountId, now);
        return new LeaveDecided(id, deputyId, approve);
    }

    /** When sign-in opens: {@code opensBefore} before the start. */
    public Instant opensAt(Duration opensBefore) {
        return startsAt.minus(opensBefore);
    }

    /** Whether the door's code is taken now. */
    public boolean signInOpen(Instant now, Duration opensBefore) {
        return !now.isBefore(opensAt(opensBefore)) && now.isBefore(endsAt);
    }

    public boolean over(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** Invited, present, on leave and absent (absent only once it is over). */
    public Attendance attendance(Instant now) {
        int present = 0;
        int leave = 0;
        int other = 0;
        for (Invitation i : invitations.values()) {
            switch (i.status()) {
                case PRESENT -> present++;
                case ON_LEAVE -> leave++;
                default -> other++;
            }
        }
        return new Attendance(invitations.size(), present, leave, over(now) ? other : 0);
    }

    /** An event's counts: invited = present + on leave + absent (+ not yet come, while it is not over). */
    public record Attendance(int invited, int present, int onLeave, int absent) {
    }

    private BriefingAttended attended(long deputyId, ZoneId zone) {
        LocalDate heldOn = startsAt.atZone(zone).toLocalDate();
        return new BriefingAttended(id, kind.name(), title, heldOn, deputyId);
    }

    private Map<String, Object> facts() {
        return AuditSummary.of("kind", kind.name(), "title", title, "startsAt", startsAt.toString(), "endsAt",
                endsAt.toString(), "place", place, "organiser", organiser, "deputyIds",
                new ArrayList<>(new TreeSet<>(invitations.keySet())).toString());
    }

    private static String time(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDateTime().toString().replace('T', ' ');
    }

    private record Checked(String title, Instant startsAt, Instant endsAt, String place, String organiser, Set<Long> deputies) {
    }

    /** Every problem of the draft at once, each beside its field; nothing is written when there is one. */
    private static Checked check(BriefingDraft d, ZoneId zone) {
        List<Problem> problems = new ArrayList<>();
        if (d.kind() == null) {
            problems.add(new Problem("kind", "briefing.error.kindRequired"));
        }
        TextRules.check(problems, TITLE, d.title());
        TextRules.check(problems, PLACE, d.place());
        TextRules.check(problems, ORGANISER, d.organiser());
        if (d.startsAt() == null) {
            problems.add(new Problem("startsAt", "briefing.error.startRequired"));
        }
        if (d.endsAt() == null) {
            problems.add(new Problem("endsAt", "briefing.error.endRequired"));
        }
        if (d.startsAt() != null && d.endsAt() != null) {
            if (!d.endsAt().isAfter(d.startsAt())) {
                problems.add(new Problem("endsAt", "briefing.error.endBeforeStart"));
            } else if (Duration.between(d.startsAt(), d.endsAt()).compareTo(MAX_LENGTH) > 0) {
                problems.add(new Problem("endsAt", "briefing.error.tooLong", MAX_LENGTH.toHours()));
            }
        }
        Set<Long> deputies = d.deputyIds() == null ? Set.of() : new TreeSet<>(d.deputyIds());
        if (deputies.isEmpty()) {
            problems.add(new Problem("deputyIds", "briefing.error.deputiesRequired"));
        } else if (deputies.size() > MAX_DEPUTIES) {
            problems.add(new Problem("deputyIds", "briefing.error.tooManyDeputies", MAX_DEPUTIES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Checked(d.title().strip(), d.startsAt().atZone(zone).toInstant(), d.endsAt().atZone(zone).toInstant(),
                d.place().strip(), d.organiser().strip(), deputies);
    }

    void assignId(long newId) {
        this.id = newId;
    }

    public Long id() { return id; }
    public BriefingKind kind() { return kind; }
    public String title() { return title; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
    public String place() { return place; }
    public String organiser() { return organiser; }
    public String signInToken() { return signInToken; }
    public Long createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
    public List<Invitation> invitations() { return List.copyOf(invitations.values()); }
    public Invitation invitation(long deputyId) { return invitations.get(deputyId); }
    public boolean invited(long deputyId) { return invitations.containsKey(deputyId); }
}
