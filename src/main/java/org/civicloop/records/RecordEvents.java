package org.civicloop.records;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What the office and the deputies do to the duty records, in the past tense. Every one is audited. */
public final class RecordEvents {

    private RecordEvents() {
    }

    /** A deputy or the office typed in an activity (a publicity session, a survey); it waits for the office. */
    public record ManualEntrySubmitted(long entryId, long deputyId, String kind, LocalDate occurredOn) implements AuditableEvent {
        public String subjectType() { return "dutyRecord"; }
        public String subjectId() { return Long.toString(entryId); }
        public String action() { return "record.manualSubmitted"; }
        public Map<String, Object> after() {
            return Map.of("status", "PENDING", "deputyId", deputyId, "kind", kind, "occurredOn", occurredOn.toString());
        }
    }

    /** The office approved a manual entry: from now on it counts. */
    public record ManualEntryApproved(long entryId, long deputyId) implements AuditableEvent {
        public String subjectType() { return "dutyRecord"; }
        public String subjectId() { return Long.toString(entryId); }
        public String action() { return "record.manualApproved"; }
        public Map<String, Object> before() { return Map.of("status", "PENDING"); }
        public Map<String, Object> after() { return Map.of("status", "APPROVED", "deputyId", deputyId); }
    }

    /** The office refused a manual entry, with the reason the deputy reads. */
    public record ManualEntryRefused(long entryId, long deputyId, String reason) implements AuditableEvent {
        public String subjectType() { return "dutyRecord"; }
        public String subjectId() { return Long.toString(entryId); }
        public String action() { return "record.manualRefused"; }
        public Map<String, Object> before() { return Map.of("status", "PENDING"); }
        public Map<String, Object> after() { return Map.of("status", "REFUSED", "deputyId", deputyId, "reason", reason); }
    }

    /** The office set a points rule for an activity kind from a date on (earlier lines keep their rule). */
    public record PointRuleAdded(long ruleId, String kind, int points, Integer yearlyCap, LocalDate validFrom)
            implements AuditableEvent {
        public String subjectType() { return "pointRule"; }
        public String subjectId() { return Long.toString(ruleId); }
        public String action() { return "record.ruleAdded"; }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("kind", kind);
            after.put("points", points);
            after.put("yearlyCap", yearlyCap);
            after.put("validFrom", validFrom.toString());
            return after;
        }
    }
}
