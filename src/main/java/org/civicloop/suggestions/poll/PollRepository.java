package org.civicloop.suggestions.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import static org.civicloop.shared.SqlTimes.instant;
import static org.civicloop.shared.SqlTimes.timestamp;

/**
 * Loads (row locked) and saves a {@link Poll} with its units; keeps its voters and counts its
 * secret ballots, which are never stored per voter.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PollRepository {

    private final JdbcClient jdbc;

    /**
     * The poll, its row locked for update, or shared (for ballots: closing waits for ballots being cast,
     * and a ballot never lands after the close).
     */
    Optional<Poll> lock(long id, boolean shared) {
        return jdbc.sql("select * from suggestion_poll where id = :id for " + (shared ? "share" : "update"))
                .param("id", id).query((rs, n) -> map(rs)).optional();
    }

    private Poll map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Poll.Unit> units = jdbc.sql("select unit_id, unit_name from suggestion_poll_unit where poll_id = :p order by sort")
                .param("p", id).query(Poll.Unit.class).list();
        return new Poll(id, rs.getString("title"), Electorate.valueOf(rs.getString("electorate")),
                PollStatus.valueOf(rs.getString("status")), rs.getLong("created_by"), instant(rs, "created_at"),
                instant(rs, "opened_at"), instant(rs, "closed_at"), instant(rs, "published_at"), units);
    }

    Poll save(Poll p) {
        if (p.isNew()) {
            p.assignId(jdbc.sql("""
                            insert into suggestion_poll (title, electorate, status, created_by, created_at)
                            values (:title, :electorate, :status, :by, :at) returning id""")
                    .param("title", p.title()).param("electorate", p.electorate().name()).param("status", p.status().name())
                    .param("by", p.createdBy()).param("at", timestamp(p.createdAt())).query(Long.class).single());
            int sort = 0;
            for (Poll.Unit u : p.units()) {
                jdbc.sql("insert into suggestion_poll_unit (poll_id, unit_id, unit_name, sort) values (:p, :u, :n, :s)")
                        .param("p", p.id()).param("u", u.unitId()).param("n", u.unitName()).param("s", sort++).update();
            }
        } else {
            jdbc.sql("""
                    update suggestion_poll set status = :status, opened_at = :opened, closed_at = :closed, published_at = :published
                     where id = :id""")
                    .param("status", p.status().name()).param("opened", timestamp(p.openedAt())).param("closed", timestamp(p.closedAt()))
                    .param("published", timestamp(p.publishedAt())).param("id", p.id()).update();
        }
        return p;
    }

    void addVoters(long pollId, Collection<Long> accounts) {
        for (Long account : accounts) {
            jdbc.sql("insert into suggestion_poll_voter (poll_id, account_id) values (:p, :a) on conflict do nothing")
                    .param("p", pollId).param("a", account).update();
        }
    }

    long voters(long pollId) {
        return jdbc.sql("select count(*) from suggestion_poll_voter where poll_id = :id").param("id", pollId).query(Long.class).single();
    }

    long ballots(long pollId) {
        return jdbc.sql("select count(*) from suggestion_poll_ballot where poll_id = :id").param("id", pollId).query(Long.class).single();
    }

    /** The codes of the scale values offered on ballots. */
    Set<String> scaleCodes() {
        return Set.copyOf(jdbc.sql("select code from suggestion_poll_scale where active").query(String.class).list());
    }

    boolean mayVote(long pollId, long accountId) {
        return jdbc.sql("select exists (select 1 from suggestion_poll_voter where poll_id = :p and account_id = :a)")
                .param("p", pollId).param("a", accountId).query(Boolean.class).single();
    }

    /**
     * Records that the voter voted and adds one to each unit's counter for the value chosen; false, and
     * nothing counted, when they had voted already (one ballot each is the primary key).
     */
    boolean castBallot(long pollId, long accountId, Map<Long, String> choices, Instant now) {
        int cast = jdbc.sql("""
                        insert into suggestion_poll_ballot (poll_id, account_id, cast_at) values (:p, :a, :at)
                        on conflict (poll_id, account_id) do nothing""")
                .param("p", pollId).param("a", accountId).param("at", timestamp(now)).update();
        if (cast == 0) {
            return false;
        }
        choices.forEach((unit, code) -> jdbc.sql("""
                        insert into suggestion_poll_tally (poll_id, unit_id, scale_code, votes) values (:p, :u, :c, 1)
                        on conflict (poll_id, unit_id, scale_code) do update set votes = suggestion_poll_tally.votes + 1""")
                .param("p", pollId).param("u", unit).param("c", code).update());
        return true;
    }
}
