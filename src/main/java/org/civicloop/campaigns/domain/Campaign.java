package org.civicloop.campaigns.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.campaigns.CampaignEvents.CampaignAnnounced;
import org.civicloop.campaigns.CampaignEvents.CampaignCreated;
import org.civicloop.campaigns.CampaignEvents.DeputyNominated;
import org.civicloop.campaigns.CampaignEvents.NominationsClosed;
import org.civicloop.campaigns.CampaignEvents.NomineeChecked;
import org.civicloop.campaigns.CampaignEvents.VotingClosed;
import org.civicloop.campaigns.CampaignEvents.VotingOpened;
import org.civicloop.shared.AggregateRoot;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.StatusChange;

/**
 * A typical-deputy campaign (典型选树: 五型代表, 最美人大代表) with its groups and nominees. State changes
 * are the named methods below; each checks the move against {@link CampaignStatus} and returns the
 * past-tense events to publish. Nothing here reads a clock or a database: the caller passes the
 * time and, for the eligibility check, each nominee's duty points.
 */
public class Campaign extends AggregateRoot {

    private final String title;
    private final String criteria;
    private final List<String> groups;
    private final int minPoints;
    private final int pointsYear;
    private CampaignStatus status;
    private final LocalDate nominationFrom;
    private final LocalDate nominationTo;
    private final LocalDate votingFrom;
    private final LocalDate votingTo;
    private final LocalDate publicityFrom;
    private final LocalDate publicityTo;
    private final long createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private int version;
    private final List<Nominee> nominees;

    Campaign(Long id, String title, String criteria, List<String> groups, int minPoints, int pointsYear,
             CampaignStatus status, LocalDate nominationFrom, LocalDate nominationTo, LocalDate votingFrom,
             LocalDate votingTo, LocalDate publicityFrom, LocalDate publicityTo, long createdBy, Instant createdAt,
             Instant updatedAt, int version, List<Nominee> nominees) {
        super(id);
        this.title = title;
        this.criteria = criteria;
        this.groups = List.copyOf(groups);
        this.minPoints = minPoints;
        this.pointsYear = pointsYear;
        this.status = status;
        this.nominationFrom = nominationFrom;
        this.nominationTo = nominationTo;
        this.votingFrom = votingFrom;
        this.votingTo = votingTo;
        this.publicityFrom = publicityFrom;
        this.publicityTo = publicityTo;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.nominees = new ArrayList<>(nominees);
    }

    /** A new campaign in its nomination phase; the draft must have no problems. */
    public static Campaign create(CampaignDraft d, long accountId, Instant now) {
        List<Problem> problems = d.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Campaign(null, d.title().strip(), d.criteria().strip(), d.groupNames(), d.minPoints(), d.pointsYear(),
                CampaignStatus.NOMINATION, d.nominationFrom(), d.nominationTo(), d.votingFrom(), d.votingTo(),
                d.publicityFrom(), d.publicityTo(), accountId, now, now, 0, List.of());
    }

    /** The event of a new campaign, once it has its id. */
    public AuditableEvent created() {
        return new CampaignCreated(id(), StatusChange.created(status.name(), Map.of("groups", groups, "minPoints", minPoints,
                "pointsYear", pointsYear, "votingFrom", votingFrom.toString(), "votingTo", votingTo.toString())));
    }

