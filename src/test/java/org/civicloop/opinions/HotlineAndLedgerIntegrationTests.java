package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.opinions.domain.HotlineImport;
import org.civicloop.shared.spreadsheet.Column;
import org.civicloop.shared.spreadsheet.Row;
import org.civicloop.shared.spreadsheet.StreamingWorkbookWriter;
import org.civicloop.shared.spreadsheet.Table;
import org.civicloop.shared.spreadsheet.TableReader;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class HotlineAndLedgerIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HotlineImport hotline;

    private static String ticket(String suffix) {
        return "GY" + System.nanoTime() % 100_000_000 + suffix;
    }

    private HotlineImport.Result importCsv(String csv) {
        return hotline.importTable(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aGoodHotlineFileGoesIntoTheQueueWithItsTicketNumbers() {
        String a = ticket("A");
        String b = ticket("B");
        HotlineImport.Result result = importCsv("""
                工单编号,诉求内容,诉求类别,发生地点,联系人,联系电话
                %s,"小区路灯不亮，晚上很黑,希望尽快维修",城乡建设与住房,青岩镇,王五,13700001111
                %s,公交站牌信息过时,TRAFFIC,520111004,,
                """.formatted(a, b));
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(2);
        var row = jdbc.sql("select channel, status, category, place_code, content, voter_phone from opinion where external_ref = :t")
                .param("t", a).query().singleRow();
        assertThat(row).containsEntry("channel", "HOTLINE").containsEntry("status", "SUBMITTED")
                .containsEntry("category", "URBAN").containsEntry("place_code", "520111101")
                .containsEntry("content", "小区路灯不亮，晚上很黑,希望尽快维修").containsEntry("voter_phone", "13700001111");
    }

    @Test
    void oneBadRowAndNothingIsImportedAndEveryProblemNamesItsLine() {
        String good = ticket("G");
        long before = jdbc.sql("select count(*) from opinion").query(Long.class).single();
        HotlineImport.Result result = importCsv("""
                工单编号,诉求内容,诉求类别,发生地点
                %s,一条正常的诉求内容,ENVIRONMENT,青岩镇
                %s,同一编号又出现一次,ENVIRONMENT,青岩镇
                ,没有编号的诉求,不存在的类别,火星
                """.formatted(good, good));
        assertThat(result.imported()).isZero();
        assertThat(result.problems()).extracting(HotlineImport.LineProblem::line, HotlineImport.LineProblem::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple(3, "hotline.error.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(4, "hotline.error.ticket"),
                        org.assertj.core.groups.Tuple.tuple(4, "hotline.error.category"),
                        org.assertj.core.groups.Tuple.tuple(4, "hotline.error.place"));
        assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theSameTicketCannotBeImportedTwice() {
        String t = ticket("T");
        assertThat(importCsv("工单编号,诉求内容,诉求类别,发生地点\n" + t + ",第一次导入的诉求,OTHER,青岩镇\n").imported()).isEqualTo(1);
        HotlineImport.Result again = importCsv("工单编号,诉求内容,诉求类别,发生地点\n" + t + ",第一次导入的诉求,OTHER,青岩镇\n");
        assertThat(again.imported()).isZero();
        assertThat(again.problems()).extracting(HotlineImport.LineProblem::messageKey).containsExactly("hotline.error.duplicate");
    }

    @Test
    void anExcelFileIsImportedThroughThePage() throws Exception {
        String t = ticket("X");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (var sheet = StreamingWorkbookWriter.builder(List.of(Column.text("工单编号"), Column.text("诉求内容"),
                Column.text("诉求类别"), Column.text("发生地点"))).open(xlsx)) {
            sheet.row(t, "Excel 导入的诉求：河道有人倾倒建筑垃圾", "生态环境", "青岩镇");
            sheet.finish();
        }
        mvc.perform(multipart("/opinions/import").file(new MockMultipartFile("file", "12345.xlsx",
                        "application/octet-stream", xlsx.toByteArray())).with(csrf()).with(user(demo.user("office"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("result"));
        assertThat(jdbc.sql("select count(*) from opinion where external_ref = :t").param("t", t).query(Long.class).single())
                .isEqualTo(1);
        mvc.perform(get("/opinions/import").with(user(demo.user("unit")))).andExpect(status().isForbidden());
    }

    @Test
    void theLedgerCountsAndTheExportHoldsExactlyTheFilteredRows() throws Exception {
        String a = ticket("L1");
        String b = ticket("L2");
        importCsv("工单编号,诉求内容,诉求类别,发生地点\n" + a + ",台账测试一,HEALTH,高坡苗族乡\n" + b + ",台账测试二,HEALTH,高坡苗族乡\n");
        mvc.perform(get("/opinions/ledger").param("channel", "HOTLINE").with(user(demo.user("office"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("民意台账")))
                .andExpect(content().string(containsString("12345 热线")));
        mvc.perform(get("/opinions/ledger").with(user(demo.user("unit")))).andExpect(status().isForbidden());

        MvcResult started = mvc.perform(get("/opinions/ledger.xlsx").param("channel", "HOTLINE").param("town", "520111207")
                        .with(user(demo.user("office"))))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult done = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn();
        long expected = jdbc.sql("""
                        select count(*) from opinion o join region p on p.code = o.place_code
                        where o.channel = 'HOTLINE' and (o.place_code = '520111207' or p.parent_code = '520111207')""")
                .query(Long.class).single();
        Set<String> codes = new HashSet<>();
        List<String> channels = new ArrayList<>();
        java.util.Map<String, String> placeByCode = new java.util.HashMap<>();
        try (Table table = TableReader.withLimits(10_000, 10_000_000).skipRows(1)
                .open(new ByteArrayInputStream(done.getResponse().getContentAsByteArray()))) {
            assertThat(table.header()).startsWith("回执码", "提交时间", "来源", "类别");
            for (Row row = table.next(); row != null; row = table.next()) {
                codes.add(row.get("回执码"));
                channels.add(row.get("来源"));
                placeByCode.put(row.get("回执码"), row.get("乡镇（街道）") + "|" + row.get("村（社区）"));
            }
        }
        assertThat(codes).hasSize((int) expected);
        assertThat(channels).containsOnly("12345 热线");
        List<String> ours = jdbc.sql("select receipt_code from opinion where external_ref in (:t)").param("t", List.of(a, b))
                .query(String.class).list();
        assertThat(codes).containsAll(ours);
        // Both were placed at the township itself: it is their town, and no village is named.
        assertThat(ours).extracting(placeByCode::get).containsExactly("高坡苗族乡|", "高坡苗族乡|");
    }

    @Autowired
    org.civicloop.opinions.domain.OpinionService opinions;
    @Autowired
    org.civicloop.opinions.domain.OpinionLedger ledger;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /**
     * An opinion sent to the housing bureau, returned by it and sent on to the transport bureau is the transport
     * bureau's in the ledger: in its line of the count by unit, in its filtered total and export, under its name in
     * the export's unit column; not the housing bureau's. (The unit filter took any unit that ever had a work order of
     * the opinion: the housing bureau's filtered total was one more than its line, and its export listed a row whose
     * unit column said 花溪区交通运输局.)
     */
    @Test
    void theUnitFilterTakesTheOpinionsTheLedgerNamesThatUnitFor() throws Exception {
        OpinionFixtures f = new OpinionFixtures(opinions, users, jdbc);
        var o = f.submitted("台账单位筛选测试：路口红绿灯时长不合理" + System.nanoTime());
        long housing = f.unitId("花溪区住房和城乡建设局");
        long transport = f.unitId("花溪区交通运输局");
        long order = f.forwardedToHousing(o);
        opinions.requestReturn(order, "属于交通管理职责", f.user("unit"));
        opinions.decideReturn(order, true, f.user("office"));
        opinions.forward(o.id(), transport, null, f.user("office"));

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var all = ledger.counts(new org.civicloop.opinions.domain.OpinionLedger.Filter(today, today, "", "", "", null, ""));
        for (long unit : List.of(housing, transport)) {
            String name = unit == housing ? "花溪区住房和城乡建设局" : "花溪区交通运输局";
            long line = all.byUnit().stream().filter(c -> c.key().equals(name)).mapToLong(c -> c.total()).sum();
            var filtered = ledger.counts(new org.civicloop.opinions.domain.OpinionLedger.Filter(today, today, "", "", "", unit, ""));
            assertThat(filtered.total()).as(name + ": filtered total = its line in the count by unit").isEqualTo(line);

            MvcResult started = mvc.perform(get("/opinions/ledger.xlsx").param("from", today.toString()).param("to", today.toString())
                    .param("unitId", Long.toString(unit)).with(user(demo.user("office")))).andExpect(request().asyncStarted()).andReturn();
            byte[] xlsx = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            Set<String> codes = new HashSet<>();
            Set<String> units = new HashSet<>();
            try (Table table = TableReader.withLimits(10_000, 10_000_000).skipRows(1).open(new ByteArrayInputStream(xlsx))) {
                for (Row row = table.next(); row != null; row = table.next()) {
                    codes.add(row.get("回执码"));
                    units.add(row.get("承办单位"));
                }
            }
            assertThat(codes).as(name + ": export rows = filtered total").hasSize((int) filtered.total());
            if (!codes.isEmpty()) {
                assertThat(units).as(name + ": every exported row is that unit's").containsOnly(name);
            }
            if (unit == housing) {
                assertThat(codes).doesNotContain(o.receiptCode());
            } else {
                assertThat(codes).contains(o.receiptCode());
            }
        }
    }
}
