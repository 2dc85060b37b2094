package org.civicloop.records.domain;

import java.time.LocalDate;

/**
 * One line of a deputy's points: the activity (its source event and id, so it can be traced) and the rule it
 * counted under. {@code points} is what the line earned: the rule's points, less what the yearly cap cut
 * ({@code capped}); 0 when no rule was in force ({@code ruleId} null). {@code titleHidden}: the line is about a
 * confidential (涉密) suggestion and {@code title} is null; a null title otherwise is only a title not known.
 */
public record PointLine(long entryId, LocalDate on, ActivityKind kind, String title, boolean titleHidden, String source, long sourceId,
                        Long ruleId, LocalDate ruleValidFrom, int rulePoints, Integer ruleCap, int points, boolean capped) {
}
