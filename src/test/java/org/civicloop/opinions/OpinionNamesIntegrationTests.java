package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionLedger;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Place and unit names on the opinion pages come from the organisation module's directory, not
 * from SQL joins to its tables (see {@code OpinionsSqlBoundaryTests}): every list and page still
 * names the village, its town and the handling unit, and a filter by town still finds the town's
 * own opinions and its villages'.
 */
@IntegrationTest
class OpinionNamesIntegrationTests {

    private static final String HOUSING = "花溪区住房和城乡建设局";

    @Autowired
    OpinionService service;
    @Autowired
    OpinionQueries queries;
    @Autowired
    OpinionLedger ledger;
    @Autowired
    Opinions opinions;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    OpinionFixtures f;
    String village;
    String villageName;

    @BeforeEach
    void setUp() {
        f = new OpinionFixtures(service, users, jdbc);
        village = f.anyVillageOf(OpinionFixtures.QINGYAN);
        villageName = jdbc.sql("select name from region where code = :c").param("c", village).query(String.class).single();
    }

    @Test
    void listsAndPagesNameThePlaceItsTownAndTheUnit() {
        String marker = "名称测试" + System.nanoTime();
        Opinion inVillage = f.submitted(marker + " 村里的路灯坏了");
        long order = f.forwardedToHousing(inVillage);
        Opinion atTown = service.submit(SubmitOpinion.fromPartner(Channel.OPEN311, "names:" + marker, "127.0.0.1")
                .category("URBAN").content(marker + " 镇上的菜市场排水不畅").place(OpinionFixtures.QINGYAN, null).build(), List.of());

        var filter = new OpinionQueries.QueueFilter("", "", "", OpinionFixtures.QINGYAN, marker, null, null, null);
        List<OpinionQueries.QueueRow> rows = queries.queue(filter, f.user("office"), null, null, 10);
        assertThat(rows).extracting(OpinionQueries.QueueRow::id).containsExactly(atTown.id(), inVillage.id());
        assertThat(rows).extracting(OpinionQueries.QueueRow::placeName, OpinionQueries.QueueRow::townName,
                        OpinionQueries.QueueRow::unitName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("青岩镇", null, null),
                        org.assertj.core.groups.Tuple.tuple(villageName, "青岩镇", HOUSING));
        // another town's filter finds neither
        var elsewhere = new OpinionQueries.QueueFilter("", "", "", "520111102", marker, null, null, null);
        assertThat(queries.queue(elsewhere, f.user("office"), null, null, 10)).isEmpty();

        var detail = queries.detail(inVillage.id()).orElseThrow();
        assertThat(detail.placeName()).isEqualTo(villageName);
        assertThat(detail.townName()).isEqualTo("青岩镇");
        assertThat(queries.orders(inVillage.id())).extracting(OpinionQueries.OrderRow::unitName).containsExactly(HOUSING);
        var status = queries.publicStatus(inVillage.receiptCode()).orElseThrow();
        assertThat(status.placeName()).isEqualTo(villageName);
        assertThat(status.townName()).isEqualTo("青岩镇");
        assertThat(status.handlingUnit()).isEqualTo(HOUSING);
        assertThat(queries.inbox(f.unitId(HOUSING), true, null, 1000)).filteredOn(r -> r.workOrderId() == order)
                .extracting(OpinionQueries.InboxRow::placeName).containsExactly(villageName);

        // 乡镇（街道） and 村（社区） in the ledger's export: a village's town and the village; a town and nothing
        java.util.Map<String, String> ledgerPlaces = new java.util.HashMap<>();
        ledger.stream(new OpinionLedger.Filter(null, null, null, null, null, null, OpinionFixtures.QINGYAN),
                r -> ledgerPlaces.put(r.receiptCode(), r.town() + "|" + r.place() + "|" + r.unit()));
        assertThat(ledgerPlaces.get(inVillage.receiptCode())).isEqualTo("青岩镇|" + villageName + "|" + HOUSING);
        assertThat(ledgerPlaces.get(atTown.receiptCode())).isEqualTo("青岩镇|null|null");

        var view = opinions.find(atTown.id()).orElseThrow();
        assertThat(view.placeName()).isEqualTo("青岩镇");
        assertThat(view.handlingUnit()).isNull();
        assertThat(opinions.find(inVillage.id()).orElseThrow().handlingUnit()).isEqualTo(HOUSING);
    }

    @Test
    void theLedgerCountsByUnitNameAndFiltersByTown() {
        var all = new OpinionLedger.Filter(null, null, null, null, null, null, null);
        long housing = jdbc.sql("""
                        select count(*) from opinion o where (select w.unit_id from work_order w where w.opinion_id = o.id
                         order by w.round desc, w.id desc limit 1) = :u""")
                .param("u", f.unitId(HOUSING)).query(Long.class).single();
        f.forwardedToHousing(f.submitted("台账按单位计数的意见，路面坑洼"));

        var byUnit = ledger.counts(all).byUnit();
        assertThat(byUnit).filteredOn(c -> c.key().equals(HOUSING)).extracting(OpinionLedger.Count::total)
                .containsExactly(housing + 1);
        assertThat(byUnit).extracting(OpinionLedger.Count::total).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(byUnit.stream().mapToLong(OpinionLedger.Count::total).sum()).isEqualTo(ledger.counts(all).total());

        long inQingyan = jdbc.sql("""
                        select count(*) from opinion o where o.place_code = :t
                            or o.place_code in (select code from region where parent_code = :t)""")
                .param("t", OpinionFixtures.QINGYAN).query(Long.class).single();
        var qingyan = new OpinionLedger.Filter(null, null, null, null, null, null, OpinionFixtures.QINGYAN);
        assertThat(ledger.counts(qingyan).total()).isEqualTo(inQingyan).isPositive();
    }
}
