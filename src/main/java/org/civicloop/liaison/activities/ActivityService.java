package org.civicloop.liaison.activities;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.deputies.Deputies;
import org.civicloop.liaison.LiaisonEvents.SiteActivityHeld;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording an activity held at a deputy home or point; publishes {@link SiteActivityHeld}, which the
 * network's figures and the deputies' duty records count. Activities are facts once held: there is
 * no status to move.
 */
@Service
@Transactional
public class ActivityService {

    private final JdbcClient jdbc;
    private final LiaisonSites sites;
    private final Deputies deputies;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;

    ActivityService(JdbcClient jdbc, LiaisonSites sites, Deputies deputies, ApplicationEventPublisher events,
                    @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.deputies = deputies;
        this.events = events;
        this.zone = ZoneId.of(zone);
    }

    /** Who may record at a site: whoever works there. */
    public static boolean mayRecord(CivicUser user, SiteSummary site) {
        return SiteWork.worksAt(user, site);
    }

    public long record(CivicUser user, ActivityDraft d, Instant at) {
        List<Problem> problems = new ArrayList<>(d.problems(at.atZone(zone).toLocalDate()));
        SiteSummary site = d.siteId() == null ? null : sites.find(d.siteId()).orElse(null);
        if (d.siteId() != null && (site == null || !SiteWork.ACTIVITY_SITES.contains(site.type()))) {
            problems.add(new Problem("siteId", "casework.error.site"));
        } else if (site != null && !mayRecord(user, site)) {
            throw new AccessDeniedException("not at this site");
        }
        if (d.deputyIds().stream().anyMatch(x -> deputies.find(x).isEmpty())) {
            problems.add(new Problem("deputyIds", "casework.error.unknownDeputy"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into site_activity (site_id, held_on, theme, visitors, income_yuan, recorded_by, recorded_at)
                        values (:site, :on, :theme, :visitors, :income, :by, :at) returning id""")
                .param("site", d.siteId()).param("on", d.heldOn()).param("theme", d.theme()).param("visitors", d.visitors())
                .param("income", d.incomeYuan()).param("by", user.accountId()).param("at", Timestamp.from(at))
                .query(Long.class).single();
        for (long deputy : d.deputyIds()) {
            jdbc.sql("insert into site_activity_deputy (activity_id, deputy_id) values (:a, :d)").param("a", id)
                    .param("d", deputy).update();
        }
        events.publishEvent(new SiteActivityHeld(id, d.siteId(), d.heldOn(), d.theme(), d.visitors(), d.incomeYuan(),
                List.copyOf(d.deputyIds())));
        return id;
    }
}
