package org.civicloop.performance.evaluation.domain;

import static org.civicloop.shared.SqlTimes.instant;
import static org.civicloop.shared.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads (row locked) and saves a {@link Scheme}. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SchemeRepository {

    private final JdbcClient jdbc;

    Optional<Scheme> find(long id) {
        return jdbc.sql("select * from perf_scheme where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The scheme with its row locked for update: moves and entries on one scheme are serialised. */
    Optional<Scheme> lock(long id) {
        return jdbc.sql("select * from perf_scheme where id = :id for update").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    static Scheme map(ResultSet rs) throws SQLException {
        long previousId = rs.getLong("previous_scheme_id");
        Long previous = rs.wasNull() ? null : previousId;
        return new Scheme(rs.getLong("id"), rs.getString("name"),
                EvaluationPeriod.of(PeriodKind.valueOf(rs.getString("period_kind")), rs.getString("period_code")),
                previous, rs.getInt("advanced_count"), SchemeStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "locked_at"), instant(rs, "published_at"));
    }

    Scheme save(Scheme s) {
        if (s.isNew()) {
            s.assignId(jdbc.sql("""
                            insert into perf_scheme (name, period_kind, period_code, previous_scheme_id, advanced_count, status, created_at)
                            values (:name, :kind, :code, :previous, :advanced, :status, :at) returning id""")
                    .param("name", s.name()).param("kind", s.period().kind().name()).param("code", s.period().code())
                    .param("previous", s.previousSchemeId()).param("advanced", s.advancedCount())
                    .param("status", s.status().name()).param("at", timestamp(s.createdAt())).query(Long.class).single());
        } else {
            jdbc.sql("update perf_scheme set status = :status, locked_at = :locked, published_at = :published where id = :id")
                    .param("status", s.status().name()).param("locked", timestamp(s.lockedAt()))
                    .param("published", timestamp(s.publishedAt())).param("id", s.id()).update();
        }
        return s;
    }
}
