package org.civicloop.deadlines.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.civicloop.deadlines.DayKind;
import org.civicloop.deadlines.DeadlineEvents.CalendarImported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports calendar exceptions from CSV ({@code date,kind,name}, UTF-8; kind {@code HOLIDAY} or
 * {@code WORKDAY}, for example {@code 2027-02-05,HOLIDAY,春节}). All or nothing: one bad row and no
 * row is written; the report names every bad row by its line number.
 *
 * <p>An imported row replaces the row of its date and is official. Importing any row of a year
 * removes that year's provisional rows first: the State Council's notice replaces our reading of
 * its principles as a whole, so a guessed day the notice does not name does not linger.
 */
@Service
public class CalendarImport {

    private static final String HEADER = "date,kind,name";
    private static final int MAX_ERRORS = 100;
    private static final int MAX_NAME = 50;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CalendarImport(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public Result importCsv(InputStream csv) throws IOException {
        Map<LocalDate, Row> rows = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, decoder))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").strip().equalsIgnoreCase(HEADER)) {
                return Result.failed(List.of(new RowError(1, "calendar.import.error.header", HEADER)));
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null && errors.size() < MAX_ERRORS) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 3) {
                    errors.add(new RowError(number, "calendar.import.error.columns", 3));
                    continue;
                }
                LocalDate day;
                try {
                    day = LocalDate.parse(f[0].strip());
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(number, "calendar.import.error.date", f[0].strip()));
                    continue;
                }
                DayKind kind;
                try {
                    kind = DayKind.valueOf(f[1].strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(number, "calendar.import.error.kind", f[1].strip()));
                    continue;
                }
                String name = f[2].strip();
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
        } catch (CharacterCodingException e) {
            return Result.failed(List.of(new RowError(0, "calendar.import.error.encoding")));
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
