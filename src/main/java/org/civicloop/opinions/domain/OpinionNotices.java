package org.civicloop.opinions.domain;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.DeadlineApproaching;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.notifications.Notifications;
import org.civicloop.notifications.VoterMessage;
import org.civicloop.opinions.OpinionEvents.OpinionAnswered;
import org.civicloop.opinions.OpinionEvents.OpinionEvent;
import org.civicloop.opinions.OpinionEvents.OpinionRejected;
import org.civicloop.opinions.OpinionEvents.WorkOrderAssigned;
import org.civicloop.opinions.OpinionEvents.WorkOrderEvent;
import org.civicloop.opinions.OpinionEvents.WorkOrderExtensionRequested;
import org.civicloop.opinions.OpinionEvents.WorkOrderReturnRequested;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.HandedAgainWhenUnfinished;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who hears about what. The voter, by SMS or e-mail if they left a contact, when their opinion is
 * answered or refused; the unit's staff when an order arrives or its deadline nears; the office
 * when a unit asks to return or extend, and when a deadline is missed (escalation). Notices join
 * the transaction of the change: nothing is sent for a change that rolls back.
 */
@HandedAgainWhenUnfinished
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpinionNotices {

    private final Notifications notifications;
    private final OpinionRepository opinions;
    private final WorkOrderRepository orders;
    private final Directory directory;
    private final StatusLinks statusLinks;

    /** Its step names the notice: {@code opinion.notice.answered} or {@code opinion.notice.rejected}. */
    @EventListener(classes = {OpinionAnswered.class, OpinionRejected.class})
    void toVoter(OpinionEvent event) {
        opinions.findById(event.opinion().value()).ifPresent(o -> {
            if (o.voterPhone() == null && o.voterEmail() == null) {
                return;
            }
            String url = statusLinks.of(o.receiptCode());
            notifications.notifyVoter(new VoterMessage(o.voterPhone(), o.voterEmail(),
                    "opinion.notice." + event.step(), List.of(o.receiptCode(), url), null));
        });
    }

    @EventListener
    void assigned(WorkOrderAssigned event) {
        long opinionId = event.opinion().value();
        directory.accountsOfUnit(event.unit(), Role.HANDLING_UNIT).forEach(a -> notifications.notifyStaff(a,
                "opinion.notice.assigned", List.of(receipt(opinionId)), "/opinions/" + opinionId));
    }

    /** Its step names the notice: {@code opinion.notice.returnRequested} or {@code opinion.notice.extensionRequested}. */
    @EventListener(classes = {WorkOrderReturnRequested.class, WorkOrderExtensionRequested.class})
    void toOffice(WorkOrderEvent event) {
        long opinionId = event.opinion().value();
        List<String> args = List.of(receipt(opinionId), directory.unitName(event.unit()).orElse(""));
        directory.accountsWithRole(Role.CONGRESS_OFFICE)
                .forEach(a -> notifications.notifyStaff(a, "opinion.notice." + event.step(), args, "/opinions/" + opinionId));
    }

    @ApplicationModuleListener
    void approaching(DeadlineApproaching event) {
        if (WorkOrderClocks.SUBJECT.equals(event.subjectType())) {
            orders.findById(Long.parseLong(event.subjectId())).filter(w -> w.status().isActive()).ifPresent(w ->
                    directory.accountsOfUnit(w.unitId(), Role.HANDLING_UNIT).forEach(a -> notifications.notifyStaff(a,
                            "opinion.notice.approaching", List.of(receipt(w.opinionId())), "/opinions/" + w.opinionId())));
        }
    }

    /** Escalation: the unit and the office both hear of a missed deadline. */
    @ApplicationModuleListener
    void missed(DeadlineMissed event) {
        if (WorkOrderClocks.SUBJECT.equals(event.subjectType())) {
            orders.findById(Long.parseLong(event.subjectId())).filter(w -> w.status().isActive()).ifPresent(w -> {
                List<String> args = List.of(receipt(w.opinionId()), directory.unitName(w.unitId()).orElse(""));
                String link = "/opinions/" + w.opinionId();
                directory.accountsOfUnit(w.unitId(), Role.HANDLING_UNIT)
                        .forEach(a -> notifications.notifyStaff(a, "opinion.notice.missed", args, link));
                directory.accountsWithRole(Role.CONGRESS_OFFICE)
                        .forEach(a -> notifications.notifyStaff(a, "opinion.notice.escalated", args, link));
            });
        }
    }

    private String receipt(long opinionId) {
        return opinions.findById(opinionId).map(Opinion::receiptCode).orElse("");
    }
}
