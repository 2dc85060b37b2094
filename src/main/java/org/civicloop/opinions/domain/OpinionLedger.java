package org.civicloop.opinions.domain;

import org.civicloop.shared.ReportReads;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's ledger (台账): every opinion matching the filters, counted by channel, category,
 * unit and month, and streamed row by row for the Excel export so that no export holds the whole
 * ledger in memory.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@ReportReads
public class OpinionLedger {

    /** More changes than this waiting to be tallied, and the ledger counts the opinions instead. */
    static final int PENDING_LIMIT = 20_000;

    private final JdbcClient jdbc;
    private final DirectoryNames names;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    public record Filter(LocalDate from, LocalDate to, String status, String category, String channel, Long unitId,
                         String town) {
    }

    public record Count(String key, long total, long closed, long satisfied, long rated) {
        /** 满意率 (含基本满意) among those the voter rated. */
        public Double satisfactionRate() {
            return rated == 0 ? null : (double) satisfied / rated;
        }

        /** This count and another added up, under this one's key. */
        public Count plus(Count other) {
            return new Count(key, total + other.total, closed + other.closed, satisfied + other.satisfied,
                    rated + other.rated);
        }
    }

    public record Row(String receiptCode, Instant submittedAt, String channel, String category, String town,
                      String place, String content, String status, String unit, Instant repliedAt, String reply,
                      String rating, int reopenCount) {
    }

    /**
     * The filters. The unit is the opinion's unit as the ledger names it (in the count by unit and the export's
     * unit column): the unit of its newest work order. (It was any unit that ever had a work order of it, so a
     * unit's filtered total could exceed its line in the count by unit, and the export list rows naming another unit.)
     */
    private static final String WHERE = """
             where (cast(:from as timestamptz) is null or o.submitted_at >= :from)
               and (cast(:to as timestamptz) is null or o.submitted_at < :to)
               and (:status = '' or o.status = :status)
               and (:category = '' or o.category = :category)
               and (:channel = '' or o.channel = :channel)
               and (:anyTown or o.place_code in (:town))
               and (cast(:unitId as bigint) is null or %s = :unitId)
            """.formatted(OpinionQueries.NEWEST_UNIT);

    /** The ledger's counts under one filter: the total, and by channel, category, unit and month. */
    public record Counts(long total, List<Count> byChannel, List<Count> byCategory, List<Count> byUnit,
                         List<Count> byMonth) {
    }

    /** Most counted first, then by key; months in order. */
    private static final Comparator<Count> MOST_FIRST = Comparator.comparingLong(Count::total).reversed()
            .thenComparing(Count::key);

