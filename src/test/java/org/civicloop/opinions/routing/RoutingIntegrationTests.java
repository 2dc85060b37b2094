package org.civicloop.opinions.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 智能派单 on the real database: suggestions learn from the office's choices, JSON, history import. */
@IntegrationTest
class RoutingIntegrationTests {

    static final String HOUSING = "花溪区住房和城乡建设局";
    static final String TRANSPORT = "花溪区交通运输局";
    static final String MARKET = "花溪区市场监督管理局";

    @Autowired
    DemoFixture demo;
    @Autowired
    OpinionService service;
    @Autowired
    RoutingSuggestions suggestions;
    @Autowired
    RoutingDecisions decisions;
    @Autowired
    RoutingImport imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private static String nonce() {
        return Long.toString(System.nanoTime() % 1_000_000);
    }

    private RoutingImport.Result importCsv(String csv) {
        return imports.importTable(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private Opinion submitted(String content) {
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        return service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(content)
                .place(village, null).voter("张三", "13800138000", null).consent(true).build(), List.of());
    }

    private long historyCount() {
        return jdbc.sql("select count(*) from routing_history").query(Long.class).single();
    }

    @Test
    void aCorrectionByTheOfficeChangesTheNextSuggestionForANearIdenticalText() {
        String n = nonce();
        String estate = "翠湖名苑" + n + "号院";
        // past ledgers sent this kind of matter to the housing bureau, a year ago
        var imported = importCsv("""
                诉求内容,发生地点,日期,问题类别,承办单位,办理结果
                %1$s门口的共享单车乱停乱放，堵住了人行道，老人推车过不去,青岩镇,%2$s,URBAN,%3$s,已办结
                %1$s门口共享单车乱停乱放，人行道被堵，老人和小孩通行困难,青岩镇,%2$s,URBAN,%3$s,已办结
                %1$s门口共享单车停放混乱，占用人行道，通行不便,青岩镇,%2$s,URBAN,%3$s,已办结
                """.formatted(estate, java.time.LocalDate.now().minusYears(1), HOUSING));
        assertThat(imported.problems()).isEmpty();

        Opinion first = submitted(estate + "门口的共享单车乱停乱放，把人行道堵住了，老人推车过不去，请管一管");
        var before = suggestions.forOpinion(first.id());
        assertThat(before.best()).map(RoutingSuggestions.UnitChoice::unitName).contains(HOUSING);
        assertThat(before.evidence()).hasSize(3).allSatisfy(e -> assertThat(e.unitName()).isEqualTo(HOUSING));

        // the office is shown the suggestion and routes the opinion elsewhere: to the transport bureau, as traffic
        decisions.shown(first.id(), before);
        service.accept(first.id(), demo.user("office"));
        jdbc.sql("update opinion set category = 'TRAFFIC' where id = :id").param("id", first.id()).update();
        service.forward(first.id(), demo.unit(TRANSPORT), null, demo.user("office"));
        var decided = jdbc.sql("select taken_unchanged, chosen_unit_id from routing_suggestion where opinion_id = :id")
                .param("id", first.id()).query().singleRow();
        assertThat(decided).containsEntry("taken_unchanged", false).containsEntry("chosen_unit_id", demo.unit(TRANSPORT));

        // the next near-identical text goes where the office sent the last one
        Opinion next = submitted(estate + "门口的共享单车乱停乱放，人行道都堵住了，老人推车过不去，请管一管");
        var after = suggestions.forOpinion(next.id());
        assertThat(after.best()).map(RoutingSuggestions.UnitChoice::unitName).contains(TRANSPORT);
        assertThat(after.category()).isEqualTo("TRAFFIC");
        assertThat(after.evidence().get(0).opinionId()).isEqualTo(first.id());
    }

    @Test
    void oneClickForwardsAsSuggestedCountsAsTakenUnchangedAndIsAudited() {
        String n = nonce();
        String shop = "农贸市场" + n + "号摊位";
        importCsv("""
                诉求内容,日期,问题类别,承办单位
                %1$s卖的猪肉缺斤短两，秤有问题,%2$s,BUSINESS,%3$s
                %1$s的秤不准，买肉少了二两,%2$s,BUSINESS,%3$s
                """.formatted(shop, java.time.LocalDate.now().minusMonths(2), MARKET));
        Opinion o = submitted(shop + "的秤不准，买的猪肉缺斤短两");
        service.accept(o.id(), demo.user("office"));
        var s = suggestions.forOpinion(o.id());
        assertThat(s.best()).map(RoutingSuggestions.UnitChoice::unitName).contains(MARKET);
        decisions.shown(o.id(), s);
        decisions.accept(o.id(), s.best().orElseThrow().unitId(), s.category(), demo.user("office"));

        var row = jdbc.sql("""
                        select o.status, o.category, w.unit_id, s.taken_unchanged, s.automatic
                        from opinion o join work_order w on w.opinion_id = o.id join routing_suggestion s on s.opinion_id = o.id
                        where o.id = :id""").param("id", o.id()).query().singleRow();
        assertThat(row).containsEntry("status", "HANDLING").containsEntry("category", "BUSINESS")
                .containsEntry("unit_id", demo.unit(MARKET)).containsEntry("taken_unchanged", true)
                .containsEntry("automatic", false);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'routing.accepted' and subject_id = :id")
                .param("id", Long.toString(o.id())).query(Long.class).single()).isEqualTo(1);
        // the office's choice is history now
        assertThat(jdbc.sql("select unit_id from routing_history where source = 'OPINION' and source_id = :id")
                .param("id", o.id()).query(Long.class).single()).isEqualTo(demo.unit(MARKET));
    }

