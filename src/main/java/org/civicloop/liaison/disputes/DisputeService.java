package org.civicloop.liaison.disputes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.deputies.Deputies;
import org.civicloop.liaison.CaseworkEvents.DisputeSessionRecorded;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.casework.Inputs;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Taking up a dispute, recording its sittings and closing it; closing publishes {@code DisputeClosed}. */
@Service
@Transactional
public class DisputeService {

    public static final int NOTE_MAX = 2000;
    public static final int OUTCOME_MAX = 4000;

    private final DisputeRepository disputes;
    private final LiaisonSites sites;
    private final Deputies deputies;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;

    DisputeService(DisputeRepository disputes, LiaisonSites sites, Deputies deputies, ApplicationEventPublisher events,
                   @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.disputes = disputes;
        this.sites = sites;
        this.deputies = deputies;
        this.events = events;
        this.zone = ZoneId.of(zone);
    }

    public long open(CivicUser user, DisputeDraft draft, Instant at) {
        List<Problem> problems = new ArrayList<>(draft.problems(today(at)));
        SiteSummary site = draft.siteId() == null ? null : sites.find(draft.siteId()).orElse(null);
        if (draft.siteId() != null && (site == null || !SiteWork.DISPUTE_SITES.contains(site.type()))) {
            problems.add(new Problem("siteId", "casework.error.site"));
        } else if (site != null && !DisputePermissions.mayMediate(user, site)) {
            throw new AccessDeniedException("not at this site");
        }
        if (draft.deputyIds().stream().anyMatch(d -> deputies.find(d).isEmpty())) {
            problems.add(new Problem("deputyIds", "casework.error.unknownDeputy"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Dispute d = disputes.save(Dispute.open(draft, user.accountId(), at));
        events.publishEvent(d.opened());
        return d.id();
    }

    /** 调解记录: a sitting on a date, with what was said and agreed so far. */
    public long recordSession(CivicUser user, long disputeId, LocalDate heldOn, String note, Instant at) {
        Dispute d = mediated(user, disputeId);
        d.checkMediating();
        List<Problem> problems = new ArrayList<>();
        Inputs.pastDate(problems, "heldOn", heldOn, today(at));
        if (heldOn != null && heldOn.isBefore(d.openedOn())) {
            problems.add(new Problem("heldOn", "dispute.error.sessionBeforeOpened"));
        }
        Inputs.required(problems, "note", note, NOTE_MAX, true);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = disputes.addSession(d.id(), heldOn, note.strip(), user.accountId(), at);
        events.publishEvent(new DisputeSessionRecorded(d.id(), id, heldOn));
        return id;
    }

    /** 结案: the outcome (chosen, never preselected), its text, and the date. */
    public void close(CivicUser user, long disputeId, DisputeStatus outcome, String text, LocalDate closedOn, Instant at) {
        Dispute d = mediated(user, disputeId);
        d.checkMediating();
        List<Problem> problems = new ArrayList<>();
        if (outcome == null || outcome == DisputeStatus.MEDIATING) {
            problems.add(new Problem("outcome", "dispute.error.outcome"));
        }
        Inputs.required(problems, "outcomeText", text, OUTCOME_MAX, true);
        Inputs.pastDate(problems, "closedOn", closedOn, today(at));
        if (closedOn != null && closedOn.isBefore(d.openedOn())) {
            problems.add(new Problem("closedOn", "dispute.error.closedBeforeOpened"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var event = d.close(outcome, text.strip(), closedOn, at);
        disputes.save(d);
        events.publishEvent(event);
    }

    /** The dispute as this user may read it; one they may not read answers like one that does not exist. */
    public Dispute visible(CivicUser user, long disputeId) {
        Dispute d = disputes.find(disputeId).orElseThrow(() -> new NotFoundException("dispute", disputeId));
        if (!DisputePermissions.mayView(user, site(d))) {
            throw new NotFoundException("dispute", disputeId);
        }
        return d;
    }

    public List<DisputeSession> sessions(long disputeId) {
        return disputes.sessions(disputeId);
    }

    public SiteSummary site(Dispute d) {
        return sites.find(d.siteId()).orElseThrow(() -> new NotFoundException("site", d.siteId()));
    }

    private Dispute mediated(CivicUser user, long disputeId) {
        Dispute d = visible(user, disputeId);
        if (!DisputePermissions.mayMediate(user, site(d))) {
            throw new AccessDeniedException("not at this site");
        }
        return d;
    }

    private LocalDate today(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
