package org.civicloop.liaison.receptions;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Reads and writes {@link Reception}s: the aggregate and its deputies present, with optimistic locking. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReceptionStore {

    private final JdbcClient jdbc;

    Reception insert(Reception r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into reception (site_id, held_on, starts_at, ends_at, place, mobile, status, created_by,
                                               created_at, updated_at)
                        values (:site, :day, :starts, :ends, :place, :mobile, :status, :by, :created, :updated)""")
                .param("site", r.siteId()).param("day", Date.valueOf(r.heldOn()))
                .param("starts", Time.valueOf(r.startsAt())).param("ends", Time.valueOf(r.endsAt()))
                .param("place", r.place()).param("mobile", r.mobile()).param("status", r.status().name())
                .param("by", r.createdBy()).param("created", Timestamp.from(r.createdAt()))
                .param("updated", Timestamp.from(r.updatedAt()))
                .update(keys, "id");
        r.assignId(keys.getKey().longValue());
        return r;
    }

    Optional<Reception> find(long id) {
        return jdbc.sql("select * from reception where id = :id").param("id", id).query(this::map).optional();
    }

    void update(Reception r) {
        int rows = jdbc.sql("""
                        update reception set status = :status, visitors = :visitors, notes = :notes,
                               cancel_reason = :reason, updated_at = :updated, version = version + 1
                        where id = :id and version = :version""")
                .param("status", r.status().name()).param("visitors", r.visitors()).param("notes", r.notes())
                .param("reason", r.cancelReason()).param("updated", Timestamp.from(r.updatedAt()))
                .param("id", r.id()).param("version", r.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("reception " + r.id() + " changed meanwhile");
        }
        jdbc.sql("delete from reception_deputy where reception_id = :id").param("id", r.id()).update();
        for (long deputyId : r.deputyIds()) {
            jdbc.sql("insert into reception_deputy (reception_id, deputy_id) values (:r, :d)")
                    .param("r", r.id()).param("d", deputyId).update();
        }
    }

    private Reception map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Set<Long> deputies = new HashSet<>(jdbc.sql("select deputy_id from reception_deputy where reception_id = :id")
                .param("id", id).query(Long.class).list());
        return new Reception(id, rs.getLong("site_id"), rs.getDate("held_on").toLocalDate(),
                rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(), rs.getString("place"),
                rs.getBoolean("mobile"), ReceptionStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("visitors"), rs.getString("notes"), rs.getString("cancel_reason"),
                (Long) rs.getObject("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"), deputies);
    }
}
