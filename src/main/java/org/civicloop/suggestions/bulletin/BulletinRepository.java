package org.civicloop.suggestions.bulletin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.kpi.KpiReport;
import org.civicloop.suggestions.kpi.UnitKpis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import static org.civicloop.shared.SqlTimes.instant;
import static org.civicloop.shared.SqlTimes.timestamp;

/**
 * All of bulletins' SQL: loads (row locked) and saves a {@link Bulletin}, stores its figures per
 * unit and its overdue list beside it, and reads them back as a {@link BulletinView}.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BulletinRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    /** The bulletin, its row locked until the transaction ends. */
    Optional<Bulletin> lock(long id) {
        return jdbc.sql("select *, classes::text as classes_json from suggestion_bulletin where id = :id for update")
                .param("id", id).query((rs, n) -> map(rs)).optional();
    }

    private Bulletin map(ResultSet rs) throws SQLException {
        return new Bulletin(rs.getLong("id"), rs.getString("title"), new KpiPeriod(rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getString("period_code")), rs.getString("foreword"),
                BulletinStatus.valueOf(rs.getString("status")), classes(rs.getString("classes_json")),
                split(rs.getString("solved_classes")), split(rs.getString("implemented_classes")), instant(rs, "generated_at"),
                rs.getString("generated_by"), instant(rs, "published_at"), rs.getString("published_by"), instant(rs, "created_at"),
                true);
    }

    private List<KpiReport.ResultClass> classes(String text) {
        return json.readValue(text, new TypeReference<List<KpiReport.ResultClass>>() { });
    }

    Bulletin save(Bulletin b) {
        if (b.isNew()) {
            b.assignId(jdbc.sql("""
                    insert into suggestion_bulletin (title, period_code, period_from, period_to, foreword, status, classes,
                                                     solved_classes, implemented_classes, generated_at, generated_by, created_at)
                    values (:title, :code, :from, :to, :foreword, :status, cast(:classes as jsonb), :solved, :implemented,
                            :generated, :by, :created)
                    returning id""")
                    .param("title", b.title()).param("code", b.period().code()).param("from", b.period().from())
                    .param("to", b.period().to()).param("foreword", b.foreword()).param("status", b.status().name())
                    .param("classes", json.writeValueAsString(b.classes())).param("solved", String.join(",", b.solvedClasses()))
                    .param("implemented", String.join(",", b.implementedClasses())).param("generated", timestamp(b.generatedAt()))
                    .param("by", b.generatedBy()).param("created", timestamp(b.createdAt())).query(Long.class).single());
        } else {
            jdbc.sql("""
                    update suggestion_bulletin set status = :status, classes = cast(:classes as jsonb), solved_classes = :solved,
                           implemented_classes = :implemented, generated_at = :generated, generated_by = :by,
                           published_at = :published, published_by = :publishedBy
                     where id = :id""")
                    .param("status", b.status().name()).param("classes", json.writeValueAsString(b.classes()))
                    .param("solved", String.join(",", b.solvedClasses())).param("implemented", String.join(",", b.implementedClasses()))
                    .param("generated", timestamp(b.generatedAt())).param("by", b.generatedBy()).param("published", timestamp(b.publishedAt()))
                    .param("publishedBy", b.publishedBy()).param("id", b.id()).update();
        }
        return b;
    }

    /** One overdue assignment as listed in a bulletin; the title is left out of a confidential suggestion's. */
    record OverdueRow(long suggestionId, String title, boolean confidential, long unitId, String unitName, String role,
                      Instant dueAt, int daysOverdue) {
    }

    /** Stores the figures of {@code report} and the overdue list as a bulletin's, in place of any before. */
    void replaceFigures(long id, KpiReport report, List<OverdueRow> overdue) {
        jdbc.sql("delete from suggestion_bulletin_unit where bulletin_id = :id").param("id", id).update();
        jdbc.sql("delete from suggestion_bulletin_overdue where bulletin_id = :id").param("id", id).update();
        List<Object[]> units = new ArrayList<>();
        int position = 0;
        for (UnitKpis u : report.units()) {
            units.add(unitRow(id, position++, u));
        }
        units.add(unitRow(id, position, report.district()));
        batch.batchUpdate("""
                insert into suggestion_bulletin_unit (bulletin_id, position, unit_id, unit_name, suggestions, assigned, replied,
                    on_time, late, overdue, evaluated, satisfied, classified, solved, implemented, met, class_counts)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""", units);
        List<Object[]> rows = new ArrayList<>();
        position = 0;
        for (OverdueRow o : overdue) {
            rows.add(new Object[] {id, position++, o.suggestionId(), o.confidential() ? null : o.title(), o.confidential(),
                    o.unitId(), o.unitName(), o.role(), timestamp(o.dueAt()), o.daysOverdue()});
        }
        batch.batchUpdate("""
                insert into suggestion_bulletin_overdue (bulletin_id, position, suggestion_id, title, confidential, unit_id,
                    unit_name, role, due_at, days_overdue)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private Object[] unitRow(long id, int position, UnitKpis u) {
        return new Object[] {id, position, u.unitId(), u.district() ? "" : u.unitName(), u.suggestions(), u.assigned(), u.replied(),
                u.onTime(), u.late(), u.overdue(), u.evaluated(), u.satisfied(), u.classified(), u.solved(), u.implemented(),
                u.met(), json.writeValueAsString(u.classes())};
    }

    List<BulletinView.Summary> all() {
        return jdbc.sql("""
                select id, title, period_code, period_from, period_to, status, generated_at, published_at
                  from suggestion_bulletin order by created_at desc, id desc limit 500""").query(BulletinView.Summary.class).list();
    }

    /** Published bulletins, newest first: what the public may see. */
    List<BulletinView.Summary> published() {
        return jdbc.sql("""
                select id, title, period_code, period_from, period_to, status, generated_at, published_at
                  from suggestion_bulletin where status = 'PUBLISHED' order by published_at desc, id desc limit 500""")
                .query(BulletinView.Summary.class).list();
    }

    private record Header(long id, String title, String periodCode, LocalDate periodFrom, LocalDate periodTo, String foreword,
                          String status, String classes, String solvedClasses, String implementedClasses, Instant generatedAt,
                          String generatedBy, Instant publishedAt, String publishedBy) {
    }

    /** A bulletin as stored, with its figures, for pages and the PDF. */
    Optional<BulletinView> view(long id) {
        Optional<Header> found = jdbc.sql("""
                select id, title, period_code, period_from, period_to, foreword, status, classes::text as classes,
                       solved_classes, implemented_classes, generated_at, generated_by, published_at, published_by
                  from suggestion_bulletin where id = :id""").param("id", id).query(Header.class).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Header h = found.get();
        List<UnitKpis> units = new ArrayList<>();
        UnitKpis[] district = {null};
        jdbc.sql("""
                select unit_id, unit_name, suggestions, assigned, replied, on_time, late, overdue, evaluated, satisfied,
                       classified, solved, implemented, met, class_counts::text as class_counts
                  from suggestion_bulletin_unit where bulletin_id = :id order by position""").param("id", id)
                .query((rs, i) -> new UnitKpis(rs.getObject("unit_id") == null ? null : rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getLong("suggestions"), rs.getLong("assigned"), rs.getLong("replied"),
                        rs.getLong("on_time"), rs.getLong("late"), rs.getLong("overdue"), rs.getLong("evaluated"),
                        rs.getLong("satisfied"), rs.getLong("classified"), rs.getLong("solved"), rs.getLong("implemented"),
                        rs.getLong("met"), classCounts(rs.getString("class_counts"))))
                .list().forEach(u -> {
                    if (u.district()) {
                        district[0] = u;
                    } else {
                        units.add(u);
                    }
                });
        List<BulletinView.Overdue> overdue = jdbc.sql("""
                select suggestion_id, title, confidential, unit_name, role, due_at, days_overdue
                  from suggestion_bulletin_overdue where bulletin_id = :id order by position""").param("id", id)
                .query(BulletinView.Overdue.class).list();
        List<KpiReport.ResultClass> classes = classes(h.classes());
        return Optional.of(new BulletinView(h.id(), h.title(), new KpiPeriod(h.periodFrom(), h.periodTo(), h.periodCode()),
                h.foreword(), h.status(), classes, split(h.solvedClasses()), split(h.implementedClasses()), h.generatedAt(),
                h.generatedBy(), h.publishedAt(), h.publishedBy(), List.copyOf(units), district[0], overdue));
    }

    private Map<String, Long> classCounts(String text) {
        Map<String, Long> counts = json.readValue(text, new TypeReference<LinkedHashMap<String, Long>>() { });
        return Map.copyOf(counts);
    }

    private static List<String> split(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.stream(codes.split(",")).map(String::strip).toList();
    }
}