    @Test
    void theRuleRoutesWithNoPersonOnlyWhenEnabledAndEveryTimeIsAudited() {
        String n = nonce();
        String road = "溪北路" + n + "号";
        importCsv("""
                诉求内容,日期,问题类别,承办单位
                %1$s路面塌陷出现大坑，车辆经过很危险,%2$s,TRAFFIC,%3$s
                %1$s路面塌陷有大坑，晚上骑车容易摔倒,%2$s,TRAFFIC,%3$s
                """.formatted(road, java.time.LocalDate.now().minusDays(10), TRANSPORT));
        // off by default: accepted and waiting for a person
        Opinion manual = submitted(road + "路面塌陷出现大坑，车辆经过很危险");
        service.accept(manual.id(), demo.user("office"));
        assertThat(jdbc.sql("select status from opinion where id = :id").param("id", manual.id()).query(String.class).single())
                .isEqualTo("ACCEPTED");
        try {
            decisions.changeRule(true, 0.5, demo.user("office"));
            Opinion auto = submitted(road + "路面塌陷出现大坑，车辆经过太危险");
            service.accept(auto.id(), demo.user("office"));
            // a CI run of 2026-12-07 routed nothing here, once, not seen again in any run on this machine since:
            // the suggestion as it then reads goes into the message
            assertThat(jdbc.sql("select unit_id from work_order where opinion_id = :id").param("id", auto.id())
                    .query(Long.class).optional())
                    .as(() -> "routed with no person; the suggestion now reads " + suggestions.forOpinion(auto.id()))
                    .contains(demo.unit(TRANSPORT));
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'routing.automatic' and subject_id = :id")
                    .param("id", Long.toString(auto.id())).query(Long.class).single()).isEqualTo(1);
        } finally {
            decisions.changeRule(false, 0.9, demo.user("office"));
        }
    }

    @Test
    void theJsonEndpointsAnswerRankedUnitsAndEvidenceForTheOfficeOnly() throws Exception {
        String n = nonce();
        String school = "花溪第" + n + "小学";
        importCsv("""
                诉求内容,日期,问题类别,承办单位
                %1$s门口早晚接送孩子时交通拥堵，希望安排交警疏导,%2$s,TRAFFIC,%3$s
                %1$s放学时门口车辆乱停，交通堵塞,%2$s,TRAFFIC,%3$s
                """.formatted(school, java.time.LocalDate.now().minusDays(30), TRANSPORT));
        Opinion o = submitted(school + "门口放学时交通拥堵，车辆乱停，希望安排疏导");
        mvc.perform(get("/api/opinions/{id}/routing", o.id()).with(httpBasic("office", DemoFixture.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("TRAFFIC"))
                .andExpect(jsonPath("$.units[0].unitId").value(demo.unit(TRANSPORT)))
                .andExpect(jsonPath("$.units[0].unitName").value(TRANSPORT))
                .andExpect(jsonPath("$.units[0].confidence").isNumber())
                .andExpect(jsonPath("$.units[0].band").isString())
                .andExpect(jsonPath("$.evidence[0].id").isNumber())
                .andExpect(jsonPath("$.evidence[0].unitId").value(demo.unit(TRANSPORT)))
                .andExpect(jsonPath("$.evidence[0].category").value("TRAFFIC"));
        String longText = school + "门口放学时交通拥堵。" + "家长的车辆停满了道路两侧，".repeat(1700);
        assertThat(longText.length()).isGreaterThan(20_000);
        mvc.perform(post("/api/opinions/routing").with(httpBasic("office", DemoFixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + longText + "\", \"placeCode\": \"520111101\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units").isArray())
                .andExpect(jsonPath("$.evidence").isArray());
        mvc.perform(post("/api/opinions/routing").with(httpBasic("office", DemoFixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"  \"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/opinions/routing").with(httpBasic("office", DemoFixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"a\\u0000b\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/opinions/{id}/routing", o.id()).with(httpBasic("unit2", DemoFixture.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/opinions/{id}/routing", Long.MAX_VALUE).with(httpBasic("office", DemoFixture.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void oneBadRowAndNothingIsImportedEveryBadRowNamedByLine() {
        long before = historyCount();
        String whole = "很长的来信。".repeat(4000);
        var result = importCsv("""
                诉求内容,发生地点,日期,问题类别,承办单位,办理结果
                %1$s,青岩镇,2024-03-05,URBAN,%2$s,已办结
                路灯不亮,青岩镇,2024-13-45,URBAN,%2$s,已办结
                ,青岩镇,2024-03-05,URBAN,%2$s,
                路灯不亮,青岩镇,2024/3/5,不存在的类别,不存在的单位,
                """.formatted(whole, HOUSING));
        assertThat(result.imported()).isZero();
        assertThat(result.problems()).extracting(RoutingImport.LineProblem::line, RoutingImport.LineProblem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "routing.import.error.date"),
                        org.assertj.core.groups.Tuple.tuple(4, "routing.import.error.text"),
                        org.assertj.core.groups.Tuple.tuple(5, "routing.import.error.category"),
                        org.assertj.core.groups.Tuple.tuple(5, "routing.import.error.unit"));
        assertThat(historyCount()).isEqualTo(before);

        // the good row alone goes in, its text whole, into the history and not into the opinion queue
        long opinions = jdbc.sql("select count(*) from opinion").query(Long.class).single();
        var ok = importCsv("""
                诉求内容,发生地点,日期,问题类别,承办单位,办理结果
                "%1$s",青岩镇,2024-03-05 09:30,城乡建设与住房,%2$s,已办结
                """.formatted(whole, HOUSING));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.imported()).isEqualTo(1);
        assertThat(historyCount()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single()).isEqualTo(opinions);
        var row = jdbc.sql("select text, place_code, category, outcome from routing_history order by id desc limit 1")
                .query().singleRow();
        assertThat((String) row.get("text")).hasSize(whole.length()).isEqualTo(whole);
        assertThat(row).containsEntry("place_code", "520111101").containsEntry("category", "URBAN").containsEntry("outcome", "已办结");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'routing.imported'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        var result = importCsv("""
                内容,地点
                路灯不亮,青岩镇
                """);
        assertThat(result.imported()).isZero();
        assertThat(result.problems()).extracting(RoutingImport.LineProblem::messageKey).containsExactly("routing.import.error.columns");
    }
}
