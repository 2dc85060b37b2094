package org.civicloop.opinions.domain;

import java.time.ZoneId;
import javax.sql.DataSource;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.Batches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the ledger's maintained counts ({@code opinion_tally}, V174) up to date with the opinions changed
 * since the last run ({@code opinion_tally_change}, appended by triggers): each changed opinion's new
 * contribution is added and the one it had ({@code opinion_tallied}) taken away. A batch of changes, the
 * counts and the contributions move in one transaction, one run at a time: a run killed half-way leaves
 * the changes it had not committed in the queue, and the ledger adds whatever is still queued, so the
 * counts it shows are exact whether this has run or not.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OpinionTally {

    static final int BATCH = 50_000;

    /**
     * What the opinion {@code o} contributes to the counts: its month in the configured zone ({@code :zone}),
     * channel, category, the unit of its newest work order (0 for none), and whether it is closed, rated
     * satisfied or basically satisfied, rated at all.
     */
    static final String CONTRIBUTION = """
            cast(date_trunc('month', o.submitted_at at time zone :zone) as date) as month, o.channel, o.category,
            coalesce(%s, 0) as unit_id,
            o.status = 'CLOSED' as closed,
            coalesce(%s, false) as satisfied,
            coalesce(%s, false) as rated""".formatted(OpinionQueries.NEWEST_UNIT, OpinionQueries.SATISFIED,
            OpinionQueries.RATED);

    /** Spreads contribution rows {@code x} over the three counted dimensions, as {@code d(dimension, key)}. */
    static final String DIMENSIONS = """
            cross join lateral (values ('channel', x.channel), ('category', x.category),
                                       ('unit', case when x.unit_id = 0 then '' else cast(x.unit_id as text) end))
                       as d(dimension, key)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /**
     * More changes than this waiting, and the counts are computed again from all opinions in one transaction
     * instead of a batch at a time (after a generation or a large import: at ten million opinions the batches took
     * in about 100,000 changes a minute, so the ledger counted every opinion on each page for over an hour).
     */
    static final int REBUILD_ABOVE = 1_000_000;
    /** Opinions per statement of a rebuild. */
    static final int REBUILD_CHUNK = 1_000_000;

    /** Everything queued now, a batch at a time, each in its own transaction; returns how many changes were taken. */
    public int catchUp() {
        if (jdbc.sql("select count(*) from (select 1 from opinion_tally_change limit :n) q").param("n", REBUILD_ABOVE + 1)
                .query(Long.class).single() > REBUILD_ABOVE) {
            return rebuild();
        }
        return Batches.untilShort(BATCH, () -> tx.execute(s -> runOnce(BATCH)));
    }

    /**
     * The counts and every opinion's contribution computed again from all opinions, in one transaction that reads
     * one snapshot (repeatable read): the queued changes it sees are taken (they are all in what it counts); a change
     * committed meanwhile stays queued for the next run, which counts it against the contribution written here.
     * Returns how many queued changes were taken.
     */
    int rebuild() {
        // without the 30 s limit that protects requests (spring.jdbc.template.query-timeout), and a million opinions
        // a statement, each well inside the driver's 300 s socket timeout
        JdbcClient bulk = JdbcClient.create(new JdbcTemplate(dataSource));
        TransactionTemplate snapshot = new TransactionTemplate(tx.getTransactionManager());
        snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        return snapshot.execute(s -> {
            bulk.sql("select pg_advisory_xact_lock(hashtext('opinion_tally'))").query().singleRow();
            int taken = bulk.sql("delete from opinion_tally_change").update();
            bulk.sql("truncate opinion_tally, opinion_tallied").update();
            long last = bulk.sql("select coalesce(max(id), 0) from opinion").query(Long.class).single();
            for (long after = 0; after < last; after += REBUILD_CHUNK) {
                bulk.sql("insert into opinion_tallied select o.id, " + CONTRIBUTION + " from opinion o where o.id > :after and o.id <= :upTo")
                        .param("zone", zone.getId()).param("after", after).param("upTo", after + REBUILD_CHUNK).update();
            }
            bulk.sql("""
                    insert into opinion_tally (month, dimension, key, total, closed, satisfied, rated)
                    select x.month, d.dimension, d.key, count(*), sum(cast(x.closed as int)), sum(cast(x.satisfied as int)),
                           sum(cast(x.rated as int))
                      from opinion_tallied x
                    %s
                     group by 1, 2, 3""".formatted(DIMENSIONS)).update();
            return taken;
        });
    }

    /** At most {@code limit} queued changes, in the caller's transaction; returns how many were taken. */
    int runOnce(int limit) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('opinion_tally'))").query().singleRow();
        jdbc.sql("create temp table tally_ids (id bigint primary key) on commit drop").update();
        int taken = jdbc.sql("""
                        with taken as (delete from opinion_tally_change
                                        where ctid = any (array(select ctid from opinion_tally_change limit :limit))
                                        returning opinion_id),
                             kept as (insert into tally_ids select distinct opinion_id from taken)
                        select count(*) from taken""")
                .param("limit", limit).query(Integer.class).single();
        if (taken == 0) {
            return 0;
        }
        jdbc.sql("""
                create temp table tally_now (opinion_id bigint, month date, channel varchar(20), category varchar(30),
                                             unit_id bigint, closed boolean, satisfied boolean, rated boolean) on commit drop""")
                .update();
        jdbc.sql("insert into tally_now select o.id, " + CONTRIBUTION + " from opinion o join tally_ids i on o.id = i.id")
                .param("zone", zone.getId()).update();
        jdbc.sql("""
                insert into opinion_tally as c (month, dimension, key, total, closed, satisfied, rated)
                select x.month, d.dimension, d.key, sum(x.sign), sum(x.sign * cast(x.closed as int)),
                       sum(x.sign * cast(x.satisfied as int)), sum(x.sign * cast(x.rated as int))
                  from (select 1 as sign, n.month, n.channel, n.category, n.unit_id, n.closed, n.satisfied, n.rated
                          from tally_now n
                        union all
                        select -1, t.month, t.channel, t.category, t.unit_id, t.closed, t.satisfied, t.rated
                          from opinion_tallied t join tally_ids i on t.opinion_id = i.id) x
                %s
                 group by 1, 2, 3
                on conflict (month, dimension, key) do update
                   set total = c.total + excluded.total, closed = c.closed + excluded.closed,
                       satisfied = c.satisfied + excluded.satisfied, rated = c.rated + excluded.rated"""
                .formatted(DIMENSIONS)).update();
        jdbc.sql("delete from opinion_tally where total = 0").update();
        jdbc.sql("delete from opinion_tallied t using tally_ids i where t.opinion_id = i.id").update();
        jdbc.sql("insert into opinion_tallied select * from tally_now").update();
        return taken;
    }
}
