package org.civicloop.campaigns.domain;

import java.time.Instant;

/**
 * A deputy put forward in a campaign's group, with the reason, who nominated them, the eligibility
 * check's result and whether the office chose them after the vote.
 *
 * @param nominatedBy {@code OFFICE} or {@code STATION}
 * @param eligibility {@code PENDING}, {@code ELIGIBLE} or {@code INELIGIBLE}
 */
public record Nominee(Long id, long deputyId, String group, String reason, String nominatedBy, Long nominatedUnit,
                      long nominatedByAccount, Instant nominatedAt, String eligibility, Integer pointsChecked, boolean chosen) {

    public static final String PENDING = "PENDING";
    public static final String ELIGIBLE = "ELIGIBLE";
    public static final String INELIGIBLE = "INELIGIBLE";

    public boolean eligible() {
        return ELIGIBLE.equals(eligibility);
    }

    Nominee checked(int points, boolean eligible) {
        return new Nominee(id, deputyId, group, reason, nominatedBy, nominatedUnit, nominatedByAccount, nominatedAt,
                eligible ? ELIGIBLE : INELIGIBLE, points, chosen);
    }

    Nominee choose() {
        return new Nominee(id, deputyId, group, reason, nominatedBy, nominatedUnit, nominatedByAccount, nominatedAt,
                eligibility, pointsChecked, true);
    }
}
