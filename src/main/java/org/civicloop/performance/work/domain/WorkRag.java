package org.civicloop.performance.work.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import org.civicloop.shared.Rag;

/**
 * The red, yellow or green of an item of tracked work, from its milestones and its monthly reports.
 * The rule, the same on every page, in the export and on the dashboard:
 * <ul>
 *   <li><b>red</b>: a milestone not yet reached is past its due time (its clock is overdue);</li>
 *   <li><b>yellow</b>: none is overdue, but one not yet reached is inside its warning window (the
 *       clock's warning time, {@code performance.work.milestone.warn-before} working days before the
 *       due day, has come), or the owner unit has not filed the progress report of last month (only
 *       for an item that existed before this month began);</li>
 *   <li><b>green</b>: otherwise (also when it has no milestone).</li>
 * </ul>
 * A reached milestone never colours the item.
 */
public final class WorkRag {

    private WorkRag() {
    }

    /** A milestone's times as the clock set them: the last on-time instant, when the warning opens (or null), when reached (or null). */
    public record MilestoneTimes(Instant dueAt, Instant warnAt, Instant doneAt) {
    }

    /**
     * @param milestones      the item's milestones
     * @param createdAt       when the item was created (no report is owed for a month before it existed)
     * @param reportedMonths  the months the owner unit filed a progress report for
     * @param now             the moment seen
     * @param zone            the zone months are counted in
     */
    public static Rag of(Collection<MilestoneTimes> milestones, Instant createdAt, Collection<YearMonth> reportedMonths,
                             Instant now, ZoneId zone) {
        boolean approaching = false;
        for (MilestoneTimes m : milestones) {
            if (m.doneAt() != null) {
                continue;
            }
            if (now.isAfter(m.dueAt())) {
                return Rag.RED;
            }
            if (m.warnAt() != null && !now.isBefore(m.warnAt())) {
                approaching = true;
            }
        }
        return approaching || reportMissing(createdAt, reportedMonths, now, zone) ? Rag.YELLOW : Rag.GREEN;
    }

    /** Whether last month's report is owed and missing: the item existed before this month began and none was filed for last month. */
    public static boolean reportMissing(Instant createdAt, Collection<YearMonth> reportedMonths, Instant now, ZoneId zone) {
        YearMonth thisMonth = YearMonth.from(now.atZone(zone));
        boolean owed = YearMonth.from(createdAt.atZone(zone)).isBefore(thisMonth);
        return owed && !reportedMonths.contains(thisMonth.minusMonths(1));
    }
}
