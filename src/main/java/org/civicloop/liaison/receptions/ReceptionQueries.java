package org.civicloop.liaison.receptions;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models for the reception pages and the site's public page. Callers check the site first. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReceptionQueries {

    private final JdbcClient jdbc;

    public record ReceptionRow(long id, long siteId, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place,
                               boolean mobile, String status, Integer visitors, int deputies) {
    }

    public record RosterRow(long id, long siteId, LocalDate dutyDate, long deputyId) {
    }

    public record Totals(long held, long visitors) {
    }

    private static final String SELECT = """
            select r.id, r.site_id, r.held_on, r.starts_at, r.ends_at, r.place, r.mobile, r.status, r.visitors,
                   (select count(*) from reception_deputy d where d.reception_id = r.id) as deputies
            from reception r""";

    /** Planned receptions from {@code from} on, soonest first. */
    public List<ReceptionRow> upcoming(long siteId, LocalDate from, int limit) {
        return jdbc.sql(SELECT + " where r.site_id = :s and r.status = 'PLANNED' and r.held_on >= :from"
                        + " order by r.held_on, r.starts_at, r.id limit :limit")
                .param("s", siteId).param("from", Date.valueOf(from)).param("limit", limit)
                .query(ReceptionRow.class).list();
    }

    /** Planned receptions before {@code today}: neither held nor cancelled yet, waiting for staff. */
    public List<ReceptionRow> overdue(long siteId, LocalDate today) {
        return jdbc.sql(SELECT + " where r.site_id = :s and r.status = 'PLANNED' and r.held_on < :today"
                        + " order by r.held_on, r.starts_at, r.id limit 50")
                .param("s", siteId).param("today", Date.valueOf(today))
                .query(ReceptionRow.class).list();
    }

    /** Held and cancelled receptions, newest first, a page at a time. */
    public List<ReceptionRow> past(long siteId, int page, int size) {
        return jdbc.sql(SELECT + " where r.site_id = :s and r.status <> 'PLANNED'"
                        + " order by r.held_on desc, r.starts_at desc, r.id desc limit :size offset :offset")
                .param("s", siteId).param("size", size).param("offset", (long) page * size)
                .query(ReceptionRow.class).list();
    }

    public long pastCount(long siteId) {
        return jdbc.sql("select count(*) from reception where site_id = :s and status <> 'PLANNED'")
                .param("s", siteId).query(Long.class).single();
    }

    /** Held receptions and their visitors in a period, both days included. */
    public Totals totals(long siteId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select count(*) as held, coalesce(sum(visitors), 0) as visitors from reception
                        where site_id = :s and status = 'HELD' and held_on between :from and :to""")
                .param("s", siteId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Totals.class).single();
    }

    /** Who is on duty at the site from {@code from} to {@code to}, by day. */
    public List<RosterRow> roster(long siteId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select id, site_id, duty_date, deputy_id from reception_roster
                        where site_id = :s and duty_date between :from and :to order by duty_date, id""")
                .param("s", siteId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(RosterRow.class).list();
    }
}
