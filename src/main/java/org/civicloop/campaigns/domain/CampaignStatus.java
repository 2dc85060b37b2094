package org.civicloop.campaigns.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a campaign stands (domain research 1.7). Label: {@code campaign.status.<NAME>}. The allowed moves live here. */
public enum CampaignStatus {
    /** 推荐: the office and the stations nominate deputies. */
    NOMINATION,
    /** 资格审核: nominations closed, every nominee checked against the duty record. */
    ELIGIBILITY_CHECK,
    /** 群众投票: the public votes for the eligible nominees. */
    VOTING,
    /** 公示: the chosen deputies are published for objections. */
    PUBLICITY,
    /** 命名表彰: announced, with each chosen deputy's deeds. */
    ANNOUNCED;

    public boolean canTransitionTo(CampaignStatus next) {
        return allowedNext(this).contains(next);
    }

    static Set<CampaignStatus> allowedNext(CampaignStatus from) {
        return switch (from) {
            case NOMINATION -> EnumSet.of(ELIGIBILITY_CHECK);
            case ELIGIBILITY_CHECK -> EnumSet.of(VOTING);
            case VOTING -> EnumSet.of(PUBLICITY);
            case PUBLICITY -> EnumSet.of(ANNOUNCED);
            case ANNOUNCED -> EnumSet.noneOf(CampaignStatus.class);
        };
    }

    /** The public sees the campaign from the voting on. */
    public boolean isPublic() {
        return this == VOTING || this == PUBLICITY || this == ANNOUNCED;
    }
}
