package org.civicloop.liaison.matters;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and saves enterprise matters with their deputies; a stale version is a 409. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MatterRepository {

    private final JdbcClient jdbc;

    Optional<EnterpriseMatter> find(long id) {
        List<Long> deputies = jdbc.sql("select deputy_id from enterprise_matter_deputy where matter_id = :id order by deputy_id")
                .param("id", id).query(Long.class).list();
        return jdbc.sql("select * from enterprise_matter where id = :id").param("id", id)
                .query((rs, n) -> new EnterpriseMatter(rs.getLong("id"), rs.getLong("site_id"), rs.getString("enterprise_name"),
                        rs.getString("credit_code"), rs.getString("contact_name"), rs.getString("contact_phone"),
                        rs.getString("problem"), rs.getLong("unit_id"), rs.getObject("opened_on", LocalDate.class),
                        instant(rs.getTimestamp("opened_at")), rs.getLong("recorded_by"), deputies,
                        MatterStatus.valueOf(rs.getString("status")), rs.getInt("round"), rs.getString("answer"),
                        instant(rs.getTimestamp("answered_at")), (Long) rs.getObject("answered_by", Long.class),
                        rs.getString("confirmation"), rs.getObject("confirmed_on", LocalDate.class),
                        (Long) rs.getObject("confirmed_by", Long.class), instant(rs.getTimestamp("updated_at")),
                        rs.getInt("version")))
                .optional();
    }

    EnterpriseMatter save(EnterpriseMatter m) {
        if (m.isNew()) {
            long id = jdbc.sql("""
                            insert into enterprise_matter (site_id, enterprise_name, credit_code, contact_name, contact_phone,
                                consent, problem, unit_id, status, opened_on, opened_at, round, recorded_by, updated_at)
                            values (:site, :name, :code, :contact, :phone, true, :problem, :unit, :status, :openedOn, :openedAt,
                                    :round, :recordedBy, :updatedAt)
                            returning id""")
                    .param("site", m.siteId()).param("name", m.enterpriseName()).param("code", m.creditCode())
                    .param("contact", m.contactName()).param("phone", m.contactPhone()).param("problem", m.problem())
                    .param("unit", m.unitId()).param("status", m.status().name()).param("openedOn", m.openedOn())
                    .param("openedAt", Timestamp.from(m.openedAt())).param("round", m.round())
                    .param("recordedBy", m.recordedBy()).param("updatedAt", Timestamp.from(m.updatedAt()))
                    .query(Long.class).single();
            m.assignId(id);
            for (long d : m.deputyIds()) {
                jdbc.sql("insert into enterprise_matter_deputy (matter_id, deputy_id) values (:m, :d)")
                        .param("m", id).param("d", d).update();
            }
            return m;
        }
        int updated = jdbc.sql("""
                        update enterprise_matter set status = :status, round = :round, answer = :answer, answered_at = :answeredAt,
                            answered_by = :answeredBy, confirmation = :confirmation, confirmed_on = :confirmedOn,
                            confirmed_by = :confirmedBy, updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version""")
                .param("status", m.status().name()).param("round", m.round()).param("answer", m.answer())
                .param("answeredAt", m.answeredAt() == null ? null : Timestamp.from(m.answeredAt()))
                .param("answeredBy", m.answeredBy()).param("confirmation", m.confirmation())
                .param("confirmedOn", m.confirmedOn()).param("confirmedBy", m.confirmedBy())
                .param("updatedAt", Timestamp.from(m.updatedAt())).param("id", m.id()).param("version", m.version())
                .update();
        if (updated != 1) {
            throw BusinessException.conflict("casework.error.stale");
        }
        m.versionSaved(m.version() + 1);
        return m;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