    /**
     * 推荐: a deputy in one of the groups, with a reason, while nominations are open (dates included).
     * The nominee gets its id when saved; the event follows from {@link #nominated(Nominee)}.
     */
    public Nominee nominate(long deputyId, String group, String reason, String by, Long unitId, long accountId,
                            LocalDate today, Instant now) {
        check(CampaignStatus.NOMINATION, "campaign.error.notNominating");
        if (today.isBefore(nominationFrom) || today.isAfter(nominationTo)) {
            throw BusinessException.conflict("campaign.error.nominationWindow", nominationFrom.toString(), nominationTo.toString());
        }
        List<Problem> problems = new ArrayList<>();
        if (group == null || !groups.contains(group)) {
            problems.add(new Problem("group", "campaign.error.group"));
        }
        if (nominees.stream().anyMatch(n -> n.deputyId() == deputyId)) {
            problems.add(new Problem("deputyId", "campaign.error.alreadyNominated"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Nominee n = new Nominee(null, deputyId, group, reason.strip(), by, unitId, accountId, now, Nominee.PENDING, null, false);
        nominees.add(n);
        updatedAt = now;
        return n;
    }

    /** The nominee, saved, replaces its unsaved self; its event. */
    public AuditableEvent nominated(Nominee saved) {
        for (int i = 0; i < nominees.size(); i++) {
            if (nominees.get(i).id() == null && nominees.get(i).deputyId() == saved.deputyId()) {
                nominees.set(i, saved);
            }
        }
        return new DeputyNominated(id(), StatusChange.stay(status.name(), Map.of("nomineeId", saved.id(),
                "deputyId", saved.deputyId(), "group", saved.group(), "by", saved.nominatedBy())));
    }

    /**
     * 资格审核: nominations close and every nominee is checked against the duty record: eligible when
     * their points for the campaign's year reach its minimum (a missing record counts 0).
     */
    public List<AuditableEvent> closeNominations(Map<Long, Integer> pointsByDeputy, Instant now) {
        check(CampaignStatus.NOMINATION, "campaign.error.notNominating");
        if (nominees.isEmpty()) {
            throw BusinessException.conflict("campaign.error.noNominees");
        }
        move(CampaignStatus.ELIGIBILITY_CHECK, "campaign.error.notNominating");
        List<AuditableEvent> events = new ArrayList<>();
        int eligible = 0;
        for (int i = 0; i < nominees.size(); i++) {
            Nominee n = nominees.get(i);
            int points = pointsByDeputy.getOrDefault(n.deputyId(), 0);
            boolean ok = points >= minPoints;
            eligible += ok ? 1 : 0;
            nominees.set(i, n.checked(points, ok));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("nomineeId", n.id());
            details.put("deputyId", n.deputyId());
            details.put("points", points);
            details.put("minPoints", minPoints);
            details.put("eligibility", ok ? Nominee.ELIGIBLE : Nominee.INELIGIBLE);
            events.add(new NomineeChecked(id(), StatusChange.stay(status.name(), details)));
        }
        updatedAt = now;
        events.add(0, new NominationsClosed(id(), new StatusChange(CampaignStatus.NOMINATION.name(), status.name(),
                Map.of("nominees", nominees.size(), "eligible", eligible))));
        return events;
    }

    /** 群众投票: the public may vote, for the eligible nominees only; there must be one. */
    public AuditableEvent openVoting(Instant now) {
        if (status == CampaignStatus.ELIGIBILITY_CHECK && nominees.stream().noneMatch(Nominee::eligible)) {
            throw BusinessException.conflict("campaign.error.noneEligible");
        }
        String from = move(CampaignStatus.VOTING, "campaign.error.notChecked");
        updatedAt = now;
        return new VotingOpened(id(), new StatusChange(from, status.name(), Map.of("eligible",
                nominees.stream().filter(Nominee::eligible).count())));
    }

    /** 公示: voting closes and the office names the nominees it chose (eligible ones, at least one, none assumed). */
    public AuditableEvent closeVoting(Set<Long> chosenNomineeIds, Map<Long, Long> votes, Instant now) {
        check(CampaignStatus.VOTING, "campaign.error.notVoting");
        if (chosenNomineeIds == null || chosenNomineeIds.isEmpty()) {
            throw new InvalidInput(List.of(new Problem("chosen", "campaign.error.chooseOne")));
        }
        for (Long id : chosenNomineeIds) {
            if (nominee(id).filter(Nominee::eligible).isEmpty()) {
                throw new InvalidInput(List.of(new Problem("chosen", "campaign.error.chosenNotEligible")));
            }
        }
        String from = move(CampaignStatus.PUBLICITY, "campaign.error.notVoting");
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (int i = 0; i < nominees.size(); i++) {
            Nominee n = nominees.get(i);
            if (chosenNomineeIds.contains(n.id())) {
                nominees.set(i, n.choose());
                chosen.add(Map.of("nomineeId", n.id(), "deputyId", n.deputyId(), "votes", votes.getOrDefault(n.id(), 0L)));
            }
        }
        updatedAt = now;
        return new VotingClosed(id(), new StatusChange(from, status.name(), Map.of("chosen", chosen)));
    }

    /** 命名表彰: once the publicity period has ended (the day after its last day). */
    public AuditableEvent announce(LocalDate today, Instant now) {
        check(CampaignStatus.PUBLICITY, "campaign.error.notInPublicity");
        if (!today.isAfter(publicityTo)) {
            throw BusinessException.conflict("campaign.error.publicityRunning", publicityTo.toString());
        }
        String from = move(CampaignStatus.ANNOUNCED, "campaign.error.notInPublicity");
        updatedAt = now;
        return new CampaignAnnounced(id(), new StatusChange(from, status.name(), Map.of("announcedOn", today.toString(),
                "chosen", nominees.stream().filter(Nominee::chosen).map(Nominee::deputyId).toList())));
    }

    /**
     * The nominee a vote goes to, if the public may vote for it today: the campaign in its voting
     * phase and within its dates, the nominee eligible.
     */
    public Nominee ballot(long nomineeId, LocalDate today) {
        if (status != CampaignStatus.VOTING || today.isBefore(votingFrom) || today.isAfter(votingTo)) {
            throw BusinessException.conflict("campaign.error.votingClosed", votingFrom.toString(), votingTo.toString());
        }
        return nominee(nomineeId).filter(Nominee::eligible)
                .orElseThrow(() -> BusinessException.invalid("campaign.error.noSuchNominee"));
    }

    /** Voting is open today. */
    public boolean votingOpen(LocalDate today) {
        return status == CampaignStatus.VOTING && !today.isBefore(votingFrom) && !today.isAfter(votingTo);
    }

    public Optional<Nominee> nominee(long nomineeId) {
        return nominees.stream().filter(n -> n.id() != null && n.id() == nomineeId).findFirst();
    }

    private void check(CampaignStatus expected, String messageKey) {
        if (status != expected) {
            throw BusinessException.conflict(messageKey, status.name());
        }
    }

    private String move(CampaignStatus next, String messageKey) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict(messageKey, status.name());
        }
        String from = status.name();
        status = next;
        return from;
    }

    void versionSaved(int version) {
        this.version = version;
    }

    public String title() { return title; }
    public String criteria() { return criteria; }
    public List<String> groups() { return groups; }
    public int minPoints() { return minPoints; }
    public int pointsYear() { return pointsYear; }
    public CampaignStatus status() { return status; }
    public LocalDate nominationFrom() { return nominationFrom; }
    public LocalDate nominationTo() { return nominationTo; }
    public LocalDate votingFrom() { return votingFrom; }
    public LocalDate votingTo() { return votingTo; }
    public LocalDate publicityFrom() { return publicityFrom; }
    public LocalDate publicityTo() { return publicityTo; }
    public long createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
    public List<Nominee> nominees() { return List.copyOf(nominees); }
}
