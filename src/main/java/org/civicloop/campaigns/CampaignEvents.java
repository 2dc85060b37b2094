package org.civicloop.campaigns;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.StatusChange;

/**
 * What happened to a typical-deputy campaign (典型选树): every move of the office or a station and
 * every public vote, each in the audit chain. No phone number in clear: a vote carries it masked.
 */
public final class CampaignEvents {

    private CampaignEvents() {
    }

    /** A campaign's move, with its status change. */
    public sealed interface CampaignEvent extends AuditableEvent {
        long campaignId();

        StatusChange change();

        default String subjectType() {
            return "campaign";
        }

        default String subjectId() {
            return Long.toString(campaignId());
        }

        default Map<String, Object> before() {
            return change().before();
        }

        default Map<String, Object> after() {
            return change().after();
        }
    }

    /** The office set up a campaign: criteria, groups, the minimum points and the phases' dates. */
    public record CampaignCreated(long campaignId, StatusChange change) implements CampaignEvent {
        public String action() { return "campaign.created"; }
    }

    /** The office or a station nominated a deputy in a group, with a reason (推荐). */
    public record DeputyNominated(long campaignId, StatusChange change) implements CampaignEvent {
        public String action() { return "campaign.nominated"; }
    }

    /** Nominations closed; every nominee checked against the duty record (资格审核). */
    public record NominationsClosed(long campaignId, StatusChange change) implements CampaignEvent {
        public String action() { return "campaign.nominationsClosed"; }
    }

    /** One nominee's eligibility: their points for the campaign's year against its minimum. */
    public record NomineeChecked(long campaignId, StatusChange change) implements CampaignEvent {
        public String action() { return "campaign.nomineeChecked"; }
    }

    /** The public may vote for the eligible nominees. */
    public record VotingOpened(long campaignId, StatusChange change) implements CampaignEvent {
        public String action() { return "campaign.votingOpened"; }
    }

    /** Voting closed; the office chose the deputies put to the publicity period (公示). */
    public record VotingClosed(long campaignId, StatusChange change) implements CampaignEvent {
        public String action() { return "campaign.votingClosed"; }
    }

    /** The publicity period passed; the chosen deputies are named (命名表彰). */
    public record CampaignAnnounced(long campaignId, StatusChange change) implements CampaignEvent {
        public String action() { return "campaign.announced"; }
    }

    /** A member of the public voted with a verified phone (shown masked: {@code 138****1234}). */
    public record VoteCast(long campaignId, long voteId, long nomineeId, long deputyId, LocalDate votedOn, String maskedPhone)
            implements AuditableEvent {
        public String subjectType() { return "campaign"; }
        public String subjectId() { return Long.toString(campaignId); }
        public String action() { return "campaign.voteCast"; }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("voteId", voteId);
            after.put("nomineeId", nomineeId);
            after.put("deputyId", deputyId);
            after.put("votedOn", votedOn.toString());
            after.put("phone", maskedPhone);
            return after;
        }
    }

}
