package org.civicloop.campaigns.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.records.DutyRecords;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's and the stations' side of a campaign: set it up, nominate, close nominations (the
 * eligibility check against {@link DutyRecords}), open and close the vote, announce. Every move
 * publishes its events in the same transaction, so the audit row commits with the change.
 */
@Service
@Transactional
public class CampaignService {

    public static final int REASON_MAX = 2000;

    private final CampaignRepository campaigns;
    private final DeputyRoster roster;
    private final Directory directory;
    private final DutyRecords records;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;

    CampaignService(CampaignRepository campaigns, DeputyRoster roster, Directory directory, DutyRecords records,
                    ApplicationEventPublisher events, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.campaigns = campaigns;
        this.roster = roster;
        this.directory = directory;
        this.records = records;
        this.events = events;
        this.zone = ZoneId.of(zone);
    }

    public long create(CivicUser user, CampaignDraft draft, Instant at) {
        manage(user);
        Campaign c = campaigns.save(Campaign.create(draft, user.accountId(), at));
        events.publishEvent(c.created());
        return c.id();
    }

    /** 推荐: a serving deputy, a group of the campaign, a reason; station staff only for deputies of their place. */
    public long nominate(CivicUser user, long campaignId, Long deputyId, String group, String reason, Instant at) {
        if (!CampaignPermissions.mayNominate(user)) {
            throw new AccessDeniedException("may not nominate");
        }
        Campaign c = locked(campaignId);
        List<Problem> problems = new ArrayList<>();
        // serving deputies only: an ended or suspended deputy is not put forward
        Optional<DeputySummary> deputy = deputyId == null ? Optional.empty()
                : roster.active().stream().filter(d -> d.id() == deputyId).findFirst();
        if (deputyId == null) {
            problems.add(new Problem("deputyId", "campaign.error.deputy"));
        } else if (deputy.isEmpty()) {
            problems.add(new Problem("deputyId", "campaign.error.unknownDeputy"));
        } else if (!CampaignPermissions.mayNominate(user, deputyUnit(deputy.get()))) {
            problems.add(new Problem("deputyId", "campaign.error.notYourDeputy"));
        }
        if (group == null || group.isBlank()) {
            problems.add(new Problem("group", "campaign.error.group"));
        }
        TextRules.check(problems, TextRules.text("reason", REASON_MAX).atLeast(5), reason);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Nominee n = c.nominate(deputyId, group, reason, CampaignPermissions.nominatedBy(user), user.unitId(), user.accountId(),
                today(at), at);
        campaigns.save(c);
        Nominee saved = campaigns.insertNominee(c.id(), n);
        events.publishEvent(c.nominated(saved));
        return saved.id();
    }

    /** 资格审核: every nominee's points for the campaign's year, from the duty records, against the minimum. */
    public void closeNominations(CivicUser user, long campaignId, Instant at) {
        manage(user);
        Campaign c = locked(campaignId);
        Map<Long, Integer> points = new HashMap<>();
        for (Nominee n : c.nominees()) {
            points.put(n.deputyId(), records.points(n.deputyId(), c.pointsYear()));
        }
        publish(c.closeNominations(points, at), c);
    }

    public void openVoting(CivicUser user, long campaignId, Instant at) {
        manage(user);
        Campaign c = locked(campaignId);
        publish(List.of(c.openVoting(at)), c);
    }

    public void closeVoting(CivicUser user, long campaignId, Set<Long> chosen, Instant at) {
        manage(user);
        Campaign c = locked(campaignId);
        publish(List.of(c.closeVoting(chosen, campaigns.votes(campaignId), at)), c);
    }

    public void announce(CivicUser user, long campaignId, Instant at) {
        manage(user);
        Campaign c = locked(campaignId);
        publish(List.of(c.announce(today(at), at)), c);
    }

    @Transactional(readOnly = true)
    public Campaign find(long campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
    }

    /** A campaign the public may see (from its voting on); any other answers like one that does not exist. */
    @Transactional(readOnly = true)
    public Campaign findPublic(long campaignId) {
        return campaigns.find(campaignId).filter(c -> c.status().isPublic())
                .orElseThrow(() -> new NotFoundException("campaign", campaignId));
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return campaigns.ids().stream().map(id -> campaigns.find(id).orElseThrow()).toList();
    }

    @Transactional(readOnly = true)
    public List<Campaign> published() {
        return campaigns.publicIds().stream().map(id -> campaigns.find(id).orElseThrow()).toList();
    }

    @Transactional(readOnly = true)
    public Map<Long, Long> votes(long campaignId) {
        return campaigns.votes(campaignId);
    }

    /** The deeds a chosen deputy is announced with: their counted duty record for the campaign's year. */
    @Transactional(readOnly = true)
    public List<DutyRecords.DutyEntry> deeds(Campaign c, long deputyId) {
        return records.entries(deputyId, c.pointsYear());
    }

    /** The unit responsible for the place the deputy was elected in: the one whose station staff may nominate them. */
    public Long deputyUnit(DeputySummary deputy) {
        return deputy.regionCode() == null ? null
                : directory.unitForRegion(deputy.regionCode()).map(Directory.UnitRef::id).orElse(null);
    }

    public LocalDate today(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private void publish(List<AuditableEvent> moved, Campaign c) {
        campaigns.save(c);
        moved.forEach(events::publishEvent);
    }

    private Campaign locked(long campaignId) {
        return campaigns.findForUpdate(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
    }

    private static void manage(CivicUser user) {
        if (!CampaignPermissions.mayManage(user)) {
            throw new AccessDeniedException("may not manage campaigns");
        }
    }
}
