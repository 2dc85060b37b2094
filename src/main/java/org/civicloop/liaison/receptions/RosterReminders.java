package org.civicloop.liaison.receptions;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.notifications.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the deputies on a site's duty roster the day before (值班提醒): a message in their inbox
 * naming the site, the day and the address. Exactly once per roster entry: the reminder row is
 * inserted first and only the run that inserted it sends, so two nodes or two runs on the same day
 * never send twice. A deputy without a login is recorded as not delivered (there is nowhere to leave
 * the message); the office sees such entries on the roster.
 */
@Component
public class RosterReminders {

    static final String MESSAGE = "reception.reminder.message";

    private final JdbcClient jdbc;
    private final Deputies deputies;
    private final Notifications notifications;
    private final ZoneId zone;

    RosterReminders(JdbcClient jdbc, Deputies deputies, Notifications notifications,
                    @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.deputies = deputies;
        this.notifications = notifications;
        this.zone = ZoneId.of(zone);
    }

    record Due(long id, long siteId, String siteName, String address, LocalDate dutyDate, long deputyId) {
    }

    /** Sends the reminders for tomorrow (in the district's time zone) not sent yet; returns how many were sent. */
    @Transactional
    public int remind(Instant now) {
        LocalDate tomorrow = LocalDate.ofInstant(now, zone).plusDays(1);
        List<Due> due = jdbc.sql("""
                        select r.id, r.site_id, s.name as site_name, s.address, r.duty_date, r.deputy_id
                        from reception_roster r join liaison_site s on s.id = r.site_id
                        where r.duty_date = :day and s.active
                          and not exists (select 1 from reception_roster_reminder m where m.roster_id = r.id)
                        order by r.id""")
                .param("day", Date.valueOf(tomorrow)).query(Due.class).list();
        int sent = 0;
        for (Due d : due) {
            Long accountId = deputies.find(d.deputyId()).map(DeputySummary::accountId).orElse(null);
            int claimed = jdbc.sql("""
                            insert into reception_roster_reminder (roster_id, sent_at, delivered)
                            values (:id, :at, :delivered) on conflict do nothing""")
                    .param("id", d.id()).param("at", java.sql.Timestamp.from(now)).param("delivered", accountId != null)
                    .update();
            if (claimed == 1 && accountId != null) {
                notifications.notifyStaff(accountId, MESSAGE,
                        List.of(d.siteName(), d.dutyDate().toString(), d.address()), "/public/sites/" + d.siteId());
                sent++;
            }
        }
        return sent;
    }
}
