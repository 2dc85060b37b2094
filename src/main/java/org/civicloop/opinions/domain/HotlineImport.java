package org.civicloop.opinions.domain;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.spreadsheet.Row;
import org.civicloop.shared.spreadsheet.Table;
import org.civicloop.shared.spreadsheet.TableException;
import org.civicloop.shared.spreadsheet.TableReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a 12345 hotline export (CSV or .xlsx) into the opinion queue, all or nothing: every row is
 * checked first, and one bad row means no row is written; the report names each bad row by line.
 * The column names are configuration ({@link HotlineColumns}; by default 工单编号, 诉求内容, 诉求类别 —
 * a code or the Chinese name —, 发生地点 — a division code or the name of a town, street or village
 * of the district —, and the optional 具体位置, 联系人, 联系电话), because every province's hotline
 * exports its own. The hotline has recorded the caller's contact under its own consent, so it is
 * carried over as given.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HotlineImport {

    public static final int MAX_ROWS = 20_000;
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final OpinionService service;
    private final OpinionQueries queries;
    private final OpinionsProperties rules;
    private final JdbcClient jdbc;
    private final HotlineColumns columns;
    private final DistrictPlaces districtPlaces;

    public record LineProblem(int line, String messageKey, Object... arguments) implements java.io.Serializable {
    }

    public record Result(int imported, List<LineProblem> problems) implements java.io.Serializable {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** What a ledger may write in its place column (a code, a town, a village, town + village), to the region code. */
    Map<String, String> places() {
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
        return places;
    }

    /** The region code a ledger's place cell names, if any. */
    static String place(Map<String, String> places, String cell) {
        return cell == null ? null : places.get(cell.strip().replace(" ", ""));
    }

    @Transactional
    public Result importTable(InputStream in) {
        Map<String, String> categories = new HashMap<>();
        for (OpinionQueries.Entry c : queries.categories()) {
            categories.put(c.code(), c.code());
            categories.put(c.nameZh(), c.code());
        }
        Map<String, String> places = places();
        List<LineProblem> problems = new ArrayList<>();
        List<SubmitOpinion> rows = new ArrayList<>();
        Set<String> tickets = new HashSet<>();
        try (Table table = TableReader.withLimits(MAX_ROWS, MAX_BYTES).open(in)) {
            table.requireColumns(columns.ticket(), columns.content(), columns.category(), columns.place());
            for (Row row = table.next(); row != null && problems.size() < 200; row = table.next()) {
                Map<String, String> cells = row.asMap();
                for (Row.Problem p : row.problems()) {
                    problems.add(new LineProblem(row.line(), p.messageKey(), p.arguments()));
                }
                String ticket = trim(cells.get(columns.ticket()));
                String category = categories.get(trim(cells.get(columns.category())));
                String place = place(places, cells.get(columns.place()));
                if (ticket.isEmpty() || ticket.length() > 64) {
                    problems.add(new LineProblem(row.line(), "hotline.error.ticket"));
                } else if (!tickets.add(ticket) || alreadyImported(ticket)) {
                    problems.add(new LineProblem(row.line(), "hotline.error.duplicate", ticket));
                }
                if (category == null) {
                    problems.add(new LineProblem(row.line(), "hotline.error.category", trim(cells.get(columns.category()))));
                }
                if (place == null) {
                    problems.add(new LineProblem(row.line(), "hotline.error.place", trim(cells.get(columns.place()))));
                }
                String phone = trim(cells.get(columns.phone()));
                String name = trim(cells.get(columns.name()));
                SubmitOpinion opinion = SubmitOpinion.hotline(ticket).category(category).content(cells.get(columns.content()))
                        .place(place, cells.get(columns.placeDetail())).voter(name, phone, null).build();
                for (Problem p : opinion.problems(rules)) {
                    // an unknown category or place is named above, by what the row holds
                    if (!(p.field().equals("category") && category == null) && !(p.field().equals("placeCode") && place == null)) {
                        problems.add(new LineProblem(row.line(), p.messageKey(), p.arguments()));
                    }
                }
                rows.add(opinion);
            }
            if (problems.isEmpty() && rows.isEmpty()) {
                problems.add(new LineProblem(0, "hotline.error.empty"));
            }
        } catch (TableException e) {
            problems.add(new LineProblem(e.line(), e.messageKey(), e.arguments()));
        }
        if (!problems.isEmpty()) {
            return new Result(0, problems);
        }
        for (SubmitOpinion n : rows) {
            service.submit(n, List.of());
        }
        return new Result(rows.size(), List.of());
    }

    private boolean alreadyImported(String ticket) {
        return jdbc.sql("select exists (select 1 from opinion where channel = 'HOTLINE' and external_ref = :t)")
                .param("t", ticket).query(Boolean.class).single();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
