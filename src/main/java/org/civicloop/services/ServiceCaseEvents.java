package org.civicloop.services;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.StatusChange;

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

    /**
     * A named move of an application or of one of its parts, audited as {@code service-case.<step>}
     * with the old status before and the move's details and new status after. Applicants' names and
     * phones never appear in the details.
     */
    public interface ServiceCaseMove extends ServiceCaseEvent {
        StatusChange change();

        /** The move's name: the audit action's suffix. */
        String step();

        default String action() { return "service-case." + step(); }
        default Map<String, Object> before() { return change().before(); }
        default Map<String, Object> after() { return change().after(); }
    }

    /** 申请: submitted online by the applicant or at the window on their behalf. */
    public record ServiceCaseSubmitted(long caseId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "submitted"; }
    }

    /** 受理: the window found it complete; every applicable department part starts now. */
    public record ServiceCaseAccepted(long caseId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "accepted"; }
    }

    /** 一次性告知: the window lists everything missing at once; the applicant corrects. */
    public record ServiceCaseCorrectionRequested(long caseId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "correctionRequested"; }
    }

    /** 不予受理, with the reason chosen. Final. */
    public record ServiceCaseRefused(long caseId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "refused"; }
    }

    /** 补正: a department returned its part; every clock of the application stops. */
    public record ServiceCasePartReturned(long caseId, String partCode, long unitId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "partReturned"; }
    }

    /** The applicant sent the corrections asked for; the clocks run again. */
    public record ServiceCaseCorrected(long caseId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "corrected"; }
    }

    /** A department approved its part. */
    public record ServiceCasePartApproved(long caseId, String partCode, long unitId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "partApproved"; }
    }

    /** A department rejected its part with a reason; a required part's rejection fails the application. */
    public record ServiceCasePartRejected(long caseId, String partCode, long unitId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "partRejected"; }
    }

    /** A required part was rejected: the application ends without results. */
    public record ServiceCaseFailed(long caseId, StatusChange change) implements ServiceCaseMove {
        public String step() { return "failed"; }
    }

    /** 好差评: the applicant's one rating of a completed application. */
    public record ServiceCaseRated(long caseId, String level, StatusChange change) implements ServiceCaseMove {
        public String step() { return "rated"; }
    }
}