    /**
     * The counts under the filter. Filtered by dates alone (the office's and leaders' usual view), they are
     * read from the maintained counts ({@code opinion_tally}) for the whole months in the range, plus the
     * opinions changed since those were brought up to date, plus the days of the range's partial months read
     * from the opinions themselves: exact at every moment, in one statement. Any other filter, or a backlog of
     * changes larger than {@value #PENDING_LIMIT} (just after an import), counts the matching opinions.
     */
    public Counts counts(Filter f) {
        boolean datesOnly = blank(f.status()) && blank(f.category()) && blank(f.channel()) && f.unitId() == null
                && blank(f.town());
        if (!datesOnly || jdbc.sql("select count(*) from (select 1 from opinion_tally_change limit :n) q")
                .param("n", PENDING_LIMIT + 1).query(Long.class).single() > PENDING_LIMIT) {
            return scan(f);
        }
        return tallied(f.from(), f.to());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One count of one dimension (channel, category, unit, month). */
    private record Part(String dimension, Count count) {
    }

    private Counts tallied(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? null : to.plusDays(1); // exclusive
        // whole months: [firstWhole, afterWhole); the days outside them are read from the opinions
        LocalDate firstWhole = from == null ? LocalDate.MIN : from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterWhole = end == null ? LocalDate.MAX : end.withDayOfMonth(1);
        List<LocalDate[]> edges = new ArrayList<>();
        if (firstWhole.isAfter(afterWhole)) { // within one month, neither edge on a month's boundary
            edges.add(new LocalDate[]{from, end});
            afterWhole = firstWhole;
        } else {
            if (from != null && !firstWhole.equals(from)) {
                edges.add(new LocalDate[]{from, firstWhole});
            }
            if (end != null && !afterWhole.equals(end)) {
                edges.add(new LocalDate[]{afterWhole, end});
            }
        }
        while (edges.size() < 2) {
            edges.add(new LocalDate[]{LocalDate.EPOCH, LocalDate.EPOCH}); // an empty range
        }
        List<Part> parts = jdbc.sql("""
                        with pending as (select distinct opinion_id as id from opinion_tally_change),
                        changed as (select 1 as sign, %1$s from opinion o join pending p on o.id = p.id
                                    union all
                                    select -1, t.month, t.channel, t.category, t.unit_id, t.closed, t.satisfied, t.rated
                                      from opinion_tallied t join pending p on t.opinion_id = p.id),
                        edges as (select 1 as sign, %1$s from opinion o
                                   where o.submitted_at >= :e1from and o.submitted_at < :e1to
                                  union all
                                  select 1, %1$s from opinion o
                                   where o.submitted_at >= :e2from and o.submitted_at < :e2to),
                        parts as (select month, dimension, key, total, closed, satisfied, rated from opinion_tally
                                   where month >= :firstWhole and month < :afterWhole
                                  union all
                                  select x.month, d.dimension, d.key, x.sign, x.sign * cast(x.closed as int),
                                         x.sign * cast(x.satisfied as int), x.sign * cast(x.rated as int)
                                    from changed x %2$s
                                   where x.month >= :firstWhole and x.month < :afterWhole
                                  union all
                                  select x.month, d.dimension, d.key, 1, cast(x.closed as int), cast(x.satisfied as int),
                                         cast(x.rated as int)
                                    from edges x %2$s)
                        select dimension, key, sum(total) as total, sum(closed) as closed,
                               sum(satisfied) as satisfied, sum(rated) as rated
                          from parts group by 1, 2 having sum(total) > 0
                        union all
                        select 'month', to_char(month, 'YYYY-MM'), sum(total), sum(closed), sum(satisfied), sum(rated)
                          from parts where dimension = 'channel' group by month having sum(total) > 0""".formatted(
                        OpinionTally.CONTRIBUTION, OpinionTally.DIMENSIONS))
                .param("zone", zone.getId())
                .param("firstWhole", sqlDate(firstWhole)).param("afterWhole", sqlDate(afterWhole))
                .param("e1from", startOf(edges.get(0)[0])).param("e1to", startOf(edges.get(0)[1]))
                .param("e2from", startOf(edges.get(1)[0])).param("e2to", startOf(edges.get(1)[1]))
                .query((rs, n) -> new Part(rs.getString(1), new Count(rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))).list();
        List<Count> byChannel = of(parts, "channel");
        return new Counts(byChannel.stream().mapToLong(Count::total).sum(), byChannel, of(parts, "category"),
                byUnitName(of(parts, "unit")), of(parts, "month").stream().sorted(Comparator.comparing(Count::key)).toList());
    }

    private static List<Count> of(List<Part> parts, String dimension) {
        return parts.stream().filter(p -> p.dimension().equals(dimension)).map(Part::count).sorted(MOST_FIRST).toList();
    }

    private static Date sqlDate(LocalDate d) {
        // the open ends as dates PostgreSQL holds (LocalDate.MIN and MAX are beyond its range)
        return Date.valueOf(d.equals(LocalDate.MIN) ? LocalDate.of(1, 1, 1) : d.equals(LocalDate.MAX) ? LocalDate.of(9999, 1, 1) : d);
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    /** Counting the matching opinions themselves: five scans. */
    Counts scan(Filter f) {
        return new Counts(total(f), countBy("channel", f), countBy("category", f), countBy("unit", f), countBy("month", f));
    }

    private List<Count> countBy(String dimension, Filter f) {
        String key = switch (dimension) {
            case "channel" -> "o.channel";
            case "category" -> "o.category";
            case "month" -> "to_char(o.submitted_at at time zone :zone, 'YYYY-MM')";
            // the unit of the newest work order, by id: named below through the directory
            case "unit" -> "coalesce(cast(" + OpinionQueries.NEWEST_UNIT + " as text), '')";
            default -> throw new IllegalArgumentException(dimension);
        };
        List<Count> counts = bind(jdbc.sql("""
                        select %s as key, count(*) as total,
                               count(*) filter (where o.status = 'CLOSED') as closed,
                               count(*) filter (where %s) as satisfied,
                               count(*) filter (where %s) as rated
                        from opinion o
                        %s
                        group by 1""".formatted(key, OpinionQueries.SATISFIED, OpinionQueries.RATED, WHERE))
                , f).param("zone", zone.getId()).query(Count.class).list();
        return dimension.equals("unit") ? byUnitName(counts)
                : counts.stream().sorted(dimension.equals("month") ? Comparator.comparing(Count::key) : MOST_FIRST).toList();
    }

    /** Counts keyed by unit id, keyed by the unit's name instead ('' for none), most first, then by name. */
    private List<Count> byUnitName(List<Count> byId) {
        DirectoryNames.Units units = names.handlingUnits();
        Map<String, Count> byName = new LinkedHashMap<>();
        for (Count c : byId) {
            String name = c.key().isEmpty() ? "" : Objects.requireNonNullElse(units.name(Long.valueOf(c.key())), "");
            byName.merge(name, new Count(name, c.total(), c.closed(), c.satisfied(), c.rated()), Count::plus);
        }
        List<Count> counts = new ArrayList<>(byName.values());
        counts.sort(MOST_FIRST);
        return counts;
    }

    private long total(Filter f) {
        return bind(jdbc.sql("select count(*) from opinion o " + WHERE), f).query(Long.class).single();
    }

    /** Streams the matching rows oldest first; the consumer writes each one out and keeps nothing. */
    @Transactional(readOnly = true)
    public void stream(Filter f, Consumer<Row> sink) {
        DirectoryNames.Places places = names.places();
        // every handling unit in one look-up; a unit no longer handling items is asked for once, when first met
        DirectoryNames.Units units = names.handlingUnits();
        try (var rows = bind(jdbc.sql("""
                        select o.receipt_code, o.submitted_at, o.channel, o.category, o.place_code, o.content, o.status,
                               """ + OpinionQueries.NEWEST_UNIT + """
                                as unit_id,
                               o.replied_at, o.reply, o.rating, o.reopen_count
                        from opinion o
                        """ + WHERE + " order by o.submitted_at, o.id"), f, places)
                .withFetchSize(1000)
                .query((rs, n) -> {
                    String place = rs.getString("place_code");
                    return new Row(rs.getString("receipt_code"), instant(rs.getTimestamp("submitted_at")),
                            rs.getString("channel"), rs.getString("category"), places.ledgerTown(place),
                            places.ledgerVillage(place), rs.getString("content"), rs.getString("status"),
                            units.name(rs.getObject("unit_id", Long.class)), instant(rs.getTimestamp("replied_at")),
                            rs.getString("reply"), rs.getString("rating"), rs.getInt("reopen_count"));
                }).stream()) {
            rows.forEach(sink);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return bind(spec, f, f.town() == null || f.town().isBlank() ? null : names.places());
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f, DirectoryNames.Places places) {
        boolean anyTown = f.town() == null || f.town().isBlank();
        return spec.param("anyTown", anyTown).param("town", anyTown ? List.of("-") : places.codesIn(f.town().strip()))
                .param("from", f.from() == null ? null : Timestamp.from(f.from().atStartOfDay(zone).toInstant()))
                .param("to", f.to() == null ? null : Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .param("status", f.status() == null ? "" : f.status())
                .param("category", f.category() == null ? "" : f.category())
                .param("channel", f.channel() == null ? "" : f.channel())
                .param("unitId", f.unitId());
    }
}
