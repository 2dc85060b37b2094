package org.civicloop.opinions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's maintained counts (V174, {@link OpinionTally}) against the opinions themselves, on the real
 * database: figures worked out by hand for three opinions in 2002 (a year no other test writes), the same
 * figures before and after the background run takes the changes in, a run rolled back half-way, and the
 * month of an opinion sent late on 31 March UTC, which is 1 April in Guiyang.
 */
@IntegrationTest
class OpinionTallyIntegrationTests {

    private static final LocalDate JAN_1 = LocalDate.of(2002, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2002, 12, 31);

    @Autowired
    OpinionService service;
    @Autowired
    OpinionLedger ledger;
    @Autowired
    OpinionTally tally;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;

    DemoFixture demo;
    Opinion march;
    Opinion firstOfApril;
    Opinion april;
    long firstUnit;
    long secondUnit;

    @BeforeEach
    void threeOpinionsIn2002() {
        demo = new DemoFixture(jdbc, users);
        // each test starts from none in 2002: an earlier test's are moved to 2012, a year no test reads (before
        // 2002 is another test's, TwoNodesIntegrationTests)
        jdbc.sql("update opinion set submitted_at = submitted_at + interval '10 years' where submitted_at >= '2002-01-01' and submitted_at < '2003-01-01'")
                .update();
        // units of this test's own, with no accounts: a work order sent to them notifies nobody (a notice to the
        // demo unit's clerk would link to an opinion this test then takes away from that unit)
        firstUnit = unit("台账计数甲局");
        secondUnit = unit("台账计数乙局");
        march = submitted("URBAN", "2002-03-10T02:00:00Z");
        firstOfApril = submitted("TRAFFIC", "2002-03-31T17:00:00Z"); // 2002-04-01 01:00 in Asia/Shanghai
        april = submitted("URBAN", "2002-04-20T02:00:00Z");
        CivicUser office = demo.user("office");
        service.accept(march.id(), office);
        service.forward(march.id(), firstUnit, "请核实处理", office, Instant.parse("2002-03-11T02:00:00Z"));
    }

    private long unit(String name) {
        return jdbc.sql("""
                        insert into org_unit (name, kind, region_code, handles_items)
                        values (:n, 'GOVERNMENT_DEPARTMENT', '520111', true) returning id""")
                .param("n", name + System.nanoTime()).query(Long.class).single();
    }

    private String unitName(long id) {
        return jdbc.sql("select name from org_unit where id = :id").param("id", id).query(String.class).single();
    }

