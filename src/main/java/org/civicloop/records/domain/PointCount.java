package org.civicloop.records.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a year's lines earn points, in memory. Lines are counted in date order. Each line counts under the
 * rule of its kind in force on its date (the latest {@code validFrom} on or before it). The yearly cap is
 * that rule's: the line earns the rule's points, but never more than the cap less what earlier lines of the
 * same kind in the same year earned. So a rule changed mid-year changes the lines after the change only,
 * and a lower cap from mid-year stops the count once the year's total of the kind reaches it.
 */
public final class PointCount {

    private PointCount() {
    }

    /**
     * One activity to count. {@code titleHidden}: it is about a confidential (涉密) suggestion, so it has no title to
     * show; {@code category}: the opinion category's code of a line about an opinion (null for other lines).
     */
    public record Activity(long entryId, LocalDate on, ActivityKind kind, String title, boolean titleHidden, String source,
                           long sourceId, String category) {

        public Activity withTitle(String title) {
            return new Activity(entryId, on, kind, title, titleHidden, source, sourceId, category);
        }
    }

    /** The lines of {@code activities} (one calendar year's) under {@code rules}, in date order. */
    public static List<PointLine> count(List<Activity> activities, List<PointRule> rules) {
        List<Activity> ordered = new ArrayList<>(activities);
        ordered.sort(Comparator.comparing(Activity::on).thenComparingLong(Activity::entryId));
        Map<ActivityKind, Integer> earned = new EnumMap<>(ActivityKind.class);
        List<PointLine> lines = new ArrayList<>(ordered.size());
        for (Activity a : ordered) {
            PointRule rule = ruleFor(rules, a.kind(), a.on());
            if (rule == null) {
                lines.add(new PointLine(a.entryId(), a.on(), a.kind(), a.title(), a.titleHidden(), a.source(), a.sourceId(), null, null, 0, null,
                        0, false));
                continue;
            }
            int sofar = earned.getOrDefault(a.kind(), 0);
            int points = rule.yearlyCap() == null ? rule.points() : Math.max(0, Math.min(rule.points(), rule.yearlyCap() - sofar));
            earned.put(a.kind(), sofar + points);
            lines.add(new PointLine(a.entryId(), a.on(), a.kind(), a.title(), a.titleHidden(), a.source(), a.sourceId(), rule.id(),
                    rule.validFrom(), rule.points(), rule.yearlyCap(), points, points < rule.points()));
        }
        return lines;
    }

    public static int total(List<PointLine> lines) {
        return lines.stream().mapToInt(PointLine::points).sum();
    }

    /** The rule of {@code kind} in force on {@code day}, or null when none was yet. */
    public static PointRule ruleFor(List<PointRule> rules, ActivityKind kind, LocalDate day) {
        PointRule best = null;
        for (PointRule r : rules) {
            if (r.kind() == kind && !r.validFrom().isAfter(day) && (best == null || r.validFrom().isAfter(best.validFrom()))) {
                best = r;
            }
        }
        return best;
    }
}
