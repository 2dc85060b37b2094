package org.civicloop.liaison.receptions;

import java.sql.Date;
import java.sql.Time;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.civicloop.deputies.Deputies;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.receptions.ReceptionEvents.ReceptionScheduleChanged;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.AuditSummary;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receptions at liaison sites: planning (one at a time, or the fixed days of the coming weeks),
 * holding and cancelling them, and keeping a site's fixed reception days and duty roster. Every
 * command checks {@link ReceptionPermissions}; a site the caller may not run answers like one that
 * does not exist.
 */
@Service
@Transactional
public class ReceptionService {

    /** How far ahead "plan from the fixed days" reaches at most. */
    static final int MAX_PLAN_WEEKS = 13;

    private final ReceptionStore store;
    private final LiaisonSites sites;
    private final Deputies deputies;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;
    private Clock clock = Clock.systemUTC();

    ReceptionService(ReceptionStore store, LiaisonSites sites, Deputies deputies, JdbcClient jdbc,
                     ApplicationEventPublisher events, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.sites = sites;
        this.deputies = deputies;
        this.jdbc = jdbc;
        this.events = events;
        this.zone = ZoneId.of(zone);
    }

    /** Tests move time; production uses the system clock. */
    void useClock(Clock testClock) {
        this.clock = testClock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public long plan(long siteId, ReceptionPlan plan, CivicUser user) {
        SiteSummary site = runnable(siteId, user);
        Reception r = store.insert(Reception.plan(site.id(), site.address(), plan, today(), user.accountId(), clock.instant()));
        events.publishEvent(r.planned());
        return r.id();
    }

    /**
     * Plans a reception on every fixed day of the site from {@code from} for {@code weeks} weeks that
     * has none yet (any status) at the same start time. Returns how many were planned.
     */
    public int planFromRules(long siteId, LocalDate from, int weeks, CivicUser user) {
        SiteSummary site = runnable(siteId, user);
        if (from == null) {
            throw BusinessException.invalid("reception.error.dateRequired");
        }
        if (weeks < 1 || weeks > MAX_PLAN_WEEKS) {
            throw BusinessException.invalid("reception.error.weeksRange", MAX_PLAN_WEEKS);
        }
        List<ReceptionRule> rules = rules(siteId);
        if (rules.isEmpty()) {
            throw BusinessException.invalid("reception.error.noRules");
        }
        int planned = 0;
        for (ReceptionRule rule : rules) {
            for (LocalDate day : rule.datesBetween(from, from.plusWeeks(weeks).minusDays(1))) {
                boolean exists = jdbc.sql("""
                                select exists (select 1 from reception where site_id = :s and held_on = :d and starts_at = :t)""")
                        .param("s", siteId).param("d", Date.valueOf(day)).param("t", Time.valueOf(rule.startsAt()))
                        .query(Boolean.class).single();
                if (!exists) {
                    var plan = new ReceptionPlan(day, rule.startsAt(), rule.endsAt(), rule.place(), rule.mobile());
                    Reception r = store.insert(Reception.plan(site.id(), site.address(), plan, today(), user.accountId(),
                            clock.instant()));
                    events.publishEvent(r.planned());
                    planned++;
                }
            }
        }
        return planned;
    }

    /** 接待完成. Every deputy named must exist; the visitors and notes are checked by the reception. */
    public void hold(long receptionId, Set<Long> deputyIds, Integer visitors, String notes, CivicUser user) {
        Reception r = get(receptionId, user);
        for (long deputyId : deputyIds == null ? Set.<Long>of() : deputyIds) {
            if (deputies.find(deputyId).isEmpty()) {
                throw BusinessException.invalid("reception.error.unknownDeputy", String.valueOf(deputyId));
            }
        }
        var held = r.hold(deputyIds, visitors, notes, today(), clock.instant());
        store.update(r);
        events.publishEvent(held);
    }

    public void cancel(long receptionId, String reason, CivicUser user) {
        Reception r = get(receptionId, user);
        var cancelled = r.cancel(reason, clock.instant());
        store.update(r);
        events.publishEvent(cancelled);
    }

    /** A reception the user may run, or not found. */
    public Reception get(long receptionId, CivicUser user) {
        Reception r = store.find(receptionId).orElseThrow(() -> new NotFoundException("reception", receptionId));
        runnable(r.siteId(), user);
        return r;
    }

    // --- fixed reception days ---

    public long addRule(long siteId, ReceptionRule.Kind kind, SortedSet<Integer> days, LocalTime startsAt,
                        LocalTime endsAt, String place, CivicUser user) {
        runnable(siteId, user);
        ReceptionRule rule = ReceptionRule.of(siteId, kind, days, startsAt, endsAt, place);
        long id = jdbc.sql("""
                        insert into reception_rule (site_id, kind, days, starts_at, ends_at, place)
                        values (:s, :k, :d, :from, :to, :place) returning id""")
                .param("s", siteId).param("k", rule.kind().name()).param("d", rule.storedDays())
                .param("from", Time.valueOf(rule.startsAt())).param("to", Time.valueOf(rule.endsAt()))
                .param("place", rule.place())
                .query(Long.class).single();
        events.publishEvent(new ReceptionScheduleChanged(siteId, Map.of(), AuditSummary.of("ruleAdded", id,
                "kind", rule.kind().name(), "days", rule.storedDays(), "startsAt", rule.startsAt().toString(),
                "endsAt", rule.endsAt().toString(), "place", rule.place())));
        return id;
    }

    public void removeRule(long siteId, long ruleId, CivicUser user) {
        runnable(siteId, user);
        int rows = jdbc.sql("delete from reception_rule where id = :id and site_id = :s")
                .param("id", ruleId).param("s", siteId).update();
        if (rows == 0) {
            throw new NotFoundException("receptionRule", ruleId);
        }
        events.publishEvent(new ReceptionScheduleChanged(siteId, Map.of("ruleId", ruleId), Map.of("ruleRemoved", ruleId)));
    }

    public List<ReceptionRule> rules(long siteId) {
        return jdbc.sql("select * from reception_rule where site_id = :s order by kind, id").param("s", siteId)
                .query((rs, n) -> new ReceptionRule(rs.getLong("id"), rs.getLong("site_id"),
                        ReceptionRule.Kind.valueOf(rs.getString("kind")), ReceptionRule.parseDays(rs.getString("days")),
                        rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(), rs.getString("place")))
                .list();
    }

    // --- duty roster ---

    /** Puts a deputy on duty at the site on a day (today or later, within a year). */
    public long addRosterEntry(long siteId, LocalDate day, Long deputyId, CivicUser user) {
        runnable(siteId, user);
        if (day == null) {
            throw BusinessException.invalid("reception.error.dateRequired");
        }
        if (day.isBefore(today()) || day.isAfter(today().plusDays(Reception.PLAN_DAYS_AHEAD))) {
            throw BusinessException.invalid("reception.error.rosterDateRange", Reception.PLAN_DAYS_AHEAD);
        }
        if (deputyId == null) {
            throw BusinessException.invalid("reception.error.deputyRequired");
        }
        if (deputies.find(deputyId).isEmpty()) {
            throw BusinessException.invalid("reception.error.unknownDeputy", String.valueOf(deputyId));
        }
        Long id = jdbc.sql("""
                        insert into reception_roster (site_id, duty_date, deputy_id) values (:s, :d, :dep)
                        on conflict do nothing returning id""")
                .param("s", siteId).param("d", Date.valueOf(day)).param("dep", deputyId)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            throw BusinessException.conflict("reception.error.alreadyOnDuty");
        }
        events.publishEvent(new ReceptionScheduleChanged(siteId, Map.of(), Map.of("rosterAdded", id,
                "dutyDate", day.toString(), "deputyId", deputyId)));
        return id;
    }

    public void removeRosterEntry(long siteId, long entryId, CivicUser user) {
        runnable(siteId, user);
        int rows = jdbc.sql("delete from reception_roster where id = :id and site_id = :s")
                .param("id", entryId).param("s", siteId).update();
        if (rows == 0) {
            throw new NotFoundException("rosterEntry", entryId);
        }
        events.publishEvent(new ReceptionScheduleChanged(siteId, Map.of("rosterId", entryId), Map.of("rosterRemoved", entryId)));
    }

    /** The site if the user may run its receptions; otherwise as if it did not exist. */
    public SiteSummary runnable(long siteId, CivicUser user) {
        SiteSummary site = sites.find(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
        if (!ReceptionPermissions.mayRun(user, site)) {
            if (user != null && user.dataScope().allUnits()) {
                throw new AccessDeniedException("receptions");
            }
            throw new NotFoundException("site", siteId);
        }
        return site;
    }

    Instant now() {
        return clock.instant();
    }
}
