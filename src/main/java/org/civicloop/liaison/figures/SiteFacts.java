package org.civicloop.liaison.figures;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import org.civicloop.liaison.LiaisonEvents.DisputeClosed;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterConfirmed;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterOpened;
import org.civicloop.liaison.LiaisonEvents.OpinionHeardAtSite;
import org.civicloop.liaison.LiaisonEvents.ReceptionHeld;
import org.civicloop.liaison.LiaisonEvents.SiteActivityHeld;
import org.civicloop.shared.HandedAgainWhenUnfinished;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the network's figures (migration V122) from the events of the network at work, in the background
 * once the transaction that published them has committed (a rolled-back reception is never counted), each
 * in a transaction of its own ({@code @ApplicationModuleListener}): a submission through a site's code no
 * longer takes a second connection from the pool after its commit while still holding its first. A row is
 * keyed by what happened (a reception's, an opinion's, a matter's id), so an event delivered twice, or
 * handed again ({@link HandedAgainWhenUnfinished}), counts once. Publishers publish inside a transaction (an event
 * published outside one would reach no listener).
 */
@Component
@HandedAgainWhenUnfinished
class SiteFacts {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    SiteFacts(JdbcClient jdbc, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    @ApplicationModuleListener
    public void on(ReceptionHeld e) {
        insert(Kind.RECEPTION, e.receptionId(), e.siteId(), e.heldOn(), e.visitors(), null, false, e.mobile());
    }

    @ApplicationModuleListener
    public void on(OpinionHeardAtSite e) {
        insert(Kind.OPINION, e.opinionId(), e.siteId(), LocalDate.ofInstant(e.heardAt(), zone), 0, null, false, false);
    }

    @ApplicationModuleListener
    public void on(SiteActivityHeld e) {
        insert(Kind.ACTIVITY, e.activityId(), e.siteId(), e.heldOn(), e.visitors(), e.incomeYuan(), false, false);
    }

    @ApplicationModuleListener
    public void on(EnterpriseMatterOpened e) {
        insert(Kind.MATTER_OPENED, e.matterId(), e.siteId(), e.openedOn(), 0, null, false, false);
    }

    /** A matter confirmed again (after a reopening) keeps its latest answer; the same event twice changes nothing. */
    @ApplicationModuleListener
    public void on(EnterpriseMatterConfirmed e) {
        jdbc.sql("""
                insert into liaison_site_fact (kind, subject_id, site_id, happened_on, positive)
                values ('MATTER_CONFIRMED', :id, :site, :day, :solved)
                on conflict (kind, subject_id) do update set site_id = excluded.site_id,
                    happened_on = excluded.happened_on, positive = excluded.positive""")
                .param("id", e.matterId()).param("site", e.siteId()).param("day", Date.valueOf(e.confirmedOn()))
                .param("solved", e.solved())
                .update();
    }

    @ApplicationModuleListener
    public void on(DisputeClosed e) {
        insert(Kind.DISPUTE_CLOSED, e.disputeId(), e.siteId(), e.closedOn(), 0, null, e.agreed(), false);
    }

    private void insert(Kind kind, long subjectId, long siteId, LocalDate day, int visitors, Long incomeYuan,
                        boolean positive, boolean mobile) {
        jdbc.sql("""
                insert into liaison_site_fact (kind, subject_id, site_id, happened_on, visitors, income_yuan, positive, mobile)
                values (:kind, :id, :site, :day, :visitors, :income, :positive, :mobile)
                on conflict (kind, subject_id) do nothing""")
                .param("kind", kind.name()).param("id", subjectId).param("site", siteId)
                .param("day", Date.valueOf(day)).param("visitors", Math.max(0, visitors)).param("income", incomeYuan)
                .param("positive", positive).param("mobile", mobile)
                .update();
    }

    enum Kind { RECEPTION, OPINION, ACTIVITY, MATTER_OPENED, MATTER_CONFIRMED, DISPUTE_CLOSED }
}
