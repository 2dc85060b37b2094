package org.civicloop.opinions.routing;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This month's share of suggestions the office took unchanged, per unit chosen and per category. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RoutingShare {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    /** One line: what it is about, how many were decided, how many as suggested (and how many with no person). */
    record Line(String key, String name, long decided, long unchanged, long automatic) {
        public double share() {
            return decided == 0 ? 0 : (double) unchanged / decided;
        }
    }

    List<Line> byUnit(YearMonth month) {
        return jdbc.sql("""
                        select cast(s.chosen_unit_id as varchar) as key, coalesce(u.name, '') as name, count(*) as decided,
                               count(*) filter (where s.taken_unchanged) as unchanged, count(*) filter (where s.automatic) as automatic
                        from routing_suggestion s left join org_unit u on u.id = s.chosen_unit_id
                        where s.decided_at >= :from and s.decided_at < :to
                        group by s.chosen_unit_id, u.name order by decided desc, name""")
                .param("from", start(month)).param("to", start(month.plusMonths(1))).query(Line.class).list();
    }

    List<Line> byCategory(YearMonth month) {
        return jdbc.sql("""
                        select s.chosen_category as key, coalesce(c.name_zh, s.chosen_category) as name, count(*) as decided,
                               count(*) filter (where s.taken_unchanged) as unchanged, count(*) filter (where s.automatic) as automatic
                        from routing_suggestion s left join opinion_category c on c.code = s.chosen_category
                        where s.decided_at >= :from and s.decided_at < :to
                        group by s.chosen_category, c.name_zh order by decided desc, key""")
                .param("from", start(month)).param("to", start(month.plusMonths(1))).query(Line.class).list();
    }

    Line total(YearMonth month) {
        return jdbc.sql("""
                        select '' as key, '' as name, count(*) as decided, count(*) filter (where s.taken_unchanged) as unchanged,
                               count(*) filter (where s.automatic) as automatic
                        from routing_suggestion s where s.decided_at >= :from and s.decided_at < :to""")
                .param("from", start(month)).param("to", start(month.plusMonths(1))).query(Line.class).single();
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(ZONE).toInstant());
    }
}
