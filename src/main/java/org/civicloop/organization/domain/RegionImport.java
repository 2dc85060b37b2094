package org.civicloop.organization.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.spreadsheet.Row;
import org.civicloop.shared.spreadsheet.Table;
import org.civicloop.shared.spreadsheet.TableException;
import org.civicloop.shared.spreadsheet.TableReader;
import org.civicloop.organization.OrganizationEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports administrative divisions from a table ({@code code,name,level,parent_code}: CSV in UTF-8 or
 * GB18030, or .xlsx, read by {@link TableReader}; the format of {@code guiyang-regions.csv}). All or nothing: one bad row and no row is written; the
 * report names every bad row by its line number.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegionImport {

    private static final String HEADER = "code,name,level,parent_code";
    private static final int MAX_ERRORS = 100;
    private static final int MAX_ROWS = 100_000;
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    @Transactional
    public Result importCsv(InputStream csv) throws IOException {
        Map<String, Region> rows = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        try (Table table = TableReader.withLimits(MAX_ROWS, MAX_BYTES).open(csv)) {
            if (!table.header().equals(List.of(HEADER.split(",")))) {
                return Result.failed(List.of(new RowError(table.headerLine(), "region.import.error.header", HEADER)));
            }
            for (Row row = table.next(); row != null && errors.size() < MAX_ERRORS; row = table.next()) {
                int number = row.line();
                if (row.hasProblems()) {
                    row.problems().forEach(p -> errors.add(new RowError(number, p.messageKey(), p.arguments())));
                    continue;
                }
                String parent = row.get("parent_code").strip();
                Region r = new Region(row.get("code").strip(), row.get("name").strip(), row.get("level").strip(),
                        parent.isEmpty() ? null : parent);
                if (!r.code().matches("\\d{2,12}")) {
                    errors.add(new RowError(number, "region.import.error.code", r.code()));
                } else if (r.name().isEmpty() || r.name().length() > 100) {
                    errors.add(new RowError(number, "region.import.error.name"));
                } else if (!Region.LEVELS.contains(r.level())) {
                    errors.add(new RowError(number, "region.import.error.level", r.level()));
                } else if (rows.containsKey(r.code())) {
                    errors.add(new RowError(number, "region.import.error.duplicate", r.code()));
                } else if (r.parentCode() != null && !rows.containsKey(r.parentCode()) && !exists(r.parentCode())) {
                    errors.add(new RowError(number, "region.import.error.parent", r.parentCode()));
                } else {
                    rows.put(r.code(), r);
                }
            }
        } catch (TableException e) {
            return Result.failed(List.of(new RowError(e.line(), e.messageKey(), e.arguments())));
        }
        if (!errors.isEmpty()) {
            return Result.failed(errors);
        }
        for (Region r : rows.values()) { // parents precede children in the file, or already exist
            jdbc.sql("""
                            insert into region (code, name, level, parent_code) values (:code, :name, :level, :parent)
                            on conflict (code) do update set name = excluded.name, level = excluded.level,
                                                             parent_code = excluded.parent_code""")
                    .param("code", r.code()).param("name", r.name()).param("level", r.level()).param("parent", r.parentCode())
                    .update();
        }
        events.publishEvent(new OrganizationEvents.RegionsImported(rows.size()));
        return new Result(rows.size(), List.of());
    }

    private boolean exists(String code) {
        return jdbc.sql("select exists (select 1 from region where code = :code)").param("code", code)
                .query(Boolean.class).single();
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
