package org.civicloop.opinions.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
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
public class OpinionLedger {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    OpinionLedger(JdbcClient jdbc, @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

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
               and (:town = '' or o.place_code = :town or p.parent_code = :town)
               and (cast(:unitId as bigint) is null or exists (select 1 from work_order w where w.opinion_id = o.id and w.unit_id = :unitId))
            """;

    public List<Count> countBy(String dimension, Filter f) {
        String key = switch (dimension) {
            case "channel" -> "o.channel";
            case "category" -> "o.category";
            case "month" -> "to_char(o.submitted_at at time zone :zone, 'YYYY-MM')";
            case "unit" -> "coalesce((select u.name from work_order w join org_unit u on u.id = w.unit_id "
                    + "where w.opinion_id = o.id order by w.round desc, w.id desc limit 1), '')";
            default -> throw new IllegalArgumentException(dimension);
        };
        return bind(jdbc.sql("""
                        select %s as key, count(*) as total,
                               count(*) filter (where o.status = 'CLOSED') as closed,
                               count(*) filter (where o.rating in ('SATISFIED', 'BASICALLY_SATISFIED')) as satisfied,
                               count(*) filter (where o.rating in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')) as rated
                        from opinion o join region p on p.code = o.place_code
                        %s
                        group by 1 order by %s""".formatted(key, WHERE, dimension.equals("month") ? "1" : "2 desc, 1"))
                , f).param("zone", zone.getId()).query(Count.class).list();
    }

    public long total(Filter f) {
        return bind(jdbc.sql("select count(*) from opinion o join region p on p.code = o.place_code " + WHERE), f)
                .query(Long.class).single();
    }

    /** Streams the matching rows oldest first; the consumer writes each one out and keeps nothing. */
    @Transactional(readOnly = true)
    public void stream(Filter f, Consumer<Row> sink) {
        try (var rows = bind(jdbc.sql("""
                        select o.receipt_code, o.submitted_at, o.channel, o.category,
                               case when p.level in ('town', 'street') then p.name else t.name end as town,
                               case when p.level in ('town', 'street') then null else p.name end as place,
                               o.content, o.status,
                               (select u.name from work_order w join org_unit u on u.id = w.unit_id
                                 where w.opinion_id = o.id order by w.round desc, w.id desc limit 1) as unit,
                               o.replied_at, o.reply, o.rating, o.reopen_count
                        from opinion o join region p on p.code = o.place_code
                        left join region t on t.code = p.parent_code and t.level in ('town', 'street')
                        """ + WHERE + " order by o.submitted_at, o.id"), f)
                .withFetchSize(1000)
                .query(Row.class).stream()) {
            rows.forEach(sink);
        }
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("from", f.from() == null ? null : Timestamp.from(f.from().atStartOfDay(zone).toInstant()))
                .param("to", f.to() == null ? null : Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .param("status", f.status() == null ? "" : f.status())
                .param("category", f.category() == null ? "" : f.category())
                .param("channel", f.channel() == null ? "" : f.channel())
                .param("town", f.town() == null ? "" : f.town())
                .param("unitId", f.unitId());
    }
}
