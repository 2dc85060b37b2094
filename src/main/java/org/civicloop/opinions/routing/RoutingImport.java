package org.civicloop.opinions.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;
import org.civicloop.opinions.domain.DistrictPlaces;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.organization.Directory;
import org.civicloop.shared.TextRules;
import org.civicloop.shared.spreadsheet.Row;
import org.civicloop.shared.spreadsheet.Table;
import org.civicloop.shared.spreadsheet.TableException;
import org.civicloop.shared.spreadsheet.TableReader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * History import: the office loads a past 12345 or opinion ledger (CSV or .xlsx; columns text, place,
 * date, category, unit, outcome, by their Chinese or English names) into the routing history, never
 * into the opinion queue, so that suggestions work from the first day. All or nothing: every row is
 * checked first and one bad row means no row is written, the report naming each bad row by line (the
 * first {@value #MAX_PROBLEMS}); then the rows are written in one transaction with PostgreSQL's COPY.
 * The file is read twice, once to check and once to write, so that no row is held in memory: a ledger of
 * {@value #MAX_ROWS} long texts would want hundreds of megabytes of heap. Runs in the background with its
 * progress readable as a share (reading is the first half, writing the second). Texts are stored whole,
 * whatever their length.
 */
@Slf4j
@Service
public class RoutingImport implements DisposableBean {

    public static final int MAX_ROWS = 200_000;
    /** An Excel ledger's texts are read into memory whole (see {@link TableReader#excelLimit}). */
    public static final long MAX_EXCEL_BYTES = 64L * 1024 * 1024;
    static final int MAX_PROBLEMS = 200;
    static final int PLACE_MAX = 200;
    static final int OUTCOME_MAX = 200;

    private static final List<String> REQUIRED = List.of("text", "date", "unit");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d[ H:m[:s]]", Locale.ROOT);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final OpinionQueries queries;
    private final DistrictPlaces districtPlaces;
    private final Directory directory;
    private final OpinionsProperties properties;
    private final RoutingHistory history;
    private final ApplicationEventPublisher events;
    private final Map<String, List<String>> columns;
    /** The largest ledger, as a CSV file: the servlet's upload limit, which {@code civicloop.uploads.ledger-paths} gives this page. */
    private final long maxBytes;
    private final TableReader reader;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "routing-import");
        t.setDaemon(true);
        return t;
    });

    /** The largest ledger accepted, in bytes (a CSV file; an Excel file {@link #MAX_EXCEL_BYTES}). */
    public long maxBytes() {
        return maxBytes;
    }

    /** The columns, each by any of its names (the first is the one the page shows). */
    public Map<String, List<String>> columns() {
        return columns;
    }

    RoutingImport(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, OpinionQueries queries,
                  DistrictPlaces districtPlaces, Directory directory, OpinionsProperties properties, RoutingHistory history,
                  ApplicationEventPublisher events, RoutingColumns columns,
                  @Value("${spring.servlet.multipart.max-request-size:256MB}") DataSize maxBytes) {
        this.columns = columns.all();
        this.maxBytes = maxBytes.toBytes();
        this.reader = TableReader.withLimits(MAX_ROWS, this.maxBytes).excelLimit(MAX_EXCEL_BYTES);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
        this.queries = queries;
        this.districtPlaces = districtPlaces;
        this.directory = directory;
        this.properties = properties;
        this.history = history;
        this.events = events;
    }

    public record LineProblem(int line, String messageKey, Object... arguments) implements java.io.Serializable {
    }

    /** The outcome: rows written (0 when any problem), the problems, and how long it took. */
    public record Result(int imported, List<LineProblem> problems, long millis) implements java.io.Serializable {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** One import under way or finished, seen by the account that started it. */
    public static final class Job {
        private final String id;
        private final long accountId;
        /** How far the first reading is, 0 to 1: the table's own estimate while it is open. */
        private volatile DoubleSupplier read = () -> 0;
        private final AtomicLong rowsWritten = new AtomicLong();
        private volatile int rows;
        private volatile Result result;

        Job(String id, long accountId) {
            this.id = id;
            this.accountId = accountId;
        }

        public String id() { return id; }
        public long accountId() { return accountId; }
        public Result result() { return result; }
        public boolean finished() { return result != null; }

        /** 0..100: reading the file is the first half, writing the rows the second. */
        public int percent() {
            if (result != null) {
                return 100;
            }
            double written = rows == 0 ? 0 : Math.min(1.0, rowsWritten.get() / (double) rows);
            return (int) Math.floor(50 * Math.min(1.0, read.getAsDouble()) + 50 * written);
        }
    }

    record Parsed(String text, String placeCode, String placeText, LocalDateTime at, String category, long unitId, String outcome) {
    }

    /**
     * Starts importing the file (which it deletes when done) in the background, in the name of the
     * signed-in user; answers the job to follow.
     */
    public Job start(Path file, long accountId) throws IOException {
        Job job = new Job(java.util.UUID.randomUUID().toString(), accountId);
        jobs.put(job.id(), job);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        worker.execute(() -> {
            SecurityContextHolder.getContext().setAuthentication(auth);
            try {
                job.result = run(file, job);
            } catch (Exception e) {
                log.warn("History import failed", e);
            } finally {
                if (job.result == null) { // failed, or an Error (out of memory) on its way out of the thread
                    job.result = new Result(0, List.of(new LineProblem(0, "routing.import.error.failed")), 0);
                }
                SecurityContextHolder.clearContext();
                deleteQuietly(file);
            }
        });
        return job;
    }

    public java.util.Optional<Job> job(String id, long accountId) {
        return java.util.Optional.ofNullable(jobs.get(id)).filter(j -> j.accountId() == accountId);
    }

    /** Imports in the caller's thread: checks every row, then writes all of them or none. */
    public Result importTable(InputStream in) {
        Path file = null;
        try {
            file = Files.createTempFile("routing-import-", ".table");
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return run(file, new Job("direct", 0));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (file != null) {
                deleteQuietly(file);
            }
        }
    }

    private Result run(Path file, Job job) throws IOException {
        long started = System.nanoTime();
        List<LineProblem> problems = new ArrayList<>();
        Lookups lookups = lookups();
        Checked checked = check(file, lookups, problems, job);
        int rows = checked.rows();
        job.read = () -> 1;
        if (!problems.isEmpty()) {
            return new Result(0, problems, (System.nanoTime() - started) / 1_000_000);
        }
        job.rows = rows;
        TableReader again = checked.charset() == null ? reader : reader.charset(checked.charset());
        List<Long> ids = tx.execute(status -> write(file, again, lookups, rows, job.rowsWritten::set));
        history.refreshAfterCommit(ids);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("History import: {} rows in {} ms", rows, millis);
        return new Result(rows, List.of(), millis);
    }

    /** What the first reading found: how many rows are good, and the charset a CSV file was read in. */
    private record Checked(int rows, java.nio.charset.Charset charset) {
    }

    /** The first reading: every row checked, none kept. */
    private Checked check(Path file, Lookups lookups, List<LineProblem> problems, Job job) throws IOException {
        int good = 0;
        java.nio.charset.Charset charset = null;
        try (Table table = reader.open(file)) {
            job.read = table::readShare;
            charset = table.charset();
            Map<String, String> header = columns(table.header());
            List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).map(c -> columns.get(c).get(0)).toList();
            if (!missing.isEmpty()) {
                problems.add(new LineProblem(table.headerLine(), "routing.import.error.columns", String.join("、", missing)));
            }
            for (Row row = missing.isEmpty() ? table.next() : null; row != null && problems.size() < MAX_PROBLEMS; row = table.next()) {
                if (parse(row, header, lookups, problems) != null) {
                    good++;
                }
            }
            if (problems.isEmpty() && good == 0) {
                problems.add(new LineProblem(0, "routing.import.error.empty"));
            }
        } catch (TableException e) {
            problems.add(new LineProblem(e.line(), e.messageKey(), e.arguments()));
        }
        return new Checked(good, charset);
    }

    private Map<String, String> columns(List<String> header) {
        Map<String, String> found = new HashMap<>();
        for (String h : header) {
            String name = h == null ? "" : h.strip();
            columns.forEach((key, names) -> {
                if (names.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                    found.putIfAbsent(key, h);
                }
            });
        }
        return found;
    }

    private record Lookups(Map<String, String> categories, Map<String, String> places, Map<String, Long> units) {
    }

    private Lookups lookups() {
        Map<String, String> categories = new HashMap<>();
        for (OpinionQueries.Entry c : queries.categories()) {
            categories.put(c.code(), c.code());
            categories.put(c.nameZh(), c.code());
            categories.put(c.nameEn().toLowerCase(Locale.ROOT), c.code());
        }
        Map<String, String> places = new HashMap<>();
        for (DistrictPlaces.Town t : districtPlaces.towns()) {
            places.put(t.town().code(), t.town().code());
            places.put(t.town().name(), t.town().code());
            for (Directory.Place v : t.villages()) {
                places.put(v.code(), v.code());
                places.putIfAbsent(v.name(), v.code());
                places.put(t.town().name() + v.name(), v.code());
            }
        }
        Map<String, Long> units = new HashMap<>();
        for (Directory.UnitRef u : directory.handlingUnits()) {
            units.put(u.name(), u.id());
            units.put(Long.toString(u.id()), u.id());
        }
        return new Lookups(categories, places, units);
    }

    private Parsed parse(Row row, Map<String, String> header, Lookups lookups, List<LineProblem> problems) {
        int before = problems.size();
        for (Row.Problem p : row.problems()) {
            problems.add(new LineProblem(row.line(), p.messageKey(), p.arguments()));
        }
        String text = cell(row, header, "text");
        String placeText = cell(row, header, "place").strip();
        String date = cell(row, header, "date").strip();
        String categoryText = cell(row, header, "category").strip();
        String unitText = cell(row, header, "unit").strip();
        String outcome = cell(row, header, "outcome").strip();
        if (TextRules.isBlank(text)) {
            problems.add(new LineProblem(row.line(), "routing.import.error.text"));
        } else if (TextRules.hasControlCharacters(text, true)) {
            problems.add(new LineProblem(row.line(), "routing.import.error.control", columns.get("text").get(0)));
        }
        if (TextRules.hasControlCharacters(placeText + categoryText + unitText + outcome + date, false)) {
            problems.add(new LineProblem(row.line(), "routing.import.error.control", columns.get("place").get(0)));
        }
        if (TextRules.length(placeText) > PLACE_MAX) {
            problems.add(new LineProblem(row.line(), "routing.import.error.tooLong", columns.get("place").get(0), PLACE_MAX));
        }
        if (TextRules.length(outcome) > OUTCOME_MAX) {
            problems.add(new LineProblem(row.line(), "routing.import.error.tooLong", columns.get("outcome").get(0), OUTCOME_MAX));
        }
        LocalDateTime at = date(date);
        if (at == null) {
            problems.add(new LineProblem(row.line(), "routing.import.error.date", date));
        }
        String category = categoryText.isEmpty() ? null
                : lookups.categories().get(lookups.categories().containsKey(categoryText) ? categoryText : categoryText.toLowerCase(Locale.ROOT));
        if (!categoryText.isEmpty() && category == null) {
            problems.add(new LineProblem(row.line(), "routing.import.error.category", categoryText));
        }
        Long unit = lookups.units().get(unitText);
        if (unit == null) {
            problems.add(new LineProblem(row.line(), "routing.import.error.unit", unitText));
        }
        if (problems.size() > before) {
            return null;
        }
        String placeCode = placeText.isEmpty() ? null : lookups.places().get(placeText.replace(" ", ""));
        return new Parsed(text.strip(), placeCode, placeText.isEmpty() ? null : placeText, at, category, unit,
                outcome.isEmpty() ? null : outcome);
    }

    private static String cell(Row row, Map<String, String> header, String column) {
        String name = header.get(column);
        String value = name == null ? null : row.get(name);
        return value == null ? "" : value;
    }

    /** {@code 2024-03-05}, {@code 2024/3/5}, {@code 2024.03.05}, with an optional time; not in the future. */
    static LocalDateTime date(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String normal = s.replace('/', '-').replace('.', '-').replace('T', ' ');
        LocalDateTime at;
        try {
            var parsed = DATE.parseBest(normal, LocalDateTime::from, LocalDate::from);
            at = parsed instanceof LocalDateTime t ? t : ((LocalDate) parsed).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
        return at.getYear() < 1990 || at.isAfter(LocalDateTime.now().plusDays(1)) ? null : at;
    }

    /**
     * The second reading, in the transaction: every row, checked again, streamed into COPY; {@code reader}
     * knows the charset the first reading found, so the file is not decoded once more to find it.
     */
    private List<Long> write(Path file, TableReader reader, Lookups lookups, int rows, LongConsumer progress) {
        Long importId = jdbc.sql("insert into routing_import (rows, imported_by) values (:r, :by) returning id")
                .param("r", rows).param("by", accountId()).query(Long.class).single();
        long firstId = jdbc.sql("select coalesce(max(id), 0) from routing_history").query(Long.class).single();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        String district = properties.districtCode();
        try (Table table = reader.open(file)) {
            Map<String, String> header = columns(table.header());
            List<LineProblem> problems = new ArrayList<>();
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy routing_history (source, source_id, district, text, place_code, place_text, category, unit_id,
                                          routed_at, outcome) from stdin""");
            StringBuilder chunk = new StringBuilder(1 << 20);
            long written = 0;
            for (Row row = table.next(); row != null; row = table.next()) {
                Parsed p = parse(row, header, lookups, problems);
                if (p == null) { // the first reading found every row good: the file changed in between
                    throw new IllegalStateException("line " + row.line() + " of the history import no longer reads as checked");
                }
                chunk.append("IMPORT\t").append(importId).append('\t').append(district).append('\t');
                escape(chunk, p.text()).append('\t');
                escape(chunk, p.placeCode()).append('\t');
                escape(chunk, p.placeText()).append('\t');
                escape(chunk, p.category()).append('\t').append(p.unitId()).append('\t')
                        .append(p.at().atZone(zone).toOffsetDateTime()).append('\t');
                escape(chunk, p.outcome()).append('\n');
                written++;
                if (chunk.length() > (1 << 20)) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                    progress.accept(written);
                }
            }
            if (written != rows) {
                throw new IllegalStateException("the history import read " + written + " rows the second time, " + rows + " the first");
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            progress.accept(written);
        } catch (java.sql.SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("COPY into routing_history", e);
        } catch (TableException e) {
            throw new IllegalStateException("the history import could not read its file again", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        events.publishEvent(new RoutingEvents.HistoryImported(importId, rows));
        return jdbc.sql("select id from routing_history where id > :first and source = 'IMPORT' and source_id = :imp order by id")
                .param("first", firstId).param("imp", importId).query(Long.class).list();
    }

    private static StringBuilder escape(StringBuilder out, String s) {
        if (s == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static Long accountId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof org.civicloop.organization.CivicUser u ? u.accountId() : null;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
