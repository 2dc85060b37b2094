package org.civicloop.briefings.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.civicloop.briefings.BriefingEvents.BriefingAttended;
import org.civicloop.briefings.domain.BriefingChanges.MaterialAdded;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.DutyToken;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Briefings: the office schedules and revises them, uploads materials, decides leave and records a
 * deputy present; a deputy signs in by the door's code or asks for leave. Every command checks
 * {@link BriefingPermissions}; a briefing the caller may not see answers like one that does not exist.
 * {@link BriefingAttended} is published once per deputy and briefing, whichever way they were recorded.
 */
@Service
@Transactional
public class BriefingService {

    private final BriefingStore store;
    private final BriefingMaterials materials;
    private final Deputies deputies;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;
    private final Duration opensBefore;
    private Clock clock = Clock.systemUTC();

    BriefingService(BriefingStore store, BriefingMaterials materials, Deputies deputies, ApplicationEventPublisher events,
                    @Value("${civicloop.time-zone:Asia/Shanghai}") String zone,
                    @Value("${civicloop.briefings.sign-in-opens-before:30m}") String opensBefore) {
        this.store = store;
        this.materials = materials;
        this.deputies = deputies;
        this.events = events;
        this.zone = ZoneId.of(zone);
        this.opensBefore = DurationStyle.detectAndParse(opensBefore);
        if (this.opensBefore.isNegative()) {
            throw new IllegalArgumentException("civicloop.briefings.sign-in-opens-before must not be negative");
        }
    }

