package org.civicloop.opinions.routing;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.DirectoryNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This month's share of suggestions the office took unchanged, per unit chosen and per category. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RoutingShare {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final DirectoryNames names;

    /** One line: what it is about, how many were decided, how many as suggested (and how many with no person). */
    record Line(String key, String name, long decided, long unchanged, long automatic) {
        public double share() {
            return decided == 0 ? 0 : (double) unchanged / decided;
        }
    }

    List<Line> byUnit(YearMonth month) {
        List<Line> lines = jdbc.sql("""
                        select cast(s.chosen_unit_id as varchar) as key, '' as name, count(*) as decided,
                               count(*) filter (where s.taken_unchanged) as unchanged, count(*) filter (where s.automatic) as automatic
                        from routing_suggestion s
                        where s.decided_at >= :from and s.decided_at < :to
                        group by s.chosen_unit_id order by decided desc""")
                .param("from", start(month)).param("to", start(month.plusMonths(1))).query(Line.class).list();
        // the units' names through the directory, not its table
        DirectoryNames.Units units = names.units(lines.stream().filter(l -> l.key() != null).map(l -> Long.valueOf(l.key())).toList());
        return lines.stream().map(l -> new Line(l.key(), l.key() == null ? "" : java.util.Objects.requireNonNullElse(units.name(Long.valueOf(l.key())), ""),
                        l.decided(), l.unchanged(), l.automatic()))
                .sorted(java.util.Comparator.comparingLong(Line::decided).reversed().thenComparing(Line::name)).toList();
    }

    /** Per category chosen, named in the reader's language. */
    List<Line> byCategory(YearMonth month, java.util.Locale locale) {
        return jdbc.sql("""
                        select s.chosen_category as key,
                               coalesce(case when :zh then c.name_zh else c.name_en end, s.chosen_category) as name, count(*) as decided,
                               count(*) filter (where s.taken_unchanged) as unchanged, count(*) filter (where s.automatic) as automatic
                        from routing_suggestion s left join opinion_category c on c.code = s.chosen_category
                        where s.decided_at >= :from and s.decided_at < :to
                        group by s.chosen_category, c.name_zh, c.name_en order by decided desc, key""")
                .param("zh", "zh".equals(locale.getLanguage())).param("from", start(month)).param("to", start(month.plusMonths(1))).query(Line.class).list();
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