    private Opinion submitted(String category, String at) {
        return service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category(category)
                .content("台账计数测试：" + category + at).place("520111101", null).build(), List.of(), Instant.parse(at));
    }

    private OpinionLedger.Counts year() {
        return ledger.counts(dates(JAN_1, DEC_31));
    }

    private static OpinionLedger.Filter dates(LocalDate from, LocalDate to) {
        return new OpinionLedger.Filter(from, to, "", "", "", null, "");
    }

    private static List<String> keysAndTotals(List<OpinionLedger.Count> counts) {
        return counts.stream().map(c -> c.key() + "=" + c.total() + "/" + c.closed() + "/" + c.satisfied() + "/" + c.rated()).toList();
    }

    @Test
    void countsAreExactBeforeAndAfterTheBackgroundRunTakesTheChangesIn() {
        for (int pass = 0; pass < 2; pass++) {
            OpinionLedger.Counts c = year();
            assertThat(c.total()).isEqualTo(3);
            assertThat(keysAndTotals(c.byMonth())).containsExactly("2002-03=1/0/0/0", "2002-04=2/0/0/0");
            assertThat(keysAndTotals(c.byCategory())).containsExactly("URBAN=2/0/0/0", "TRAFFIC=1/0/0/0");
            assertThat(keysAndTotals(c.byChannel())).containsExactly("ONLINE=3/0/0/0");
            assertThat(c.byUnit()).extracting(OpinionLedger.Count::key, OpinionLedger.Count::total)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("", 2L),
                            org.assertj.core.groups.Tuple.tuple(unitName(firstUnit), 1L));
            assertThat(c).isEqualTo(ledger.scan(dates(JAN_1, DEC_31)));
            tally.catchUp();
            assertThat(queued(march.id())).isZero();
        }

        // closed and rated, and sent to another unit: a change the counts have not taken in yet …
        jdbc.sql("update opinion set status = 'CLOSED', rating = 'SATISFIED' where id = :id").param("id", firstOfApril.id()).update();
        jdbc.sql("update opinion set status = 'CLOSED', rating = 'DISSATISFIED' where id = :id").param("id", april.id()).update();
        jdbc.sql("update work_order set unit_id = :u where opinion_id = :id")
                .param("u", secondUnit).param("id", march.id()).update();
        assertThat(queued(firstOfApril.id())).isOne();
        for (int pass = 0; pass < 2; pass++) { // … and once it has
            OpinionLedger.Counts c = year();
            assertThat(keysAndTotals(c.byMonth())).containsExactly("2002-03=1/0/0/0", "2002-04=2/2/1/2");
            assertThat(keysAndTotals(c.byCategory())).containsExactly("URBAN=2/1/0/1", "TRAFFIC=1/1/1/1");
            assertThat(c.byUnit()).extracting(OpinionLedger.Count::key, OpinionLedger.Count::total)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("", 2L),
                            org.assertj.core.groups.Tuple.tuple(unitName(secondUnit), 1L));
            assertThat(c).isEqualTo(ledger.scan(dates(JAN_1, DEC_31)));
            tally.catchUp();
        }
        assertThat(jdbc.sql("select unit_id from opinion_tallied where opinion_id = :id").param("id", march.id())
                .query(Long.class).single()).isEqualTo(secondUnit);
    }

    @Test
    void partialMonthsAreCountedFromTheOpinionsThemselves() {
        tally.catchUp();
        // 15 March – 10 April: the opinion of 1 April only
        assertThat(ledger.counts(dates(LocalDate.of(2002, 3, 15), LocalDate.of(2002, 4, 10))).total()).isOne();
        // the whole of April, whole months only
        assertThat(ledger.counts(dates(LocalDate.of(2002, 4, 1), LocalDate.of(2002, 4, 30))).total()).isEqualTo(2);
        // one day in March, both ends inside the month
        assertThat(ledger.counts(dates(LocalDate.of(2002, 3, 10), LocalDate.of(2002, 3, 10))).total()).isOne();
        // from a day in March, open-ended; until a day in April, open at the start (and whatever other tests stored)
        assertThat(ledger.counts(dates(LocalDate.of(2002, 3, 11), DEC_31)).total()).isEqualTo(2);
        var untilApril2 = dates(null, LocalDate.of(2002, 4, 2));
        assertThat(ledger.counts(untilApril2)).isEqualTo(ledger.scan(untilApril2));
        var fromMarch11 = dates(LocalDate.of(2002, 3, 11), null);
        assertThat(ledger.counts(fromMarch11)).isEqualTo(ledger.scan(fromMarch11));
        var all = dates(null, null);
        assertThat(ledger.counts(all)).isEqualTo(ledger.scan(all));
    }

    @Test
    void aRunRolledBackHalfWayLosesNothingAndAChangeOutsideTheCountsQueuesNothing() {
        tally.catchUp();
        jdbc.sql("update opinion set status = 'CLOSED' where id = :id").param("id", march.id()).update();
        tx.executeWithoutResult(s -> {
            assertThat(tally.runOnce(1_000)).isPositive();
            s.setRollbackOnly(); // as if killed before its commit
        });
        assertThat(queued(march.id())).isOne();
        assertThat(keysAndTotals(year().byMonth())).containsExactly("2002-03=1/1/0/0", "2002-04=2/0/0/0");
        tally.catchUp();
        assertThat(keysAndTotals(year().byMonth())).containsExactly("2002-03=1/1/0/0", "2002-04=2/0/0/0");

        jdbc.sql("update opinion set place_detail = '路口东侧' where id = :id").param("id", march.id()).update();
        assertThat(queued(march.id())).isZero();
    }

    @Test
    void aRebuildCountsEveryOpinionAgainAndTakesTheQueue() {
        tally.catchUp();
        jdbc.sql("update opinion set status = 'CLOSED', rating = 'SATISFIED' where id = :id").param("id", april.id()).update();
        assertThat(queued(april.id())).isOne();
        // what the background run does with more than REBUILD_ABOVE changes waiting (a generation, a large import)
        assertThat(tally.rebuild()).isPositive();
        assertThat(queued(april.id())).isZero();
        assertThat(keysAndTotals(year().byMonth())).containsExactly("2002-03=1/0/0/0", "2002-04=2/1/1/1");
        var all = dates(null, null);
        assertThat(ledger.counts(all)).isEqualTo(ledger.scan(all));
        assertThat(jdbc.sql("select count(*) from opinion_tallied").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from opinion").query(Long.class).single());
    }

    @Test
    void theLedgerPageListsTheFiftyMostCountedUnitsAndSumsTheRest() throws Exception {
        // July 2002: 52 units of our own, the first with three opinions, the next 49 with two, the last two with one
        List<Long> units = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 52; i++) {
                units.add(jdbc.sql("""
                                insert into org_unit (name, kind, region_code, handles_items)
                                values (:n, 'GOVERNMENT_DEPARTMENT', '520111', true) returning id""")
                        .param("n", String.format("台账单位%02d-%d", i, System.nanoTime())).query(Long.class).single());
                int opinions = i == 0 ? 3 : i < 50 ? 2 : 1;
                for (int k = 0; k < opinions; k++) {
                    Opinion o = submitted("URBAN", String.format("2002-07-%02dT02:00:00Z", 1 + k));
                    jdbc.sql("""
                                    insert into work_order (opinion_id, unit_id, round, status, assigned_at, assigned_by)
                                    values (:o, :u, 1, 'SIGNED', timestamptz '2002-07-10 10:00+08', 'office')""")
                            .param("o", o.id()).param("u", units.get(i)).update();
                }
            }
            String page = mvc.perform(get("/opinions/ledger").param("from", "2002-07-01").param("to", "2002-07-31")
                            .with(user(demo.user("office"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            org.jsoup.nodes.Element table = org.jsoup.Jsoup.parse(page).getElementById("by-unit");
            var rows = table.select("tbody tr");
            assertThat(rows).hasSize(51);
            assertThat(rows.get(0).select("td").get(1).text()).isEqualTo("3");
            assertThat(rows.get(49).select("td").get(1).text()).isEqualTo("2");
            assertThat(rows.get(50).id()).isEqualTo("by-unit-others");
            assertThat(rows.get(50).select("td").eachText()).containsExactly("其余 2 个单位合计", "2", "0", "—");
            assertThat(org.jsoup.Jsoup.parse(page).getElementById("ledger-total").text()).isEqualTo("符合条件的意见共 103 条");
            // months as Chinese writes them: 2002年7月, not 2002年07月
            assertThat(org.jsoup.Jsoup.parse(page).select("#by-month tbody td").eachText()).startsWith("2002年7月", "103");
        } finally {
            jdbc.sql("delete from work_order where unit_id in (:u)").param("u", units).update();
            jdbc.sql("delete from org_unit where id in (:u)").param("u", units).update();
        }
    }

    private long queued(long opinionId) {
        return jdbc.sql("select count(*) from opinion_tally_change where opinion_id = :id").param("id", opinionId)
                .query(Long.class).single();
    }
}
