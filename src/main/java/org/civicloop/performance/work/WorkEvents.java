package org.civicloop.performance.work;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.StatusChange;

/**
 * What happens to tracked work (督办事项), in the past tense. Every one is audited with its item as the
 * subject, so the item's audit trail shows them all.
 */
public final class WorkEvents {

    private WorkEvents() {
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                Object v = pairs[i + 1];
                m.put((String) pairs[i], v instanceof LocalDate || v instanceof BigDecimal ? v.toString() : v);
            }
        }
        return m;
    }

    /** An event about one item of tracked work, its audit subject. */
    public sealed interface WorkEvent extends AuditableEvent {
        long itemId();
        default String subjectType() { return "performance-work-item"; }
        default String subjectId() { return Long.toString(itemId()); }
    }

    /** The evaluation office put an item under tracking (立项督办). */
    public record WorkItemCreated(long itemId, String kind, int year, String title, long ownerUnitId, long leaderAccountId)
            implements WorkEvent {
        public String action() { return "performance.work.itemCreated"; }
        public Map<String, Object> after() {
            return map("kind", kind, "year", year, "title", title, "ownerUnitId", ownerUnitId, "leaderAccountId", leaderAccountId);
        }
    }

    /** A milestone was set, its due time on the one clock. */
    public record MilestoneAdded(long itemId, long milestoneId, String title, LocalDate dueOn) implements WorkEvent {
        public String action() { return "performance.work.milestoneAdded"; }
        public Map<String, Object> after() { return map("milestoneId", milestoneId, "title", title, "dueOn", dueOn); }
    }

    /** A milestone was reached; its clock stopped. */
    public record MilestoneCompleted(long itemId, long milestoneId, boolean late) implements WorkEvent {
        public String action() { return "performance.work.milestoneCompleted"; }
        public Map<String, Object> after() { return map("milestoneId", milestoneId, "late", late); }
    }

    /** A milestone's clock ran out: the leading leader and the evaluation office were told (逾期督办). */
    public record MilestoneMissed(long itemId, long milestoneId, LocalDate dueOn, int notified) implements WorkEvent {
        public String action() { return "performance.work.milestoneMissed"; }
        public Map<String, Object> after() { return map("milestoneId", milestoneId, "dueOn", dueOn, "notified", notified); }
    }

    /** The owner unit filed the progress report of a month (月度进展). */
    public record ProgressReported(long itemId, long reportId, LocalDate month) implements WorkEvent {
        public String action() { return "performance.work.progressReported"; }
        public Map<String, Object> after() { return map("reportId", reportId, "month", month); }
    }

    /** A leader commented on or instructed about an item (批示). */
    public record InstructionGiven(long itemId, long instructionId) implements WorkEvent {
        public String action() { return "performance.work.instructionGiven"; }
        public Map<String, Object> after() { return map("instructionId", instructionId); }
    }

    /** An investment project moved from one stage to another (including 暂缓, resuming and 终止). */
    public record ProjectMoved(long itemId, StatusChange change) implements WorkEvent {
        public String action() { return "performance.work.projectMoved"; }
        public Map<String, Object> before() { return change.before(); }
        public Map<String, Object> after() { return change.after(); }
    }

    /** Funds in place (实际到位资金) were recorded for a project, in 万元. */
    public record FundsRecorded(long itemId, LocalDate receivedOn, BigDecimal amount) implements WorkEvent {
        public String action() { return "performance.work.fundsRecorded"; }
        public Map<String, Object> after() { return map("receivedOn", receivedOn, "amount", amount); }
    }
}
