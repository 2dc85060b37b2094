package org.civicloop.liaison.disputes;

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

/** Loads and saves disputes with parties and deputies, and appends sittings; a stale version is a 409. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DisputeRepository {

    private final JdbcClient jdbc;

    Optional<Dispute> find(long id) {
        List<Party> parties = jdbc.sql("select name, phone from dispute_party where dispute_id = :id order by position")
                .param("id", id).query(Party.class).list();
        List<Long> deputies = jdbc.sql("select deputy_id from dispute_deputy where dispute_id = :id order by deputy_id")
                .param("id", id).query(Long.class).list();
        return jdbc.sql("select * from dispute where id = :id").param("id", id)
                .query((rs, n) -> new Dispute(rs.getLong("id"), rs.getLong("site_id"), rs.getString("subject"),
                        rs.getString("description"), parties, deputies, rs.getObject("opened_on", LocalDate.class),
                        rs.getLong("recorded_by"), DisputeStatus.valueOf(rs.getString("status")),
                        rs.getObject("closed_on", LocalDate.class), rs.getString("outcome_text"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
                .optional();
    }

    List<DisputeSession> sessions(long disputeId) {
        return jdbc.sql("select id, held_on, note, recorded_by from dispute_session where dispute_id = :id order by held_on, id")
                .param("id", disputeId).query(DisputeSession.class).list();
    }

    Dispute save(Dispute d) {
        if (d.isNew()) {
            long id = jdbc.sql("""
                            insert into dispute (site_id, subject, description, consent, status, opened_on, recorded_by, updated_at)
                            values (:site, :subject, :description, true, :status, :openedOn, :recordedBy, :updatedAt)
                            returning id""")
                    .param("site", d.siteId()).param("subject", d.subject()).param("description", d.description())
                    .param("status", d.status().name()).param("openedOn", d.openedOn()).param("recordedBy", d.recordedBy())
                    .param("updatedAt", Timestamp.from(d.updatedAt())).query(Long.class).single();
            d.assignId(id);
            for (int i = 0; i < d.parties().size(); i++) {
                jdbc.sql("insert into dispute_party (dispute_id, position, name, phone) values (:d, :p, :n, :ph)")
                        .param("d", id).param("p", i).param("n", d.parties().get(i).name())
                        .param("ph", d.parties().get(i).phone()).update();
            }
            for (long deputy : d.deputyIds()) {
                jdbc.sql("insert into dispute_deputy (dispute_id, deputy_id) values (:d, :x)").param("d", id).param("x", deputy).update();
            }
            return d;
        }
        int updated = jdbc.sql("""
                        update dispute set status = :status, closed_on = :closedOn, outcome_text = :text, updated_at = :at,
                            version = version + 1
                        where id = :id and version = :version""")
                .param("status", d.status().name()).param("closedOn", d.closedOn()).param("text", d.outcomeText())
                .param("at", Timestamp.from(d.updatedAt())).param("id", d.id()).param("version", d.version()).update();
        if (updated != 1) {
            throw BusinessException.conflict("casework.error.stale");
        }
        d.versionSaved(d.version() + 1);
        return d;
    }

    long addSession(long disputeId, LocalDate heldOn, String note, long recordedBy, Instant at) {
        return jdbc.sql("""
                        insert into dispute_session (dispute_id, held_on, note, recorded_by, recorded_at)
                        values (:d, :on, :note, :by, :at) returning id""")
                .param("d", disputeId).param("on", heldOn).param("note", note).param("by", recordedBy)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }
}
