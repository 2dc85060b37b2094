package org.civicloop.suggestions.kpi;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.Batches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the suggestions dashboard's maintained counts ({@code suggestion_kpi_tally} per month and
 * {@code suggestion_kpi_tally_year} per year, V177) up to date with the
 * assignments changed since the last run ({@code suggestion_kpi_change}, appended by triggers): each changed
 * assignment's new contribution is added and the one it had ({@code suggestion_kpi_tallied}) taken away. The
 * opinions ledger's pattern ({@code OpinionTally}): a batch of changes, the counts and the contributions move in
 * one transaction, one run at a time; a run killed half-way leaves what it had not committed in the queue, and
 * {@link SuggestionKpis} adds whatever is still queued, so the figures are exact whether this has run or not.
 *
 * <p>What is counted is defined once, by {@link KpiSet}'s conditions on the facts {@link KpiFacts} keeps on each
 * assignment: the sets of {@link KpiSet.Source#FACTS} are counted here, per month in the configured time zone,
 * unit and final result class.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class KpiTally {

    static final int BATCH = 50_000;

    /** The sets counted in the tally, in {@link KpiSet}'s order. */
    static final List<KpiSet> SETS = Arrays.stream(KpiSet.values()).filter(s -> s.source() == KpiSet.Source.FACTS).toList();

    /**
     * The key and flag columns of a contribution, as {@code suggestion_kpi_tallied} names them: {@code first} (the
     * suggestion's first counted assignment, so that the district's suggestions are the sum of {@code n_first}) and
     * a flag per set.
     */
    static final String COLUMNS = "month, unit_id, final_class, first, " + each(KpiSet::flag);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /** The sets' expressions joined by commas, e.g. {@code each(s -> "sum(" + s.column() + ")")}. */
    static String each(Function<KpiSet, String> expression) {
        return SETS.stream().map(expression).collect(Collectors.joining(", "));
    }

    /**
     * What the counted assignments {@code a} of {@code from} (a table expression naming
     * {@code suggestion_assignment a}) that match {@code where} contribute: {@code suggestion_id, seq} and
     * {@link #COLUMNS}, the month in the zone {@code :zone} and a flag per set from the set's own condition.
     * Parameters {@code :zone}, {@code :owing} and those of {@code where}.
     */
    static String contributions(String from, String where) {
        return "select f.suggestion_id, f.seq, cast(date_trunc('month', f.assigned_at at time zone :zone) as date) as month, "
                + "f.unit_id, coalesce(f.final_class, '') as final_class, f.first, "
                + each(s -> "coalesce(" + s.condition() + ", false) as " + s.flag())
                + " from (select " + SuggestionKpis.FACT_COLUMNS + " from " + from + " where " + SuggestionKpis.OWES
                + " and (" + where + ")) f";
    }

    /** Everything queued now, a batch at a time, each in its own transaction; returns how many changes were taken. */
    int catchUp() {
        return Batches.untilShort(BATCH, () -> tx.execute(s -> runOnce(BATCH)));
    }

    /** At most {@code limit} queued changes, in the caller's transaction; returns how many were taken. */
    int runOnce(int limit) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('suggestion_kpi_tally'))").query().singleRow();
        jdbc.sql("create temp table kpi_tally_ids (suggestion_id bigint, seq integer, primary key (suggestion_id, seq)) on commit drop")
                .update();
        int taken = jdbc.sql("""
                        with taken as (delete from suggestion_kpi_change
                                        where ctid = any (array(select ctid from suggestion_kpi_change limit :limit))
                                        returning suggestion_id, seq),
                             kept as (insert into kpi_tally_ids select distinct suggestion_id, seq from taken)
                        select count(*) from taken""")
                .param("limit", limit).query(Integer.class).single();
        if (taken == 0) {
            return 0;
        }
        jdbc.sql("create temp table kpi_tally_now on commit drop as select * from suggestion_kpi_tallied with no data").update();
        jdbc.sql("insert into kpi_tally_now (suggestion_id, seq, " + COLUMNS + ") " + contributions(
                        "suggestion_assignment a join kpi_tally_ids i on i.suggestion_id = a.suggestion_id and i.seq = a.seq", "true"))
                .param("zone", zone.getId()).param("owing", SuggestionKpis.OWING).update();
        // per month, and the same per year (a province's 800 units over four years are about 90,000 unit-months
        // with a class, too many to add up on each request; 13,500 unit-years)
        for (String[] table : new String[][]{{"suggestion_kpi_tally", "month", "x.month"},
                {"suggestion_kpi_tally_year", "year", "cast(date_trunc('year', x.month) as date)"}}) {
            jdbc.sql("""
                    insert into %5$s as c (%6$s, unit_id, final_class, n_first, %1$s)
                    select %7$s, x.unit_id, x.final_class, sum(x.sign * cast(x.first as int)), %2$s
                      from (select 1 as sign, %3$s from kpi_tally_now
                            union all
                            select -1, %3$s from suggestion_kpi_tallied t join kpi_tally_ids i using (suggestion_id, seq)) x
                     group by 1, 2, 3
                    on conflict (%6$s, unit_id, final_class) do update set n_first = c.n_first + excluded.n_first, %4$s"""
                    .formatted(each(KpiSet::column), each(s -> "sum(x.sign * cast(x." + s.flag() + " as int))"), COLUMNS,
                            each(s -> s.column() + " = c." + s.column() + " + excluded." + s.column()), table[0], table[1], table[2]))
                    .update();
            jdbc.sql("delete from " + table[0] + " where n_assigned = 0").update();
        }
        jdbc.sql("delete from suggestion_kpi_tallied t using kpi_tally_ids i where t.suggestion_id = i.suggestion_id and t.seq = i.seq")
                .update();
        jdbc.sql("insert into suggestion_kpi_tallied select * from kpi_tally_now").update();
        return taken;
    }
}
