package org.civicloop.services.cases.domain;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.DeadlineApproaching;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.notifications.Notifications;
import org.civicloop.notifications.VoterMessage;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseAccepted;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCompleted;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCorrected;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCorrectionRequested;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseEvent;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseFailed;
import org.civicloop.services.ServiceCaseEvents.ServiceCasePartApproved;
import org.civicloop.services.ServiceCaseEvents.ServiceCasePartRejected;
import org.civicloop.services.ServiceCaseEvents.ServiceCasePartReturned;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseRefused;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseSubmitted;
import org.civicloop.shared.HandedAgainWhenUnfinished;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of an application's moves: the applicant by SMS (with their consent, through
 * {@link Notifications}, as voters hear of their opinions), the window and the departments in their
 * staff inbox; a department whose part is due soon or overdue is warned in its inbox.
 */
@HandedAgainWhenUnfinished
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CaseNotices {

    private final Notifications notifications;
    private final CaseRepository cases;
    private final Directory directory;

    /** Its step names the SMS: {@code services.case.sms.<step>}. */
    @EventListener(classes = {ServiceCaseAccepted.class, ServiceCaseCorrectionRequested.class, ServiceCaseRefused.class,
            ServiceCasePartReturned.class, ServiceCaseFailed.class})
    void toApplicant(org.civicloop.services.ServiceCaseEvents.ServiceCaseMove event) {
        sms(event.caseId(), "services.case.sms." + event.step());
    }

    @EventListener
    void completed(ServiceCaseCompleted event) {
        sms(event.caseId(), "services.case.sms.completed");
    }

    @EventListener(classes = {ServiceCaseSubmitted.class, ServiceCaseCorrected.class})
    void toWindow(ServiceCaseEvent event) {
        cases.find(event.caseId()).ifPresent(c -> {
            if (c.status() == CaseStatus.SUBMITTED) {
                directory.accountsWithRole(Role.WINDOW_CLERK).forEach(a -> notifications.notifyStaff(a,
                        "services.window.notice.toCheck", List.of(c.reference()), link(c)));
            } else if (c.status() == CaseStatus.IN_PROGRESS) {
                openUnits(c).forEach(unit -> directory.accountsOfUnit(unit, Role.DEPT_APPROVER).forEach(a ->
                        notifications.notifyStaff(a, "services.approval.notice.corrected", List.of(c.reference()), link(c))));
            }
        });
    }

    @EventListener
    void accepted(ServiceCaseAccepted event) {
        cases.find(event.caseId()).ifPresent(c -> openUnits(c).forEach(unit ->
                directory.accountsOfUnit(unit, Role.DEPT_APPROVER).forEach(a -> notifications.notifyStaff(a,
                        "services.approval.notice.new", List.of(c.reference()), link(c)))));
    }

    @EventListener(classes = {ServiceCasePartApproved.class, ServiceCasePartRejected.class})
    void decided(ServiceCaseEvent event) {
        cases.find(event.caseId()).filter(c -> c.status() == CaseStatus.READY).ifPresent(c ->
                directory.accountsWithRole(Role.WINDOW_CLERK).forEach(a -> notifications.notifyStaff(a,
                        "services.window.notice.ready", List.of(c.reference()), link(c))));
    }

    @ApplicationModuleListener
    void approaching(DeadlineApproaching event) {
        warn(event.subjectType(), event.subjectId(), "services.approval.notice.approaching");
    }

    @ApplicationModuleListener
    void missed(DeadlineMissed event) {
        warn(event.subjectType(), event.subjectId(), "services.approval.notice.missed");
    }

    private void warn(String subjectType, String subjectId, String key) {
        if (!ServiceCase.CLOCK_SUBJECT.equals(subjectType)) {
            return;
        }
        int colon = subjectId.indexOf(':');
        long caseId = Long.parseLong(subjectId.substring(0, colon));
        String partCode = subjectId.substring(colon + 1);
        cases.find(caseId).ifPresent(c -> c.part(partCode).filter(p -> p.status() == PartStatus.IN_REVIEW).ifPresent(p ->
                directory.accountsOfUnit(p.unitId(), Role.DEPT_APPROVER).forEach(a -> notifications.notifyStaff(a, key,
                        List.of(c.reference(), p.item()), link(c)))));
    }

    private void sms(long caseId, String key) {
        cases.find(caseId).filter(ServiceCase::contactConsent).ifPresent(c ->
                notifications.notifyVoter(VoterMessage.sms(c.applicantPhone(), key, c.reference())));
    }

    private static List<Long> openUnits(ServiceCase c) {
        return c.parts().stream().filter(p -> p.status() == PartStatus.IN_REVIEW).map(CasePart::unitId).distinct().toList();
    }

    private static String link(ServiceCase c) {
        return "/services/cases/" + c.id();
    }
}
