package org.civicloop.records.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A points rule: lines of {@code kind} on or after {@code validFrom} (until the next rule of the kind)
 * earn {@code points} each, at most {@code yearlyCap} in a calendar year (null: no cap).
 */
public record PointRule(long id, ActivityKind kind, int points, Integer yearlyCap, LocalDate validFrom, String note,
                        String createdBy, Instant createdAt) {
}
