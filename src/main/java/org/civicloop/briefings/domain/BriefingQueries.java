package org.civicloop.briefings.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models of briefings: the office's list with each event's attendance, a deputy's own briefings,
 * and attendance per deputy for a half-year. Absent counts only briefings that are over; a leave still
 * undecided at the end counts as absent, like no sign-in at all.
 */
@Component
public class BriefingQueries {

    private final JdbcClient jdbc;

    BriefingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One briefing in a list, with its counts. */
    public record Row(long id, BriefingKind kind, String title, Instant startsAt, Instant endsAt, String place,
                      String organiser, int invited, int present, int onLeave, int absent, int leaveRequests) {
        public boolean over(Instant now) {
            return !now.isBefore(endsAt);
        }
    }

    /** One of a deputy's briefings, with where they stand. */
    public record MyRow(long id, BriefingKind kind, String title, Instant startsAt, Instant endsAt, String place,
                        String organiser, InvitationStatus status, Instant signedInAt, String leaveReason,
                        boolean leaveDeclined) {
        public boolean over(Instant now) {
            return !now.isBefore(endsAt);
        }
        public boolean absent(Instant now) {
            return over(now) && status != InvitationStatus.PRESENT && status != InvitationStatus.ON_LEAVE;
        }
    }

    /** A deputy's attendance in a period: invited = present + on leave + absent + still to come. */
    public record Tally(long deputyId, int invited, int present, int onLeave, int absent) {
        public int upcoming() {
            return invited - present - onLeave - absent;
        }
        /** Present of those that are over, in whole per cent; null when none is over. */
        public Integer rate() {
            int over = present + onLeave + absent;
            return over == 0 ? null : Math.round(100f * present / over);
        }
    }

    private static final String COUNTS = """
            select b.id, b.kind, b.title, b.starts_at, b.ends_at, b.place, b.organiser,
                   count(i.deputy_id) as invited,
                   count(*) filter (where i.status = 'PRESENT') as present,
                   count(*) filter (where i.status = 'ON_LEAVE') as on_leave,
                   count(*) filter (where b.ends_at <= :now and i.status in ('INVITED', 'LEAVE_REQUESTED')) as absent,
                   count(*) filter (where i.status = 'LEAVE_REQUESTED') as leave_requests
              from briefing b left join briefing_invitation i on i.briefing_id = b.id
            """;

    /** Briefings starting in [from, to), newest first, one page. */
    public List<Row> between(Instant from, Instant to, Instant now, int page, int size) {
        return jdbc.sql(COUNTS + """
                         where b.starts_at >= :from and b.starts_at < :to
                         group by b.id order by b.starts_at desc, b.id desc limit :size offset :offset""")
                .param("now", SqlTimes.timestamp(now)).param("from", SqlTimes.timestamp(from))
                .param("to", SqlTimes.timestamp(to)).param("size", size).param("offset", page * size)
                .query((rs, n) -> new Row(rs.getLong("id"), BriefingKind.valueOf(rs.getString("kind")), rs.getString("title"),
                        SqlTimes.instant(rs, "starts_at"), SqlTimes.instant(rs, "ends_at"), rs.getString("place"),
                        rs.getString("organiser"), rs.getInt("invited"), rs.getInt("present"), rs.getInt("on_leave"),
                        rs.getInt("absent"), rs.getInt("leave_requests")))
                .list();
    }

    public long countBetween(Instant from, Instant to) {
        return jdbc.sql("select count(*) from briefing where starts_at >= :from and starts_at < :to")
                .param("from", SqlTimes.timestamp(from)).param("to", SqlTimes.timestamp(to)).query(Long.class).single();
    }

    /** Leave requests waiting for the office, across all briefings. */
    public long pendingLeave() {
        return jdbc.sql("select count(*) from briefing_invitation where status = 'LEAVE_REQUESTED'").query(Long.class).single();
    }

    /** A deputy's briefings starting in [from, to), soonest first. */
    public List<MyRow> forDeputy(long deputyId, Instant from, Instant to) {
        return jdbc.sql("""
                        select b.id, b.kind, b.title, b.starts_at, b.ends_at, b.place, b.organiser, i.status, i.signed_in_at,
                               i.leave_reason, i.leave_declined
                          from briefing b join briefing_invitation i on i.briefing_id = b.id
                         where i.deputy_id = :d and b.starts_at >= :from and b.starts_at < :to
                         order by b.starts_at, b.id""")
                .param("d", deputyId).param("from", SqlTimes.timestamp(from)).param("to", SqlTimes.timestamp(to))
                .query((rs, n) -> new MyRow(rs.getLong("id"), BriefingKind.valueOf(rs.getString("kind")), rs.getString("title"),
                        SqlTimes.instant(rs, "starts_at"), SqlTimes.instant(rs, "ends_at"), rs.getString("place"),
                        rs.getString("organiser"), InvitationStatus.valueOf(rs.getString("status")),
                        SqlTimes.instant(rs, "signed_in_at"), rs.getString("leave_reason"), rs.getBoolean("leave_declined")))
                .list();
    }

    /** Every invited deputy's tally for a half-year, in deputy id order (names come from the roster). */
    public List<Tally> tallies(HalfYear half, ZoneId zone, Instant now) {
        return tallies(half, zone, now, null);
    }

    /** One deputy's tally for a half-year (zeros when never invited). */
    public Tally tally(long deputyId, HalfYear half, ZoneId zone, Instant now) {
        List<Tally> t = tallies(half, zone, now, deputyId);
        return t.isEmpty() ? new Tally(deputyId, 0, 0, 0, 0) : t.get(0);
    }

    private List<Tally> tallies(HalfYear half, ZoneId zone, Instant now, Long deputyId) {
        return jdbc.sql("""
                        select i.deputy_id, count(*) as invited,
                               count(*) filter (where i.status = 'PRESENT') as present,
                               count(*) filter (where i.status = 'ON_LEAVE') as on_leave,
                               count(*) filter (where b.ends_at <= :now and i.status in ('INVITED', 'LEAVE_REQUESTED')) as absent
                          from briefing b join briefing_invitation i on i.briefing_id = b.id
                         where b.starts_at >= :from and b.starts_at < :to
                           and (cast(:deputy as bigint) is null or i.deputy_id = :deputy)
                         group by i.deputy_id order by i.deputy_id""")
                .param("now", SqlTimes.timestamp(now))
                .param("from", SqlTimes.timestamp(half.firstDay().atStartOfDay(zone).toInstant()))
                .param("to", SqlTimes.timestamp(half.endExclusive().atStartOfDay(zone).toInstant()))
                .param("deputy", deputyId)
                .query((rs, n) -> new Tally(rs.getLong("deputy_id"), rs.getInt("invited"), rs.getInt("present"),
                        rs.getInt("on_leave"), rs.getInt("absent")))
                .list();
    }
}
