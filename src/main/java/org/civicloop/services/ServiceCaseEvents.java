package org.civicloop.services;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/**
 * What happens to applications (办件) of combined services, in the past tense; every one is audited.
 * Moves of an application and of its departments' parts add their records here.
 */
public final class ServiceCaseEvents {

    private ServiceCaseEvents() {
    }

    /** An event about one application (its id is the audit subject). */
    public interface ServiceCaseEvent extends AuditableEvent {
        long caseId();
        default String subjectType() { return "service-case"; }
        default String subjectId() { return Long.toString(caseId()); }
    }

    /**
     * The results were issued together (统一出件): the application is complete. Carries what the
     * efficiency figures need, so that they are kept from this event alone: when it was submitted,
     * accepted and completed, how long it waited for the applicant's corrections (every clock
     * stopped then), and each department part's own start, decision and waiting.
     */
    public record ServiceCaseCompleted(long caseId, String serviceCode, int serviceVersion, Instant submittedAt,
            Instant acceptedAt, Instant completedAt, Duration waitedForApplicant, List<PartTime> parts)
            implements ServiceCaseEvent {
        public ServiceCaseCompleted {
            parts = List.copyOf(parts);
        }
        public String action() { return "service-case.completed"; }
        public Map<String, Object> after() { return Map.of("status", "COMPLETED", "parts", parts.size()); }
    }

    /**
     * One department's part of a completed application: when it reached the department, when the
     * department decided, how long of that the application waited for the applicant, and the decision.
     */
    public record PartTime(String partCode, long unitId, Instant startedAt, Instant decidedAt,
            Duration waitedForApplicant, boolean approved) {
    }
}
