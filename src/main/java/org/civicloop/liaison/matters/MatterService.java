package org.civicloop.liaison.matters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.deputies.Deputies;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.casework.Inputs;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprise matters on the one clock: opening starts the clock ({@value #RULE}, working days set in
 * {@code civicloop.deadlines.rules.liaison.matter.working-days}), the unit's answer stops it, sending
 * the matter back restarts it for a new round. Every move takes the time as an argument.
 */
@Service
@Transactional
public class MatterService {

    /** The clock's subject type and rule key. */
    public static final String SUBJECT = "enterpriseMatter";
    public static final String RULE = "liaison.matter";
    public static final int ANSWER_MAX = 2000;
    public static final int NOTE_MAX = 500;

    private final MatterRepository matters;
    private final LiaisonSites sites;
    private final Directory directory;
    private final Deputies deputies;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;

    MatterService(MatterRepository matters, LiaisonSites sites, Directory directory, Deputies deputies, Deadlines deadlines,
                  ApplicationEventPublisher events, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.matters = matters;
        this.sites = sites;
        this.directory = directory;
        this.deputies = deputies;
        this.deadlines = deadlines;
        this.events = events;
        this.zone = ZoneId.of(zone);
    }

    /** Takes up a matter at a site and sends it to the chosen unit; every problem is reported at once. */
    public long open(CivicUser user, MatterDraft draft, Instant at) {
        List<Problem> problems = new ArrayList<>(draft.problems(today(at)));
        SiteSummary site = draft.siteId() == null ? null : sites.find(draft.siteId()).orElse(null);
        if (draft.siteId() != null && (site == null || !SiteWork.MATTER_SITES.contains(site.type()))) {
            problems.add(new Problem("siteId", "casework.error.site"));
        } else if (site != null && !MatterPermissions.mayOpen(user, site)) {
            throw new AccessDeniedException("not at this site");
        }
        if (draft.unitId() != null && directory.handlingUnits().stream().noneMatch(u -> u.id() == draft.unitId())) {
            problems.add(new Problem("unitId", "matter.error.unit"));
        }
        if (draft.deputyIds().stream().anyMatch(d -> deputies.find(d).isEmpty())) {
            problems.add(new Problem("deputyIds", "casework.error.unknownDeputy"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        EnterpriseMatter m = matters.save(EnterpriseMatter.open(draft, user.accountId(), at));
        deadlines.start(SUBJECT, Long.toString(m.id()), RULE, RULE, at);
        events.publishEvent(m.opened());
        return m.id();
    }

    /** The unit's answer; the clock stops. */
    public void answer(CivicUser user, long matterId, String answer, Instant at) {
        EnterpriseMatter m = get(matterId);
        if (!MatterPermissions.mayView(user, m, site(m)) || !MatterPermissions.mayAnswer(user, m)) {
            denyOrConflict(user, m);
        }
        List<Problem> problems = new ArrayList<>();
        Inputs.required(problems, "answer", answer, ANSWER_MAX, true);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var event = m.answer(answer.strip(), user.accountId(), at);
        matters.save(m);
        deadlines.stop(SUBJECT, Long.toString(m.id()), at);
        events.publishEvent(event);
    }

    /** What the enterprise said about the answer, recorded on its word. */
    public enum Verdict { SOLVED, UNSOLVED, REOPEN }

    /**
     * The enterprise's word: solved (closed), not solved (closed), or not solved and sent back to the
     * unit (a new round on a fresh clock). A missing verdict is a problem; nothing is preselected.
     */
    public void confirm(CivicUser user, long matterId, Verdict verdict, String note, Instant at) {
        EnterpriseMatter m = get(matterId);
        SiteSummary site = site(m);
        if (!MatterPermissions.mayView(user, m, site)) {
            throw new NotFoundException("enterpriseMatter", matterId);
        }
        if (!SiteWork.worksAt(user, site)) {
            throw new AccessDeniedException("not at this site");
        }
        List<Problem> problems = new ArrayList<>();
        if (verdict == null) {
            problems.add(new Problem("verdict", "matter.error.verdict"));
        }
        Inputs.optional(problems, "note", note, NOTE_MAX, true);
        if (verdict == Verdict.REOPEN && Inputs.orNull(note) == null) {
            problems.add(new Problem("note", "matter.error.reopenNote"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String kept = Inputs.orNull(note);
        if (verdict == Verdict.REOPEN) {
            var event = m.reopen(kept, at);
            matters.save(m);
            deadlines.restart(SUBJECT, Long.toString(m.id()), RULE, RULE, at);
            events.publishEvent(event);
        } else {
            var event = m.confirm(verdict == Verdict.SOLVED, kept, user.accountId(), today(at), at);
            matters.save(m);
            events.publishEvent(event);
        }
    }

    public EnterpriseMatter get(long matterId) {
        return matters.find(matterId).orElseThrow(() -> new NotFoundException("enterpriseMatter", matterId));
    }

    /** The matter as this user may read it; another unit's or site's answers like one that does not exist. */
    public EnterpriseMatter visible(CivicUser user, long matterId) {
        EnterpriseMatter m = get(matterId);
        if (!MatterPermissions.mayView(user, m, site(m))) {
            throw new NotFoundException("enterpriseMatter", matterId);
        }
        return m;
    }

    public SiteSummary site(EnterpriseMatter m) {
        return sites.find(m.siteId()).orElseThrow(() -> new NotFoundException("site", m.siteId()));
    }

    public java.util.Optional<ClockView> clock(long matterId) {
        return deadlines.find(SUBJECT, Long.toString(matterId));
    }

    /** The clocks of a page of matters, by matter id. */
    public java.util.Map<Long, ClockView> clocks(List<Long> matterIds) {
        java.util.Map<Long, ClockView> byId = new java.util.HashMap<>();
        deadlines.find(SUBJECT, matterIds.stream().map(String::valueOf).toList())
                .forEach((k, v) -> byId.put(Long.valueOf(k), v));
        return byId;
    }

    private void denyOrConflict(CivicUser user, EnterpriseMatter m) {
        if (!MatterPermissions.mayView(user, m, site(m))) {
            throw new NotFoundException("enterpriseMatter", m.id());
        }
        if (MatterPermissions.mayAnswer(user, m) || user.unitId() != null && user.unitId() == m.unitId()) {
            throw BusinessException.conflict("matter.error.status", BusinessException.label("matter.status." + m.status().name()),
                    BusinessException.label("matter.status." + MatterStatus.ANSWERED.name()));
        }
        throw new AccessDeniedException("not this matter's unit");
    }

    private LocalDate today(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
