package org.civicloop.briefings.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.shared.SqlTimes;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes {@link Briefing}s. The briefing's facts carry one version; each invitation its own,
 * so that deputies signing in at the same moment touch only their own rows.
 */
@Component
class BriefingStore {

    private final JdbcClient jdbc;

    BriefingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Briefing insert(Briefing b) {
        long id = jdbc.sql("""
                        insert into briefing (kind, title, starts_at, ends_at, place, organiser, sign_in_token, created_by,
                                              created_at, updated_at)
                        values (:kind, :title, :starts, :ends, :place, :organiser, :token, :by, :created, :updated)
                        returning id""")
                .param("kind", b.kind().name()).param("title", b.title())
                .param("starts", SqlTimes.timestamp(b.startsAt())).param("ends", SqlTimes.timestamp(b.endsAt()))
                .param("place", b.place()).param("organiser", b.organiser()).param("token", b.signInToken())
                .param("by", b.createdBy()).param("created", SqlTimes.timestamp(b.createdAt()))
                .param("updated", SqlTimes.timestamp(b.updatedAt()))
                .query(Long.class).single();
        b.assignId(id);
        b.invitations().forEach(i -> insertInvitation(id, i));
        return b;
    }

    Optional<Briefing> find(long id) {
        return jdbc.sql("select * from briefing where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Briefing> byToken(String token) {
        return jdbc.sql("select * from briefing where sign_in_token = :t").param("t", token).query(this::map).optional();
    }

    boolean tokenTaken(String token) {
        return jdbc.sql("select exists (select 1 from briefing where sign_in_token = :t)").param("t", token)
                .query(Boolean.class).single();
    }

    /** The facts (version checked) and the list of invited deputies: new ones added, dropped ones removed. */
    void update(Briefing b) {
        int rows = jdbc.sql("""
                        update briefing set kind = :kind, title = :title, starts_at = :starts, ends_at = :ends, place = :place,
                               organiser = :organiser, updated_at = :updated, version = version + 1
                        where id = :id and version = :version""")
                .param("kind", b.kind().name()).param("title", b.title())
                .param("starts", SqlTimes.timestamp(b.startsAt())).param("ends", SqlTimes.timestamp(b.endsAt()))
                .param("place", b.place()).param("organiser", b.organiser())
                .param("updated", SqlTimes.timestamp(b.updatedAt())).param("id", b.id()).param("version", b.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("briefing " + b.id() + " changed meanwhile");
        }
        Set<Long> kept = b.invitations().stream().map(Invitation::deputyId).collect(Collectors.toSet());
        List<Long> stored = jdbc.sql("select deputy_id from briefing_invitation where briefing_id = :b").param("b", b.id())
                .query(Long.class).list();
        for (long deputyId : stored) {
            if (!kept.contains(deputyId)) {
                int removed = jdbc.sql("""
                                delete from briefing_invitation where briefing_id = :b and deputy_id = :d
                                   and status in ('INVITED', 'LEAVE_REQUESTED')""")
                        .param("b", b.id()).param("d", deputyId).update();
                if (removed != 1) {
                    throw new OptimisticLockingFailureException("invitation " + b.id() + "/" + deputyId + " changed meanwhile");
                }
            }
        }
        b.invitations().stream().filter(i -> !stored.contains(i.deputyId())).forEach(i -> insertInvitation(b.id(), i));
    }

    /**
     * One invitation after a move (sign-in, leave). False when someone else moved it meanwhile, e.g. the
     * same deputy's second scan a moment earlier.
     */
    boolean saveInvitation(long briefingId, Invitation i) {
        return jdbc.sql("""
                        update briefing_invitation set status = :status, signed_in_by = :by, signed_in_at = :at,
                               leave_reason = :reason, leave_requested_at = :requested, leave_decided_at = :decided,
                               leave_decided_by = :decider, leave_declined = :declined, version = version + 1
                        where briefing_id = :b and deputy_id = :d and version = :version""")
                .param("status", i.status().name()).param("by", i.signedInBy())
                .param("at", SqlTimes.timestamp(i.signedInAt())).param("reason", i.leaveReason())
                .param("requested", SqlTimes.timestamp(i.leaveRequestedAt()))
                .param("decided", SqlTimes.timestamp(i.leaveDecidedAt())).param("decider", i.leaveDecidedBy())
                .param("declined", i.leaveDeclined()).param("b", briefingId).param("d", i.deputyId())
                .param("version", i.version())
                .update() == 1;
    }

    private void insertInvitation(long briefingId, Invitation i) {
        jdbc.sql("insert into briefing_invitation (briefing_id, deputy_id, status) values (:b, :d, :s)")
                .param("b", briefingId).param("d", i.deputyId()).param("s", i.status().name()).update();
    }

    private Briefing map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Invitation> invitations = jdbc.sql("select * from briefing_invitation where briefing_id = :b order by deputy_id")
                .param("b", id)
                .query((r, n) -> new Invitation(r.getLong("deputy_id"), InvitationStatus.valueOf(r.getString("status")),
                        r.getString("signed_in_by"), SqlTimes.instant(r, "signed_in_at"), r.getString("leave_reason"),
                        SqlTimes.instant(r, "leave_requested_at"), SqlTimes.instant(r, "leave_decided_at"),
                        (Long) r.getObject("leave_decided_by"), r.getBoolean("leave_declined"), r.getInt("version")))
                .list();
        return new Briefing(id, BriefingKind.valueOf(rs.getString("kind")), rs.getString("title"),
                SqlTimes.instant(rs, "starts_at"), SqlTimes.instant(rs, "ends_at"), rs.getString("place"),
                rs.getString("organiser"), rs.getString("sign_in_token"), (Long) rs.getObject("created_by"),
                SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "updated_at"), rs.getInt("version"), invitations);
    }
}
