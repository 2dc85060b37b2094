package org.civicloop.opinions.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to routing, in the past tense; audited in the forwarding transaction. */
public final class RoutingEvents {

    private RoutingEvents() {
    }

    /**
     * An opinion was routed as suggested: by the office's one click, or by the office's rule with no
     * person ({@code automatic}), with the suggestion's confidence and, for a rule, its threshold.
     */
    public record RoutedAsSuggested(long opinionId, long unitId, String category, String previousCategory,
                                    double confidence, boolean automatic, Double threshold) implements AuditableEvent {
        public String subjectType() { return "opinion"; }
        public String subjectId() { return Long.toString(opinionId); }
        public String action() { return automatic ? "routing.automatic" : "routing.accepted"; }
        public Map<String, Object> before() {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("category", previousCategory);
            return before;
        }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("unitId", unitId);
            after.put("category", category);
            after.put("confidence", confidence);
            if (threshold != null) {
                after.put("threshold", threshold);
            }
            return after;
        }
    }

    /** The office changed the automatic routing rule. */
    public record RuleChanged(boolean enabled, double threshold) implements AuditableEvent {
        public String subjectType() { return "routing-rule"; }
        public String subjectId() { return "1"; }
        public String action() { return "routing.ruleChanged"; }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("enabled", enabled);
            after.put("threshold", threshold);
            return after;
        }
    }

    /** The office wrote, changed or removed (null) a handling unit's duty description and usual category. */
    public record DutyWritten(long unitId, String previousCategory, String previousDuty, String category, String duty)
            implements AuditableEvent {
        public String subjectType() { return "routing-duty"; }
        public String subjectId() { return Long.toString(unitId); }
        public String action() { return "routing.dutyWritten"; }
        public Map<String, Object> before() {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("category", previousCategory);
            before.put("duty", previousDuty);
            return before;
        }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("category", category);
            after.put("duty", duty);
            return after;
        }
    }

    /** A past ledger was loaded into the routing history. */
    public record HistoryImported(long importId, int rows) implements AuditableEvent {
        public String subjectType() { return "routing-import"; }
        public String subjectId() { return Long.toString(importId); }
        public String action() { return "routing.imported"; }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("rows", rows);
            return after;
        }
    }
}
