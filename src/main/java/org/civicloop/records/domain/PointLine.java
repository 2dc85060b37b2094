package org.civicloop.records.domain;

import java.time.LocalDate;

/**
 * One line of a deputy's points: the activity (its source event and id, so it can be traced) and the rule it
 * counted under. {@code points} is what the line earned: the rule's points, less what the yearly cap cut
 * ({@code capped}); 0 when no rule was in force ({@code ruleId} null).
 */
public record PointLine(long entryId, LocalDate on, ActivityKind kind, String title, String source, long sourceId,
                        Long ruleId, LocalDate ruleValidFrom, int rulePoints, Integer ruleCap, int points, boolean capped) {
}
