package org.civicloop.campaigns.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and saves campaigns with their groups and nominees; a stale version is a 409. Votes are counted, never stored as a number. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CampaignRepository {

    private final JdbcClient jdbc;

    Optional<Campaign> find(long id) {
        List<String> groups = jdbc.sql("select name from campaign_group where campaign_id = :id order by position")
                .param("id", id).query(String.class).list();
        List<Nominee> nominees = jdbc.sql("select * from campaign_nominee where campaign_id = :id order by id")
                .param("id", id).query(CampaignRepository::nominee).list();
        return jdbc.sql("select * from campaign where id = :id").param("id", id)
                .query((rs, n) -> new Campaign(rs.getLong("id"), rs.getString("title"), rs.getString("criteria"), groups,
                        rs.getInt("min_points"), rs.getInt("points_year"), CampaignStatus.valueOf(rs.getString("status")),
                        date(rs, "nomination_from"), date(rs, "nomination_to"), date(rs, "voting_from"), date(rs, "voting_to"),
                        date(rs, "publicity_from"), date(rs, "publicity_to"), rs.getLong("created_by"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        rs.getInt("version"), nominees))
                .optional();
    }

    /** The campaign row locked for the rest of the transaction: moves of one campaign wait for each other. */
    Optional<Campaign> findForUpdate(long id) {
        jdbc.sql("select id from campaign where id = :id for update").param("id", id).query(Long.class).optional();
        return find(id);
    }

    Campaign save(Campaign c) {
        if (c.isNew()) {
            long id = jdbc.sql("""
                            insert into campaign (title, criteria, min_points, points_year, status, nomination_from, nomination_to,
                                voting_from, voting_to, publicity_from, publicity_to, created_by, created_at, updated_at)
                            values (:title, :criteria, :min, :year, :status, :nf, :nt, :vf, :vt, :pf, :pt, :by, :at, :at)
                            returning id""")
                    .param("title", c.title()).param("criteria", c.criteria()).param("min", c.minPoints())
                    .param("year", c.pointsYear()).param("status", c.status().name())
                    .param("nf", c.nominationFrom()).param("nt", c.nominationTo()).param("vf", c.votingFrom())
                    .param("vt", c.votingTo()).param("pf", c.publicityFrom()).param("pt", c.publicityTo())
                    .param("by", c.createdBy()).param("at", Timestamp.from(c.createdAt())).query(Long.class).single();
            c.assignId(id);
            for (int i = 0; i < c.groups().size(); i++) {
                jdbc.sql("insert into campaign_group (campaign_id, position, name) values (:c, :p, :n)")
                        .param("c", id).param("p", i).param("n", c.groups().get(i)).update();
            }
            return c;
        }
        int updated = jdbc.sql("update campaign set status = :status, updated_at = :at, version = version + 1 where id = :id and version = :v")
                .param("status", c.status().name()).param("at", Timestamp.from(c.updatedAt())).param("id", c.id())
                .param("v", c.version()).update();
        if (updated != 1) {
            throw BusinessException.conflict("campaign.error.stale");
        }
        c.versionSaved(c.version() + 1);
        for (Nominee n : c.nominees()) {
            if (n.id() != null) {
                jdbc.sql("update campaign_nominee set eligibility = :e, points_checked = :p, chosen = :ch where id = :id")
                        .param("e", n.eligibility()).param("p", n.pointsChecked()).param("ch", n.chosen()).param("id", n.id())
                        .update();
            }
        }
        return c;
    }

    Nominee insertNominee(long campaignId, Nominee n) {
        long id = jdbc.sql("""
                        insert into campaign_nominee (campaign_id, deputy_id, group_name, reason, nominated_by, nominated_unit,
                            nominated_by_account, nominated_at)
                        values (:c, :d, :g, :r, :by, :unit, :acc, :at) returning id""")
                .param("c", campaignId).param("d", n.deputyId()).param("g", n.group()).param("r", n.reason())
                .param("by", n.nominatedBy()).param("unit", n.nominatedUnit()).param("acc", n.nominatedByAccount())
                .param("at", Timestamp.from(n.nominatedAt())).query(Long.class).single();
        return new Nominee(id, n.deputyId(), n.group(), n.reason(), n.nominatedBy(), n.nominatedUnit(), n.nominatedByAccount(),
                n.nominatedAt(), n.eligibility(), n.pointsChecked(), n.chosen());
    }

    /** Votes per nominee, counted from the vote rows. */
    Map<Long, Long> votes(long campaignId) {
        return jdbc.sql("select nominee_id, count(*) as n from campaign_vote where campaign_id = :c group by nominee_id")
                .param("c", campaignId)
                .query((rs, i) -> Map.entry(rs.getLong("nominee_id"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every campaign, newest first (a district runs a few a year). */
    List<Long> ids() {
        return jdbc.sql("select id from campaign order by created_at desc, id desc").query(Long.class).list();
    }

    List<Long> publicIds() {
        return jdbc.sql("select id from campaign where status in ('VOTING', 'PUBLICITY', 'ANNOUNCED') order by voting_from desc, id desc")
                .query(Long.class).list();
    }

    private static Nominee nominee(ResultSet rs, int n) throws SQLException {
        long unit = rs.getLong("nominated_unit");
        Long unitId = rs.wasNull() ? null : unit;
        int points = rs.getInt("points_checked");
        Integer pointsChecked = rs.wasNull() ? null : points;
        return new Nominee(rs.getLong("id"), rs.getLong("deputy_id"), rs.getString("group_name"), rs.getString("reason"),
                rs.getString("nominated_by"), unitId, rs.getLong("nominated_by_account"),
                rs.getTimestamp("nominated_at").toInstant(), rs.getString("eligibility"), pointsChecked, rs.getBoolean("chosen"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
