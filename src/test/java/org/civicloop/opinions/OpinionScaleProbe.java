package org.civicloop.opinions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.civicloop.opinions.domain.OpinionLedger;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not part of the suite (surefire runs *Tests): the opinion pages' queries on 50,000 opinions, run by
 * hand with {@code ./mvnw -B -o test -Dtest=OpinionScaleProbe -Dsurefire.failIfNoSpecifiedTests=false}.
 * It fills the test database (so never run it with other tests) and prints the median of fifteen runs
 * of each read: 民意台 (first and a deep keyset page, by town), a unit's inbox, the ledger's counts
 * and its whole export stream, the Open311 list, one opinion's pages.
 */
@IntegrationTest
class OpinionScaleProbe {

    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpinionQueries queries;
    @Autowired
    OpinionLedger ledger;
    @Autowired
    Opinions opinions;
    @Autowired
    org.civicloop.opinions.domain.DirectoryNames names;

    @Test
    void fiftyThousandOpinions() {
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into opinion (receipt_code, channel, category, content, place_code, district_code, status,
                                     submitted_at, updated_at, reopen_count, rating)
                select 'P' || lpad(g::text, 9, '0'),
                       (array['QR','ONLINE','VISIT','RECEPTION','MARKET_DAY','HOTLINE','OPEN311'])[1 + g % 7],
                       (array['URBAN','RURAL','ENVIRONMENT','HEALTH','OTHER'])[1 + g % 5],
                       '规模测试意见 ' || g || ' 村里的路灯坏了很久没有人修',
                       p.codes[1 + g % array_length(p.codes, 1)], '520111',
                       (array['SUBMITTED','ACCEPTED','HANDLING','HANDLING','REPLIED','CLOSED','CLOSED','REJECTED'])[1 + g % 8],
                       timestamptz '2024-01-01' + g * interval '20 minutes',
                       timestamptz '2024-01-01' + g * interval '20 minutes', 0,
                       case when g % 8 = 5 then (array['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + g % 3] end
                  from generate_series(1, 50000) g,
                       (select array_agg(code order by code) as codes from region
                         where parent_code = '520111' or parent_code in (select code from region where parent_code = '520111')) p
                """).update();
        jdbc.sql("""
                insert into work_order (opinion_id, unit_id, round, status, assigned_at, assigned_by, due_at)
                select o.id, u.ids[1 + o.id % array_length(u.ids, 1)], 1,
                       case when o.status = 'HANDLING' then 'SIGNED' else 'REPLIED' end,
                       o.submitted_at + interval '1 day', 'office', now() + ((o.id % 60) - 30) * interval '1 day'
                  from opinion o, (select array_agg(id order by id) as ids from org_unit where handles_items) u
                 where o.status in ('HANDLING', 'REPLIED', 'CLOSED') and o.receipt_code like 'P%'""").update();
        jdbc.sql("analyze opinion").update();
        jdbc.sql("analyze work_order").update();
        System.out.printf("PROBE fill: %d opinions, %d work orders in %d ms%n",
                jdbc.sql("select count(*) from opinion").query(Long.class).single(),
                jdbc.sql("select count(*) from work_order").query(Long.class).single(), (System.nanoTime() - t0) / 1_000_000);

        CivicUser office = demo.user("office");
        long unit = jdbc.sql("select unit_id from work_order group by unit_id order by count(*) desc limit 1")
                .query(Long.class).single();
        String town = jdbc.sql("select code from region where parent_code = '520111' and level = 'town' order by code limit 1")
                .query(String.class).single();
        var none = new OpinionQueries.QueueFilter("", "", "", "", "", null, null, null);
        var byTown = new OpinionQueries.QueueFilter("", "", "", town, "", null, null, null);
        var deep = queries.queue(none, office, null, null, 20_001);
        var deepRow = deep.get(deep.size() - 1);
        OpinionLedger.Filter all = new OpinionLedger.Filter(null, null, null, null, null, null, null);
        OpinionLedger.Filter townFilter = new OpinionLedger.Filter(null, null, null, null, null, null, town);
        var firstInbox = queries.inbox(unit, true, null, 51);
        var inboxCursor = new OpinionQueries.InboxCursor(firstInbox.get(firstInbox.size() - 1).dueAt(),
                firstInbox.get(firstInbox.size() - 1).workOrderId());
        String code = jdbc.sql("select receipt_code from opinion where status = 'HANDLING' and receipt_code like 'P%' limit 1")
                .query(String.class).single();
        long id = jdbc.sql("select id from opinion where receipt_code = :c").param("c", code).query(Long.class).single();

        time("directory: district places", () -> names.places().codesIn(town).size());
        time("directory: handling units", () -> names.handlingUnits().name(unit) == null ? 0 : 1);
        time("queue page 1", () -> queries.queue(none, office, null, null, 51).size());
        time("queue page 400 (keyset)", () -> queries.queue(none, office, deepRow.submittedAt(), deepRow.id(), 51).size());
        time("queue by town", () -> queries.queue(byTown, office, null, null, 51).size());
        time("unit inbox page 1", () -> queries.inbox(unit, true, null, 51).size());
        time("unit inbox page 2", () -> queries.inbox(unit, true, inboxCursor, 51).size());
        time("pending decisions", () -> queries.pendingDecisions().size());
        time("opinion detail+orders", () -> queries.detail(id).orElseThrow().photoCount() + queries.orders(id).size());
        time("public status", () -> queries.publicStatus(code).orElseThrow().reopenCount());
        time("ledger counts", () -> (int) ledger.counts(all).total());
        time("ledger counts by town", () -> (int) ledger.counts(townFilter).total());
        time("ledger stream all", () -> {
            int[] n = {0};
            ledger.stream(all, r -> n[0]++);
            return n[0];
        });
        String codes = String.join("','", names.places().codesIn(town));
        explain("select o.id from opinion o where o.place_code in ('" + codes + "') order by o.submitted_at desc, o.id desc limit 51");
        explain("select o.id from opinion o join region p on p.code = o.place_code where (o.place_code = '" + town
                + "' or p.parent_code = '" + town + "') order by o.submitted_at desc, o.id desc limit 51");
        time("open311 list 1000", () -> opinions.find(new Opinions.Query(null, null, null, "OPEN311", null, null, 1000)).size());
    }

    private void explain(String sql) {
        System.out.println("PROBE plan: " + sql);
        jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list().forEach(l -> System.out.println("PROBE   " + l));
    }

    private static void time(String what, Supplier<Integer> read) {
        int result = read.get();
        read.get();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long a = System.nanoTime();
            read.get();
            ms.add((System.nanoTime() - a) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("PROBE %-26s median %8.1f ms  min %8.1f  max %8.1f  (%d)%n", what, sorted[7], sorted[0],
                sorted[14], result);
    }
}
