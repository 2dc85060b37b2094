package org.civicloop.suggestions.poll;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models of satisfaction polls. Results are read from the per-unit counters only: nothing here
 * (or anywhere) can say who chose what, because no table holds it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PollQueries {

    private final JdbcClient jdbc;

    /** A value of the rating scale (a dictionary); {@code countsAsSatisfied}: part of 满意率. */
    public record ScaleEntry(String code, String nameZh, String nameEn, boolean countsAsSatisfied, boolean active) {
        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    /** The scale offered on ballots, in order. */
    public List<ScaleEntry> scale() {
        return allScale().stream().filter(ScaleEntry::active).toList();
    }

    private List<ScaleEntry> allScale() {
        return jdbc.sql("select code, name_zh, name_en, counts_as_satisfied, active from suggestion_poll_scale order by sort, code")
                .query(ScaleEntry.class).list();
    }

    public record PollRow(long id, String title, String electorate, String status, Instant createdAt, Instant openedAt,
                          Instant closedAt, Instant publishedAt, long voters, long ballots) {
        public boolean published() {
            return publishedAt != null;
        }
    }

    private static final String POLL = """
            select p.id, p.title, p.electorate, p.status, p.created_at, p.opened_at, p.closed_at, p.published_at,
                   (select count(*) from suggestion_poll_voter v where v.poll_id = p.id) as voters,
                   (select count(*) from suggestion_poll_ballot b where b.poll_id = p.id) as ballots
              from suggestion_poll p
            """;

    /** The office's list: the newest first. */
    public List<PollRow> all() {
        return jdbc.sql(POLL + " order by p.id desc limit 200").query(PollRow.class).list();
    }

    public Optional<PollRow> find(long id) {
        return jdbc.sql(POLL + " where p.id = :id").param("id", id).query(PollRow.class).optional();
    }

    /** Published polls for the public, the latest published first. */
    public List<PollRow> published() {
        return jdbc.sql(POLL + " where p.published_at is not null order by p.published_at desc, p.id desc limit 200")
                .query(PollRow.class).list();
    }

    public Optional<PollRow> findPublished(long id) {
        return jdbc.sql(POLL + " where p.id = :id and p.published_at is not null").param("id", id).query(PollRow.class).optional();
    }

    /** A unit rated in a poll, named as it was when the poll was made. */
    public record PollUnit(long unitId, String unitName) {
    }

    public List<PollUnit> units(long pollId) {
        return jdbc.sql("select unit_id, unit_name from suggestion_poll_unit where poll_id = :p order by sort")
                .param("p", pollId).query(PollUnit.class).list();
    }

    /** An open poll an account may vote in, and whether it has. */
    public record BallotPoll(long id, String title, Instant openedAt, boolean voted) {
    }

    public List<BallotPoll> openFor(long accountId) {
        return jdbc.sql("""
                select p.id, p.title, p.opened_at,
                       exists (select 1 from suggestion_poll_ballot b where b.poll_id = p.id and b.account_id = :a) as voted
                  from suggestion_poll p join suggestion_poll_voter v on v.poll_id = p.id and v.account_id = :a
                 where p.status = 'OPEN'
                 order by p.opened_at desc, p.id desc""").param("a", accountId).query(BallotPoll.class).list();
    }

    /** The open poll, if this account may vote in it. */
    public Optional<BallotPoll> openBallot(long pollId, long accountId) {
        return openFor(accountId).stream().filter(p -> p.id() == pollId).findFirst();
    }

    /**
     * One unit's figures: votes per scale value, in the scale's order, and 满意率 = (values counting as
     * satisfied) ÷ votes, as a percentage with one decimal (null without votes).
     */
    public record UnitResult(long unitId, String unitName, Map<String, Long> counts, long votes, long satisfied) {
        public BigDecimal satisfactionRate() {
            return percent(satisfied, votes);
        }
    }

    /** A poll's results: per unit, and the turnout (ballots ÷ eligible voters). */
    public record Results(List<ScaleEntry> scale, List<UnitResult> units, long ballots, long voters) {
        public BigDecimal turnout() {
            return percent(ballots, voters);
        }
    }

    public Results results(long pollId) {
        PollRow poll = find(pollId).orElseThrow();
        Map<Long, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (PollUnit u : units(pollId)) {
            counts.put(u.unitId(), new LinkedHashMap<>());
            names.put(u.unitId(), u.unitName());
        }
        jdbc.sql("select unit_id, scale_code, votes from suggestion_poll_tally where poll_id = :p").param("p", pollId)
                .query((rs, n) -> {
                    counts.get(rs.getLong("unit_id")).put(rs.getString("scale_code"), rs.getLong("votes"));
                    return null;
                }).list();
        // a value retired from the scale after this poll still shows if it was chosen here
        List<ScaleEntry> scale = allScale().stream()
                .filter(s -> s.active() || counts.values().stream().anyMatch(c -> c.getOrDefault(s.code(), 0L) > 0)).toList();
        List<UnitResult> units = new ArrayList<>();
        counts.forEach((unitId, byCode) -> {
            Map<String, Long> ordered = new LinkedHashMap<>();
            long votes = 0;
            long satisfied = 0;
            for (ScaleEntry s : scale) {
                long n = byCode.getOrDefault(s.code(), 0L);
                ordered.put(s.code(), n);
                votes += n;
                satisfied += s.countsAsSatisfied() ? n : 0;
            }
            units.add(new UnitResult(unitId, names.get(unitId), ordered, votes, satisfied));
        });
        return new Results(scale, units, poll.ballots(), poll.voters());
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
