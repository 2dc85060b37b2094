package org.civicloop.opinions.domain;

import org.civicloop.shared.ReportReads;
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
    }

    public record Row(String receiptCode, Instant submittedAt, String channel, String category, String town,
                      String place, String content, String status, String unit, Instant repliedAt, String reply,
                      String rating, int reopenCount) {
    }

    private static final String WHERE = """
             where (cast(:from as timestamptz) is null or o.submitted_at >= :from)
               and (cast(:to as timestamptz) is null or o.submitted_at < :to)
               and (:status = '' or o.status = :status)
               and (:category = '' or o.category = :category)
               and (:channel = '' or o.channel = :channel)
               and (:anyTown or o.place_code in (:town))
               and (cast(:unitId as bigint) is null or exists (select 1 from work_order w where w.opinion_id = o.id and w.unit_id = :unitId))
            """;

    public List<Count> countBy(String dimension, Filter f) {
        String key = switch (dimension) {
            case "channel" -> "o.channel";
            case "category" -> "o.category";
            case "month" -> "to_char(o.submitted_at at time zone :zone, 'YYYY-MM')";
            // the unit of the newest work order, by id: named below through the directory
            case "unit" -> "coalesce(cast((select w.unit_id from work_order w where w.opinion_id = o.id "
                    + "order by w.round desc, w.id desc limit 1) as text), '')";
            default -> throw new IllegalArgumentException(dimension);
        };
        List<Count> counts = bind(jdbc.sql("""
                        select %s as key, count(*) as total,
                               count(*) filter (where o.status = 'CLOSED') as closed,
                               count(*) filter (where o.rating in ('SATISFIED', 'BASICALLY_SATISFIED')) as satisfied,
                               count(*) filter (where o.rating in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')) as rated
                        from opinion o
                        %s
                        group by 1 order by %s""".formatted(key, WHERE, dimension.equals("month") ? "1" : "2 desc, 1"))
                , f).param("zone", zone.getId()).query(Count.class).list();
        return dimension.equals("unit") ? byUnitName(counts) : counts;
    }

    /** Counts keyed by unit id, keyed by the unit's name instead ('' for none), most first, then by name. */
    private List<Count> byUnitName(List<Count> byId) {
        DirectoryNames.Units units = names.handlingUnits();
        Map<String, Count> byName = new LinkedHashMap<>();
        for (Count c : byId) {
            String name = c.key().isEmpty() ? "" : Objects.requireNonNullElse(units.name(Long.valueOf(c.key())), "");
            byName.merge(name, new Count(name, c.total(), c.closed(), c.satisfied(), c.rated()),
                    (a, b) -> new Count(name, a.total() + b.total(), a.closed() + b.closed(),
                            a.satisfied() + b.satisfied(), a.rated() + b.rated()));
        }
        List<Count> counts = new ArrayList<>(byName.values());
        counts.sort(Comparator.comparingLong(Count::total).reversed().thenComparing(Count::key));
        return counts;
    }

    public long total(Filter f) {
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
                               (select w.unit_id from work_order w
                                 where w.opinion_id = o.id order by w.round desc, w.id desc limit 1) as unit_id,
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
