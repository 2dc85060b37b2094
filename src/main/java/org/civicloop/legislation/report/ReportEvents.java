package org.civicloop.legislation.report;

import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to compiled reports, in the past tense; every one is audited. */
public final class ReportEvents {

    private ReportEvents() {
    }

    /** A point's report on a draft went to the legislature and is frozen from now on. */
    public record ReportSent(long reportId, long draftId, long siteId, int reportNo, int included, int excluded)
            implements AuditableEvent {
        public String subjectType() { return "legislation-report"; }
        public String subjectId() { return Long.toString(reportId); }
        public String action() { return "legislation.reportSent"; }
        public Map<String, Object> after() {
            return Map.of("draftId", draftId, "siteId", siteId, "reportNo", reportNo, "included", included,
                    "excluded", excluded);
        }
    }
}
