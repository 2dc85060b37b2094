package org.civicloop.services.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.services.ServiceCaseEvents.PartTime;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseAccepted;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCompleted;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCorrected;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCorrectionRequested;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseEvent;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseFailed;
import org.civicloop.services.ServiceCaseEvents.ServiceCasePartApproved;
import org.civicloop.services.ServiceCaseEvents.ServiceCasePartRejected;
import org.civicloop.services.ServiceCaseEvents.ServiceCasePartReturned;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseRated;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseRefused;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseSubmitted;
import org.civicloop.shared.AggregateRoot;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.StatusChange;

/**
 * An application (办件, glossary {@code Case}) of a combined service. The window accepts it, which
 * starts every applicable department part at the same moment, or asks once for everything missing
 * (一次性告知), or refuses it; departments decide their parts in parallel, and may return theirs for
 * correction (补正), which stops every clock until the applicant corrects; once every required part
 * is approved and the optional ones decided, the window issues all results at once (统一出件) and the
 * applicant rates it once (好差评).
 *
 * <p>State changes only through the named moves below; each takes the time, checks the move against
 * {@link CaseStatus} and {@link PartStatus}, and returns the events it caused. Who may make a move is
 * {@link CasePermissions}'s to say; nothing here reads a clock or a database.
 */
public class ServiceCase extends AggregateRoot {

    /** The subject type of the department parts' clocks; the subject id is {@link #clockId(String)}. */
    public static final String CLOCK_SUBJECT = "service-case-part";

    private final String reference;
    private final String serviceCode;
    private final int serviceVersion;
    private final Channel channel;
    private final Long applicantAccount;
    private final String applicantName;
    private final String applicantPhone;
    private final boolean contactConsent;
    private final String submissionKey;
    private final long recordedBy;
    private final Map<String, String> answers;
    private final Map<String, String> values;
    private CaseStatus status;
    private final Instant submittedAt;
    private Instant acceptedAt;
    private Instant completedAt;
    private Instant waitingSince;
    private Duration waited;
    private Correction correction;
    private RefusalReason refusalReason;
    private Rating rating;
    private final List<CasePart> parts;

    /** Who applies and how, as the application records it. */
    public record Applicant(Channel channel, Long account, String name, String phone, boolean contactConsent) {
    }

    /** A department part as the definition gives it, with its unit resolved. */
    public record PartPlan(String code, long unitId, String unitName, String item, int workingDays, boolean required) {
    }

    public ServiceCase(Long id, String reference, String serviceCode, int serviceVersion, Applicant applicant,
                       String submissionKey, long recordedBy, Map<String, String> answers, Map<String, String> values,
                       CaseStatus status, Instant submittedAt, Instant acceptedAt, Instant completedAt, Instant waitingSince,
                       Duration waited, Correction correction, RefusalReason refusalReason, Rating rating, List<CasePart> parts) {
        super(id);
        this.reference = reference;
        this.serviceCode = serviceCode;
        this.serviceVersion = serviceVersion;
        this.channel = applicant.channel();
        this.applicantAccount = applicant.account();
        this.applicantName = applicant.name();
        this.applicantPhone = applicant.phone();
        this.contactConsent = applicant.contactConsent();
        this.submissionKey = submissionKey;
        this.recordedBy = recordedBy;
        this.answers = new LinkedHashMap<>(answers);
        this.values = new LinkedHashMap<>(values);
        this.status = status;
        this.submittedAt = submittedAt;
        this.acceptedAt = acceptedAt;
        this.completedAt = completedAt;
        this.waitingSince = waitingSince;
        this.waited = waited == null ? Duration.ZERO : waited;
        this.correction = correction;
        this.refusalReason = refusalReason;
        this.rating = rating;
        this.parts = new ArrayList<>(parts);
    }