    /** Tests move time; production uses the system clock. */
    public void useClock(Clock testClock) {
        this.clock = testClock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    public Duration opensBefore() {
        return opensBefore;
    }

    public long schedule(BriefingDraft draft, CivicUser user) {
        requireOffice(user);
        checkDeputies(draft);
        String token = DutyToken.generateUnused(store::tokenTaken);
        Briefing b = store.insert(Briefing.schedule(draft, token, user.accountId(), clock.instant(), zone));
        events.publishEvent(b.scheduled());
        return b.id();
    }

    public void revise(long briefingId, BriefingDraft draft, CivicUser user) {
        Briefing b = managed(briefingId, user);
        checkDeputies(draft);
        var revised = b.revise(draft, clock.instant(), zone);
        store.update(b);
        events.publishEvent(revised);
    }

    /**
     * 扫码签到 by the signed-in deputy. The token must be a briefing's (else not found); the user must be
     * a deputy linked to a deputy record; then the briefing decides (invited, once, in the window).
     */
    public BriefingAttended signIn(String token, CivicUser user) {
        Briefing b = byToken(token);
        long deputyId = deputyOf(user).orElseThrow(() -> BusinessException.conflict("briefing.signIn.noDeputy")).id();
        BriefingAttended attended = b.signIn(deputyId, clock.instant(), opensBefore, zone);
        save(b, deputyId, "briefing.signIn.alreadyRecorded");
        events.publishEvent(attended);
        return attended;
    }

    /** The office records an invited deputy present (after the fact, or without a phone). */
    public BriefingAttended recordPresent(long briefingId, long deputyId, CivicUser user) {
        Briefing b = managed(briefingId, user);
        BriefingAttended attended = b.recordPresent(deputyId, clock.instant(), opensBefore, zone);
        save(b, deputyId, "briefing.signIn.alreadyRecorded");
        events.publishEvent(attended);
        return attended;
    }

    /** 请假 by the signed-in deputy, for a briefing they are invited to. */
    public void requestLeave(long briefingId, String reason, CivicUser user) {
        Long deputyId = deputyOf(user).map(DeputySummary::id).orElse(null);
        Briefing b = readable(briefingId, user, deputyId);
        if (!BriefingPermissions.mayAct(user, b, deputyId)) {
            throw new AccessDeniedException("briefing leave");
        }
        var requested = b.requestLeave(deputyId, reason, clock.instant());
        save(b, deputyId, "briefing.error.changedMeanwhile");
        events.publishEvent(requested);
    }

    /** The office records a leave request a deputy made by telephone (请假 on their behalf); decided as any other. */
    public void recordLeaveRequest(long briefingId, long deputyId, String reason, CivicUser user) {
        Briefing b = managed(briefingId, user);
        var requested = b.requestLeave(deputyId, reason, clock.instant());
        save(b, deputyId, "briefing.error.changedMeanwhile");
        events.publishEvent(requested);
    }

    public void decideLeave(long briefingId, long deputyId, boolean approve, CivicUser user) {
        Briefing b = managed(briefingId, user);
        var decided = b.decideLeave(deputyId, approve, user.accountId(), clock.instant());
        save(b, deputyId, "briefing.error.changedMeanwhile");
        events.publishEvent(decided);
    }

    /** Checks and keeps an uploaded material; a bad file writes nothing. */
    public long addMaterial(long briefingId, String fileName, byte[] bytes, CivicUser user) {
        managed(briefingId, user);
        Optional<String> problem = materials.problem(fileName, bytes);
        if (problem.isPresent()) {
            throw new InvalidInput(List.of(new InvalidInput.Problem("file", problem.get(), materials.maxBytes() / (1024 * 1024))));
        }
        long id = materials.store(briefingId, fileName, bytes, user.accountId(), clock.instant());
        events.publishEvent(new MaterialAdded(briefingId, id, BriefingMaterials.safeName(fileName), bytes.length));
        return id;
    }

    /** A material's facts and bytes, for the office and the invited deputies. */
    @Transactional(readOnly = true)
    public Download material(long briefingId, long materialId, CivicUser user) {
        readable(briefingId, user, deputyOf(user).map(DeputySummary::id).orElse(null));
        var m = materials.find(briefingId, materialId).orElseThrow(() -> new NotFoundException("briefingMaterial", materialId));
        return new Download(m, materials.read(m.id()));
    }

    public record Download(BriefingMaterials.StoredMaterial material, byte[] bytes) {
    }

    /** A briefing the user may read (office, or invited deputy), or not found. */
    @Transactional(readOnly = true)
    public Briefing get(long briefingId, CivicUser user) {
        return readable(briefingId, user, deputyOf(user).map(DeputySummary::id).orElse(null));
    }

    /** The briefing behind a door code, or not found: for the deputy's sign-in page. */
    @Transactional(readOnly = true)
    public Briefing byToken(String token) {
        return DutyToken.normalise(token).flatMap(store::byToken)
                .orElseThrow(() -> new NotFoundException("briefing", "token"));
    }

    /** The deputy record linked to a deputy's login. */
    public Optional<DeputySummary> deputyOf(CivicUser user) {
        return user == null ? Optional.empty() : deputies.forAccount(user.accountId());
    }

    private Briefing readable(long briefingId, CivicUser user, Long deputyId) {
        Briefing b = store.find(briefingId).orElseThrow(() -> new NotFoundException("briefing", briefingId));
        if (!BriefingPermissions.mayRead(user, b, deputyId)) {
            throw new NotFoundException("briefing", briefingId);
        }
        return b;
    }

    private Briefing managed(long briefingId, CivicUser user) {
        requireOffice(user);
        return store.find(briefingId).orElseThrow(() -> new NotFoundException("briefing", briefingId));
    }

    private static void requireOffice(CivicUser user) {
        if (!BriefingPermissions.mayManage(user)) {
            throw new AccessDeniedException("briefings");
        }
    }

    private void checkDeputies(BriefingDraft draft) {
        if (draft.deputyIds() == null) {
            return;
        }
        for (Long id : draft.deputyIds()) {
            if (id == null || deputies.find(id).isEmpty()) {
                throw new InvalidInput(List.of(new InvalidInput.Problem("deputyIds", "briefing.error.unknownDeputy")));
            }
        }
    }

    /** Writes the deputy's invitation; someone else's move in between (a second scan) is refused with {@code key}. */
    private void save(Briefing b, long deputyId, String key) {
        if (!store.saveInvitation(b.id(), b.invitation(deputyId))) {
            throw BusinessException.conflict(key);
        }
    }
}
