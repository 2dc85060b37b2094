package org.civicloop.organization.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports administrative divisions from CSV ({@code code,name,level,parent_code}, UTF-8, the
 * format of {@code guiyang-regions.csv}). All or nothing: one bad row and no row is written; the
 * report names every bad row by its line number.
 */
@Service
public class RegionImport {

    private static final String HEADER = "code,name,level,parent_code";
    private static final int MAX_ERRORS = 100;

    private final JdbcClient jdbc;

    RegionImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Result importCsv(InputStream csv) throws IOException {
        Map<String, Region> rows = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, decoder))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").strip().equals(HEADER)) {
                return Result.failed(List.of(new RowError(1, "region.import.error.header", HEADER)));
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null && errors.size() < MAX_ERRORS) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    errors.add(new RowError(number, "region.import.error.columns", 4));
                    continue;
                }
                Region r = new Region(f[0].strip(), f[1].strip(), f[2].strip(), f[3].isBlank() ? null : f[3].strip());
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
        } catch (CharacterCodingException e) {
            return Result.failed(List.of(new RowError(0, "region.import.error.encoding")));
        }
        if (!errors.isEmpty()) {
            return Result.failed(errors);
        }
        Set<String> written = new HashSet<>();
        for (Region r : rows.values()) { // parents precede children in the file, or already exist
            jdbc.sql("""
                            insert into region (code, name, level, parent_code) values (:code, :name, :level, :parent)
                            on conflict (code) do update set name = excluded.name, level = excluded.level,
                                                             parent_code = excluded.parent_code""")
                    .param("code", r.code()).param("name", r.name()).param("level", r.level()).param("parent", r.parentCode())
                    .update();
            written.add(r.code());
        }
        return new Result(written.size(), List.of());
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
