package org.civicloop.campaigns.domain;

import java.time.Duration;
import org.civicloop.shared.RateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits on the public voting pages per address, {@link RateLimit}s like the opinion form's. SMS codes cost
 * money and reach people, so they are the tighter limit; the per-phone limits are in the database
 * ({@link CampaignVoting}).
 */
@Component
public class VoteLimits {

    private final RateLimit codesByIp = new RateLimit();
    private final RateLimit votesByIp = new RateLimit();
    private final int codesPerIpPerHour;
    private final int votesPerIpPerHour;

    VoteLimits(@Value("${civicloop.campaigns.codes-per-ip-per-hour:20}") int codesPerIpPerHour,
               @Value("${civicloop.campaigns.votes-per-ip-per-hour:60}") int votesPerIpPerHour) {
        this.codesPerIpPerHour = codesPerIpPerHour;
        this.votesPerIpPerHour = votesPerIpPerHour;
    }

    public void checkCodeRequest(String ip) {
        codesByIp.take(ip, codesPerIpPerHour, Duration.ofHours(1));
    }

    public void checkVote(String ip) {
        votesByIp.take(ip, votesPerIpPerHour, Duration.ofHours(1));
    }
}
