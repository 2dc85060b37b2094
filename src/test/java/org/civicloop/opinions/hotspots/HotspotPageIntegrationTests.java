package org.civicloop.opinions.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hot-spot tab read from clusters as the background job leaves them (written here directly, so
 * the page is tested without the language model): people, channels, towns and the trend of the
 * month; a cluster's opinions; the notice and supervision pages filled in from a matter; and the
 * data scope (unit2 never sees unit's opinions in any cluster, nor the page).
 */
@IntegrationTest
class HotspotPageIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpinionService service;
    @Autowired
    DemoFixture demo;
    @Autowired
    HotspotQueries queries;

    private String village(String town) {
        return jdbc.sql("select code from region where parent_code = :t order by code limit 1").param("t", town)
                .query(String.class).single();
    }

    private Opinion submit(String content, String phone, String town) {
        return service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(content)
                .place(village(town), null).voter("市民", phone, null).consent(true).build(), List.of());
    }

    /** A cluster of these opinions, as {@link ClusterAssigner} writes one. */
    private long cluster(Opinion... members) {
        long id = jdbc.sql("""
                        insert into opinion_cluster (district_code, lead_opinion, size, first_at, last_at)
                        select district_code, id, :n, submitted_at, submitted_at from opinion where id = :lead returning id""")
                .param("n", members.length).param("lead", members[0].id()).query(Long.class).single();
        for (Opinion o : members) {
            jdbc.sql("insert into opinion_cluster_member (opinion_id, cluster_id, similarity) values (:o, :c, 0.9)")
                    .param("o", o.id()).param("c", id).update();
        }
        jdbc.sql("""
                update opinion_cluster c set first_at = s.f, last_at = s.l from (select min(o.submitted_at) f, max(o.submitted_at) l
                          from opinion_cluster_member m join opinion o on o.id = m.opinion_id where m.cluster_id = :c) s where c.id = :c""").param("c", id).update();
        return id;
    }

    private static String phone() {
        return "139" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
    }

    @Test
    void theOfficeSeesTheMatterByPeopleChannelsTownsAndTrendAndStartsANoticeFromIt() throws Exception {
        String tag = "热点页面" + System.nanoTime();
        Opinion a = submit(tag + "：翠微小区门口的路灯坏了两个星期，晚上很黑", phone(), "520111101");
        Opinion b = submit(tag + "：翠微小区路灯一直不亮，老人晚上出门不安全", phone(), "520111101");
        Opinion c = submit(tag + "：翠微小区路灯坏了（上月）", phone(), "520111101");
        jdbc.sql("update opinion set submitted_at = :at where id = :id").param("id", c.id())
                .param("at", Timestamp.from(YearMonth.now(ZONE).atDay(1).atStartOfDay(ZONE).minusDays(5).toInstant())).update();
        long id = cluster(a, b, c);

        var month = queries.month(YearMonth.now(ZONE), demo.user("office"));
        var spot = month.hotspots().stream().filter(h -> h.clusterId() == id).findFirst().orElseThrow();
        assertThat(spot.people()).isEqualTo(2);
        assertThat(spot.opinions()).isEqualTo(2);
        assertThat(spot.channels()).isEqualTo(1);
        assertThat(spot.towns()).isEqualTo(1);
        assertThat(spot.townNames()).containsExactly("青岩镇");
        assertThat(spot.peopleLastMonth()).isEqualTo(1);
        assertThat(spot.trend()).isEqualTo("UP");
        assertThat(spot.headReceiptCode()).isEqualTo(a.receiptCode());
        assertThat(month.towns()).anySatisfy(t -> assertThat(t.town()).isEqualTo("青岩镇"));

        Document page = Jsoup.parse(mvc.perform(get("/opinions/hotspots").with(user(demo.user("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#tab-hotspots").hasClass("active")).isTrue();
        var link = page.select("a.hotspot-link[href^=/opinions/hotspots/" + id + "?]");
        assertThat(link).hasSize(1);
        assertThat(link.text()).startsWith(tag);
        assertThat(link.parents().select("li.card").first().text()).contains("2 人反映", "比上月多 1 人", "1 个渠道");
        assertThat(page.select("#by-town").text()).contains("青岩镇");
        // in English, one of a thing is singular
        Document english = Jsoup.parse(mvc.perform(get("/opinions/hotspots").param("lang", "en").with(user(demo.user("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.select("a.hotspot-link[href^=/opinions/hotspots/" + id + "?]").parents().select("li.card").first().text())
                .contains("2 people raised this", "2 opinions", "1 channel", "1 town").doesNotContain("1 channels", "1 towns");

        Document cluster = Jsoup.parse(mvc.perform(get("/opinions/hotspots/" + id).with(user(demo.user("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(cluster.select("#cluster-members").text()).contains(a.receiptCode(), b.receiptCode(), c.receiptCode());
        String notice = cluster.select("#start-notice").attr("href");
        assertThat(notice).startsWith("/suggestions/bulletins?");
        String topic = cluster.select("#propose-topic").attr("href");
        assertThat(topic).startsWith("/supervision/resolutions/new?");

        Document bulletin = Jsoup.parse(mvc.perform(get("/suggestions/bulletins").queryParams(params(notice))
                        .with(user(demo.user("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(bulletin.select("#bulletin-form input[name=title]").val()).contains(tag.substring(0, 4));
        assertThat(bulletin.select("#bulletin-form textarea[name=foreword]").text()).contains("3 人", a.receiptCode());
        Document resolution = Jsoup.parse(mvc.perform(get("/supervision/resolutions/new").queryParams(params(topic))
                        .with(user(demo.user("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(resolution.select("#resolution-form input[name=title]").val()).contains("督办议题");
        assertThat(resolution.select("#resolution-form textarea[name=text]").text()).contains(b.receiptCode());

        // a leader reads the same page, without the office's actions
        Document leader = Jsoup.parse(mvc.perform(get("/opinions/hotspots/" + id).with(user(demo.user("leader"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(leader.select("#cluster-members > li")).hasSize(3);
        assertThat(leader.select("#start-notice")).isEmpty();
    }

    @Test
    void unit2NeverSeesUnitsOpinionsInAnyCluster() throws Exception {
        String tag = "热点数据范围" + System.nanoTime();
        Opinion a = submit(tag + "：锦绣花园小区的下水道堵了", phone(), "520111101");
        Opinion b = submit(tag + "：锦绣花园下水道反复堵塞，污水漫到路上", phone(), "520111101");
        CivicUser office = demo.user("office");
        long housing = demo.unit("花溪区住房和城乡建设局");
        for (Opinion o : List.of(a, b)) {
            service.accept(o.id(), office);
            service.forward(o.id(), housing, "请核实处理", office);
        }
        long id = cluster(a, b);
        YearMonth now = YearMonth.now(ZONE);

        assertThat(queries.month(now, demo.user("unit")).hotspots()).anySatisfy(h -> {
            assertThat(h.clusterId()).isEqualTo(id);
            assertThat(h.people()).isEqualTo(2);
        });
        assertThat(queries.cluster(id, demo.user("unit"))).isPresent();

        CivicUser unit2 = demo.user("unit2");
        assertThat(queries.month(now, unit2).hotspots()).noneSatisfy(h -> assertThat(h.clusterId()).isEqualTo(id));
        assertThat(queries.month(now, unit2).hotspots()).allSatisfy(h ->
                assertThat(queries.cluster(h.clusterId(), unit2).orElseThrow().members())
                        .noneSatisfy(m -> assertThat(m.id()).isIn(a.id(), b.id())));
        assertThat(queries.cluster(id, unit2)).isEmpty();
        mvc.perform(get("/opinions/hotspots").with(user(unit2))).andExpect(status().isForbidden());
        mvc.perform(get("/opinions/hotspots/" + id).with(user(unit2))).andExpect(status().isForbidden());
    }

    @Test
    void aMonthThatIsNoMonthIsRefusedWithAMessage() throws Exception {
        String body = mvc.perform(get("/opinions/hotspots").param("month", "2026-13").with(user(demo.user("office"))))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("月份格式应为");
    }

    private static org.springframework.util.MultiValueMap<String, String> params(String href) {
        return org.springframework.web.util.UriComponentsBuilder.fromUriString(href).build(true).getQueryParams().entrySet()
                .stream().collect(org.springframework.util.LinkedMultiValueMap::new,
                        (m, e) -> e.getValue().forEach(v -> m.add(e.getKey(), URLDecoder.decode(v, StandardCharsets.UTF_8))),
                        org.springframework.util.LinkedMultiValueMap::addAll);
    }
}
