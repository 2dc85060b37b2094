package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.notifications.Notifications;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders in the staff inbox: a unit hears once per due date when a tracking report or a
 * resolution follow-up of its own falls due within {@code warning-days}; a lead supervisor once per
 * milestone date when their key suggestion's next milestone does; the office hears once per due date
 * when a report or follow-up is overdue. Run by {@link SupervisionTasks} with the time of the run; tests call
 * it with an explicit {@code now}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SupervisionReminders {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Directory directory;
    private final SupervisionProperties properties;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /** How many reminders went to units and leaders, and how many overdue notices to the office. */
    public record Sent(int reminders, int overdue) {
    }

    private record Due(long id, long unitId, LocalDate dueOn, String title) {
    }

    @Transactional
    public Sent remind(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate soon = today.plusDays(properties.warningDays());
        int reminders = 0;
        int overdue = 0;

        List<Due> trackingSoon = jdbc.sql("""
                select t.id, t.unit_id, t.next_due_on as due_on, s.title from supervision_tracking t join suggestion s on s.id = t.suggestion_id
                 where t.status = 'OPEN' and t.next_due_on between :today and :soon and t.reminded_for is distinct from t.next_due_on
                 order by t.id for update of t skip locked""").param("today", today).param("soon", soon).query(Due.class).list();
        for (Due d : trackingSoon) {
            unit(d.unitId(), "supervision.notice.trackingDueSoon", List.of(d.title()), "/supervision/tracking/" + d.id());
            jdbc.sql("update supervision_tracking set reminded_for = :d where id = :id").param("d", d.dueOn()).param("id", d.id()).update();
            reminders++;
        }

        List<Due> trackingLate = jdbc.sql("""
                select t.id, t.unit_id, t.next_due_on as due_on, s.title from supervision_tracking t join suggestion s on s.id = t.suggestion_id
                 where t.status = 'OPEN' and t.next_due_on < :today and t.overdue_notified_for is distinct from t.next_due_on
                 order by t.id for update of t skip locked""").param("today", today).query(Due.class).list();
        for (Due d : trackingLate) {
            office("supervision.notice.trackingOverdue",
                    List.of(d.title(), directory.unitName(d.unitId()).orElse("")), "/supervision/tracking/" + d.id());
            jdbc.sql("update supervision_tracking set overdue_notified_for = :d where id = :id").param("d", d.dueOn()).param("id", d.id()).update();
            overdue++;
        }

        List<Due> milestonesSoon = jdbc.sql("""
                select l.suggestion_id as id, l.leader_account_id as unit_id, l.next_milestone as due_on, s.title
                  from supervision_lead l join suggestion s on s.id = l.suggestion_id
                 where l.next_milestone between :today and :soon and l.reminded_for is distinct from l.next_milestone
                 order by l.suggestion_id for update of l skip locked""").param("today", today).param("soon", soon).query(Due.class).list();
        for (Due d : milestonesSoon) {
            // the leader's own account (Due's unit column carries it here)
            notifications.notifyStaff(d.unitId(), "supervision.notice.milestoneDueSoon", List.of(d.title()),
                    "/supervision/suggestions/" + d.id());
            jdbc.sql("update supervision_lead set reminded_for = :d where suggestion_id = :id").param("d", d.dueOn()).param("id", d.id()).update();
            reminders++;
        }

        List<Due> resolutionSoon = jdbc.sql("""
                select r.id, u.unit_id, r.due_on, r.number || ' ' || r.title as title
                  from supervision_resolution r join supervision_resolution_unit u on u.resolution_id = r.id
                 where r.status = 'OPEN' and r.due_on between :today and :soon and not u.reminded
                   and not exists (select 1 from supervision_resolution_report p where p.resolution_id = r.id and p.unit_id = u.unit_id)
                 order by r.id, u.unit_id for update of u skip locked""").param("today", today).param("soon", soon).query(Due.class).list();
        for (Due d : resolutionSoon) {
            unit(d.unitId(), "supervision.notice.resolutionDueSoon", List.of(d.title()), "/supervision/resolutions/" + d.id());
            jdbc.sql("update supervision_resolution_unit set reminded = true where resolution_id = :r and unit_id = :u")
                    .param("r", d.id()).param("u", d.unitId()).update();
            reminders++;
        }

        List<Due> resolutionLate = jdbc.sql("""
                select r.id, 0 as unit_id, r.due_on, r.number || ' ' || r.title as title from supervision_resolution r
                 where r.status = 'OPEN' and r.due_on < :today and not r.overdue_notified
                   and exists (select 1 from supervision_resolution_unit u where u.resolution_id = r.id
                                  and not exists (select 1 from supervision_resolution_report p
                                                   where p.resolution_id = r.id and p.unit_id = u.unit_id))
                 order by r.id for update of r skip locked""").param("today", today).query(Due.class).list();
        for (Due d : resolutionLate) {
            office("supervision.notice.resolutionOverdue", List.of(d.title()), "/supervision/resolutions/" + d.id());
            jdbc.sql("update supervision_resolution set overdue_notified = true where id = :id").param("id", d.id()).update();
            overdue++;
        }
        return new Sent(reminders, overdue);
    }

    private void unit(long unitId, String key, List<String> args, String link) {
        directory.accountsOfUnit(unitId, Role.HANDLING_UNIT).forEach(a -> notifications.notifyStaff(a, key, args, link));
    }

    private void office(String key, List<String> args, String link) {
        directory.accountsWithRole(Role.CONGRESS_OFFICE).forEach(a -> notifications.notifyStaff(a, key, args, link));
    }
}
