package org.civicloop.deadlines.domain;

import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.DayKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read models of the calendar for its administration page. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CalendarQueries {

    private final JdbcClient jdbc;

    /** The exceptions of one year, in date order. */
    public List<Entry> year(int year) {
        return jdbc.sql("""
                        select day, kind, name, provisional from calendar_exception
                        where day between :first and :last order by day""")
                .param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Entry(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** The years that have exceptions, ascending. */
    public List<Integer> years() {
        return jdbc.sql("select distinct extract(year from day)::int from calendar_exception order by 1")
                .query(Integer.class).list();
    }

    public record Entry(LocalDate day, DayKind kind, String name, boolean provisional) {
    }
}
