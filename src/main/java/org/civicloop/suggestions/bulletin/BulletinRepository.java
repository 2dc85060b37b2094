package org.civicloop.suggestions.bulletin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.kpi.KpiReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads (row locked) and saves the header of a {@link Bulletin}: its status and the result-class
 * sets its figures were computed with. The figures per unit are written by {@link Bulletins}.
 */
@Repository
class BulletinRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BulletinRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

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

    List<KpiReport.ResultClass> classes(String text) {
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
                    .param("implemented", String.join(",", b.implementedClasses())).param("generated", ts(b.generatedAt()))
                    .param("by", b.generatedBy()).param("created", ts(b.createdAt())).query(Long.class).single());
        } else {
            jdbc.sql("""
                    update suggestion_bulletin set status = :status, classes = cast(:classes as jsonb), solved_classes = :solved,
                           implemented_classes = :implemented, generated_at = :generated, generated_by = :by,
                           published_at = :published, published_by = :publishedBy
                     where id = :id""")
                    .param("status", b.status().name()).param("classes", json.writeValueAsString(b.classes()))
                    .param("solved", String.join(",", b.solvedClasses())).param("implemented", String.join(",", b.implementedClasses()))
                    .param("generated", ts(b.generatedAt())).param("by", b.generatedBy()).param("published", ts(b.publishedAt()))
                    .param("publishedBy", b.publishedBy()).param("id", b.id()).update();
        }
        return b;
    }

    static List<String> split(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.stream(codes.split(",")).map(String::strip).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
