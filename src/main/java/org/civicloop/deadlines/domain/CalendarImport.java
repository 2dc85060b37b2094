package org.civicloop.deadlines.domain;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.DayKind;
import org.civicloop.deadlines.DeadlineEvents.CalendarImported;
import org.civicloop.shared.spreadsheet.Table;
import org.civicloop.shared.spreadsheet.TableException;
import org.civicloop.shared.spreadsheet.TableReader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports calendar exceptions from a table ({@code date,kind,name}; kind {@code HOLIDAY} or
 * {@code WORKDAY}, for example {@code 2027-02-05,HOLIDAY,春节}), read by the shared
 * {@link TableReader}: CSV in UTF-8 (or GB18030 as Chinese Excel saves it) or an .xlsx sheet. All or
 * nothing: one bad row and no row is written; the report names every bad row by its line number.
 *
 * <p>An imported row replaces the row of its date and is official. Importing any row of a year
 * removes that year's provisional rows first: the State Council's notice replaces our reading of
 * its principles as a whole, so a guessed day the notice does not name does not linger.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CalendarImport {

    private static final String HEADER = "date,kind,name";
    private static final List<String> COLUMNS = List.of("date", "kind", "name");
    /** A year's exceptions are a few dozen rows; a whole decade stays far below these limits. */
    private static final TableReader READER = TableReader.withLimits(5_000, 1024 * 1024);
    private static final int MAX_ERRORS = 100;
    private static final int MAX_NAME = 50;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    @Transactional
    public Result importCsv(InputStream csv) {
        Map<LocalDate, Row> rows = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        try (Table table = READER.open(csv)) {
            if (!table.header().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().equals(COLUMNS)) {
                return Result.failed(List.of(new RowError(table.headerLine(), "calendar.import.error.header", HEADER)));
            }
            for (var row = table.next(); row != null && errors.size() < MAX_ERRORS; row = table.next()) {
                int number = row.line();
                if (row.hasProblems()) {
                    row.problems().forEach(p -> errors.add(new RowError(number, p.messageKey(), p.arguments())));
                    continue;
                }
                List<String> f = row.values();
                LocalDate day;
                try {
                    day = LocalDate.parse(f.get(0));
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(number, "calendar.import.error.date", f.get(0)));
                    continue;
                }
                DayKind kind;
                try {
                    kind = DayKind.valueOf(f.get(1).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(number, "calendar.import.error.kind", f.get(1)));
                    continue;
                }
                String name = f.get(2);
                if (name.isEmpty() || name.length() > MAX_NAME) {
                    errors.add(new RowError(number, "calendar.import.error.name", MAX_NAME));
                } else if (kind == DayKind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY
                        && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    errors.add(new RowError(number, "calendar.import.error.workdayOnWeekday", day.toString()));
                } else if (rows.containsKey(day)) {
                    errors.add(new RowError(number, "calendar.import.error.duplicate", day.toString()));
                } else {
                    rows.put(day, new Row(day, kind, name));
                }
            }
        } catch (TableException e) {
            // the file as a whole: not a table, wrong encoding, unclosed quote, too large (import.error.*)
            return Result.failed(List.of(new RowError(e.line(), e.messageKey(), e.arguments())));
        }
        if (!errors.isEmpty()) {
            return Result.failed(errors);
        }
        if (rows.isEmpty()) {
            return Result.failed(List.of(new RowError(0, "calendar.import.error.noRows")));
        }
        TreeSet<Integer> years = new TreeSet<>();
        rows.keySet().forEach(day -> years.add(day.getYear()));
        for (int year : years) {
            jdbc.sql("delete from calendar_exception where provisional and day between :first and :last")
                    .param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31)).update();
        }
        for (Row r : rows.values()) {
            jdbc.sql("""
                            insert into calendar_exception (day, kind, name, provisional, updated_at)
                            values (:day, :kind, :name, false, now())
                            on conflict (day) do update set kind = excluded.kind, name = excluded.name,
                                                            provisional = false, updated_at = now()""")
                    .param("day", r.day()).param("kind", r.kind().name()).param("name", r.name())
                    .update();
        }
        events.publishEvent(new CalendarImported(List.copyOf(years), rows.size()));
        return new Result(rows.size(), List.of());
    }

    record Row(LocalDate day, DayKind kind, String name) {
    }

    /** Serializable: it travels in the flash scope, which lives in the JDBC session. */
    public record RowError(int line, String messageKey, Object... arguments) implements java.io.Serializable {
    }

    public record Result(int imported, List<RowError> errors) {
        static Result failed(List<RowError> errors) {
            return new Result(0, errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