    /**
     * A new application with the answers and values already checked against its definition (the
     * service reports every problem at once before this).
     */
    public static ServiceCase submit(String reference, String serviceCode, int serviceVersion, Applicant applicant,
                                     String submissionKey, long recordedBy, Map<String, String> answers,
                                     Map<String, String> values, List<PartPlan> plans, Instant now) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("an application needs at least one department part");
        }
        List<CasePart> parts = plans.stream()
                .map(p -> CasePart.waiting(p.code(), p.unitId(), p.unitName(), p.item(), p.workingDays(), p.required())).toList();
        return new ServiceCase(null, reference, serviceCode, serviceVersion, applicant, submissionKey, recordedBy, answers,
                values, CaseStatus.SUBMITTED, now, null, null, null, Duration.ZERO, null, null, null, parts);
    }

    /** The event of a new application, once it has its id. */
    public ServiceCaseSubmitted submitted() {
        return new ServiceCaseSubmitted(id(), StatusChange.created(status.name(), Map.of("reference", reference,
                "service", serviceCode, "channel", channel.name(), "parts", parts.size())));
    }

    /** 受理: every part starts now. */
    public ServiceCaseAccepted accept(Instant now) {
        String from = transition(CaseStatus.IN_PROGRESS);
        acceptedAt = now;
        correction = null;
        parts.forEach(p -> p.start(now));
        return new ServiceCaseAccepted(id(), new StatusChange(from, status.name(), Map.of("parts", parts.size())));
    }

    /** 一次性告知 by the window: everything missing at once. */
    public ServiceCaseCorrectionRequested requestCorrection(Correction asked, Instant now) {
        requireSomething(asked);
        String from = transition(CaseStatus.CORRECTION_REQUESTED);
        correction = asked;
        waitingSince = now;
        return new ServiceCaseCorrectionRequested(id(), new StatusChange(from, status.name(), Map.of(
                "materials", asked.materials().size(), "fields", asked.fields().size())));
    }

    /** 不予受理, with the reason chosen. */
    public ServiceCaseRefused refuse(RefusalReason reason, Instant now) {
        if (reason == null) {
            throw BusinessException.invalid("services.window.error.reasonRequired");
        }
        String from = transition(CaseStatus.REFUSED);
        refusalReason = reason;
        completedAt = now;
        parts.forEach(p -> p.move(PartStatus.CANCELLED));
        return new ServiceCaseRefused(id(), new StatusChange(from, status.name(), Map.of("reason", reason.name())));
    }

    /** 补正 by a department: every clock of the application stops until the applicant corrects. */
    public ServiceCasePartReturned returnPart(String partCode, Correction asked, Instant now) {
        requireSomething(asked);
        CasePart part = runningPart(partCode);
        String from = transition(CaseStatus.AWAITING_APPLICANT);
        part.move(PartStatus.RETURNED);
        correction = asked;
        waitingSince = now;
        return new ServiceCasePartReturned(id(), partCode, part.unitId(), new StatusChange(from, status.name(), Map.of(
                "part", partCode, "materials", asked.materials().size(), "fields", asked.fields().size())));
    }

    /**
     * The applicant sent the corrections: back to the window (before acceptance) or to the parts
     * (during approval), the time waited added to the application and to every part still open.
     */
    public ServiceCaseCorrected correct(Map<String, String> newValues, Instant now) {
        if (!CaseStatus.CORRECTING.contains(status)) {
            throw BusinessException.conflict("services.case.error.notCorrecting");
        }
        Duration w = waitingSince == null || now.isBefore(waitingSince) ? Duration.ZERO : Duration.between(waitingSince, now);
        waited = waited.plus(w);
        String from;
        if (status == CaseStatus.AWAITING_APPLICANT) {
            from = transition(CaseStatus.IN_PROGRESS);
            for (CasePart p : parts) {
                if (p.status().isOpen()) {
                    p.addWaited(w);
                }
                if (p.status() == PartStatus.RETURNED) {
                    p.move(PartStatus.IN_REVIEW);
                }
            }
        } else {
            from = transition(CaseStatus.SUBMITTED);
        }
        values.putAll(newValues);
        int asked = correction == null ? 0 : correction.materials().size() + correction.fields().size();
        correction = null;
        waitingSince = null;
        return new ServiceCaseCorrected(id(), new StatusChange(from, status.name(), Map.of("items", asked,
                "waitedMinutes", w.toMinutes())));
    }

    /** A department approves its part; when nothing is left open the application is ready to issue. */
    public List<ServiceCaseEvent> approvePart(String partCode, String note, Instant now) {
        CasePart part = runningPart(partCode);
        part.decide(PartStatus.APPROVED, blankToNull(note), now);
        List<ServiceCaseEvent> events = new ArrayList<>();
        String from = status.name();
        settle();
        events.add(new ServiceCasePartApproved(id(), partCode, part.unitId(), new StatusChange(from, status.name(), Map.of("part", partCode))));
        return events;
    }

    /** A department rejects its part with a reason; a required part's rejection fails the application. */
    public List<ServiceCaseEvent> rejectPart(String partCode, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("services.approval.error.reasonRequired");
        }
        CasePart part = runningPart(partCode);
        part.decide(PartStatus.REJECTED, reason.strip(), now);
        List<ServiceCaseEvent> events = new ArrayList<>();
        String from = status.name();
        if (part.required()) {
            transition(CaseStatus.FAILED);
            completedAt = now;
            parts.stream().filter(p -> p.status().isOpen() || p.status() == PartStatus.WAITING).forEach(p -> p.move(PartStatus.CANCELLED));
            events.add(new ServiceCasePartRejected(id(), partCode, part.unitId(), new StatusChange(from, from, Map.of("part", partCode, "required", true))));
            events.add(new ServiceCaseFailed(id(), new StatusChange(from, status.name(), Map.of("part", partCode))));
        } else {
            settle();
            events.add(new ServiceCasePartRejected(id(), partCode, part.unitId(), new StatusChange(from, status.name(), Map.of("part", partCode, "required", false))));
        }
        return events;
    }

    /** 统一出件: the results of every approved part at once; the application is complete. */
    public ServiceCaseCompleted issueResults(Instant now) {
        transition(CaseStatus.COMPLETED);
        completedAt = now;
        List<PartTime> times = parts.stream().filter(p -> p.status().isDecided())
                .map(p -> new PartTime(p.code(), p.unitId(), p.startedAt(), p.decidedAt(), p.waited(), p.status() == PartStatus.APPROVED))
                .toList();
        return new ServiceCaseCompleted(id(), serviceCode, serviceVersion, submittedAt, acceptedAt, completedAt, waited, times);
    }

    /** 好差评, once; the two low levels need a reason. */
    public ServiceCaseRated rate(RatingLevel level, String reason, Instant now) {
        if (level == null) {
            throw BusinessException.invalid("services.rating.error.levelRequired");
        }
        if (status != CaseStatus.COMPLETED) {
            throw BusinessException.conflict("services.rating.error.notCompleted");
        }
        if (rating != null) {
            throw BusinessException.conflict("services.rating.error.alreadyRated");
        }
        String why = blankToNull(reason);
        if (level.needsReason() && why == null) {
            throw BusinessException.invalid("services.rating.error.reasonRequired");
        }
        rating = new Rating(level, why, now);
        return new ServiceCaseRated(id(), level.name(), StatusChange.stay(status.name(), Map.of("level", level.name())));
    }

    /** Every required part approved and every optional one decided: ready to issue. */
    private void settle() {
        boolean allDecided = parts.stream().allMatch(p -> p.status().isDecided());
        if (allDecided && status == CaseStatus.IN_PROGRESS) {
            transition(CaseStatus.READY);
        }
    }

    private CasePart runningPart(String partCode) {
        CasePart part = part(partCode).orElseThrow(() -> BusinessException.invalid("services.approval.error.noSuchPart"));
        if (status != CaseStatus.IN_PROGRESS) {
            throw BusinessException.conflict("services.approval.error.notRunning");
        }
        if (part.status() != PartStatus.IN_REVIEW) {
            throw BusinessException.conflict("services.approval.error.decided");
        }
        return part;
    }

    private static void requireSomething(Correction asked) {
        if (asked == null || asked.isEmpty()) {
            throw BusinessException.invalid("services.window.error.nothingAsked");
        }
    }

    private String transition(CaseStatus next) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("services.case.error.transition." + next.name());
        }
        String from = status.name();
        status = next;
        return from;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The clock subject id of one part: {@code <caseId>:<partCode>}. */
    public String clockId(String partCode) {
        return clockId(id(), partCode);
    }

    public static String clockId(long caseId, String partCode) {
        return caseId + ":" + partCode;
    }

    public Optional<CasePart> part(String code) {
        return parts.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The parts of one unit. */
    public List<CasePart> partsOf(long unitId) {
        return parts.stream().filter(p -> p.unitId() == unitId).toList();
    }

    /** Whether the applicant is asked for something now, and by whom. */
    public Optional<Correction> openCorrection() {
        return CaseStatus.CORRECTING.contains(status) ? Optional.ofNullable(correction) : Optional.empty();
    }

    public String reference() { return reference; }
    public String serviceCode() { return serviceCode; }
    public int serviceVersion() { return serviceVersion; }
    public Channel channel() { return channel; }
    public Long applicantAccount() { return applicantAccount; }
    public String applicantName() { return applicantName; }
    public String applicantPhone() { return applicantPhone; }
    public boolean contactConsent() { return contactConsent; }
    public String submissionKey() { return submissionKey; }
    public long recordedBy() { return recordedBy; }
    public Map<String, String> answers() { return Map.copyOf(answers); }
    public Map<String, String> values() { return java.util.Collections.unmodifiableMap(values); }
    public CaseStatus status() { return status; }
    public Instant submittedAt() { return submittedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant completedAt() { return completedAt; }
    public Instant waitingSince() { return waitingSince; }
    public Duration waited() { return waited; }
    public Correction correction() { return correction; }
    public RefusalReason refusalReason() { return refusalReason; }
    public Rating rating() { return rating; }
    public List<CasePart> parts() { return List.copyOf(parts); }
}
