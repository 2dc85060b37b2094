package org.civicloop.liaison.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicloop.liaison.LiaisonEvents.DisputeClosed;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterConfirmed;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterOpened;
import org.civicloop.liaison.LiaisonEvents.OpinionHeardAtSite;
import org.civicloop.liaison.LiaisonEvents.ReceptionHeld;
import org.civicloop.liaison.LiaisonEvents.SiteActivityHeld;
import org.civicloop.liaison.figures.NetworkFigures.Counts;
import org.civicloop.liaison.figures.NetworkFigures.MonthFigures;
import org.civicloop.liaison.figures.NetworkFigures.Period;
import org.civicloop.liaison.figures.NetworkFigures.SiteFigures;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The network's figures against a fixture computed by hand. The events are published here, in
 * transactions, as the receptions, opinions and matters modules will publish them; the fixture lives in
 * 2031 (no other test counts anything then) with subject ids from 931 000 001 up, at three demo sites:
 * A = 青岩镇人大代表联络站, B = 小孟工业园区功能型代表联络室, C = 乡村振兴专业代表之家.
 *
 * <pre>
 * receptions            site  day          visitors
 *   931000001           A     2031-03-04   120
 *   931000002 (流动)     A     2031-03-18   310
 *   931000003           A     2031-04-01    95
 *   931000004           B     2031-03-07    42
 *   931000005           B     2031-05-09    58
 *   931000006           C     2031-04-10   200
 *   931000007           C     2032-01-05   999   (next year: not in 2031)
 *   931000008           A     2030-12-31    77   (last year: not in 2031)
 * opinions: 931000001 at A 2031-03-04 10:00 Beijing time (March); 931000002 at A 2031-03-31T16:30Z,
 *   which is 2031-04-01 00:30 in Beijing (April); 931000003 at B 2031-05-09 (May)
 * matters at B: 931000001 opened 03-10, confirmed solved 04-20; 931000002 opened 04-02, not confirmed
 * disputes at B: 931000001 closed 05-15 with an agreement; 931000002 closed 05-20 without
 * activity at C: 931000001 on 04-10, 300 visitors, 12 000 yuan
 * </pre>
 */
@IntegrationTest
class NetworkFiguresIntegrationTests {

    static final int YEAR = 2031;
    static final long BASE = 931_000_000L;

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NetworkFigures figures;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    long a;
    long b;
    long c;

    /** Published before every test: the fixture is delivered again and again, and must count once. */
    @BeforeEach
    void fixture() {
        a = siteId("青岩镇人大代表联络站");
        b = siteId("小孟工业园区功能型代表联络室");
        c = siteId("乡村振兴专业代表之家");
        publish(reception(1, a, "2031-03-04", false, 120),
                reception(2, a, "2031-03-18", true, 310),
                reception(3, a, "2031-04-01", false, 95),
                reception(4, b, "2031-03-07", false, 42),
                reception(5, b, "2031-05-09", false, 58),
                reception(6, c, "2031-04-10", false, 200),
                reception(7, c, "2032-01-05", false, 999),
                reception(8, a, "2030-12-31", false, 77),
                new OpinionHeardAtSite(BASE + 1, a, BASE + 1, Instant.parse("2031-03-04T02:00:00Z")),
                new OpinionHeardAtSite(BASE + 2, a, null, Instant.parse("2031-03-31T16:30:00Z")),
                new OpinionHeardAtSite(BASE + 3, b, BASE + 5, Instant.parse("2031-05-09T03:00:00Z")),
                new EnterpriseMatterOpened(BASE + 1, b, LocalDate.parse("2031-03-10"), 1L, List.of()),
                new EnterpriseMatterOpened(BASE + 2, b, LocalDate.parse("2031-04-02"), 1L, List.of()),
                new EnterpriseMatterConfirmed(BASE + 1, b, LocalDate.parse("2031-04-20"), true, List.of()),
                new DisputeClosed(BASE + 1, b, LocalDate.parse("2031-05-15"), true, List.of()),
                new DisputeClosed(BASE + 2, b, LocalDate.parse("2031-05-20"), false, List.of()),
                new SiteActivityHeld(BASE + 1, c, LocalDate.parse("2031-04-10"), "乡村旅游周末", 300, 12_000L, List.of()));
    }

    @Test
    void visitorTotalsPerSiteMonthAndNetworkMatchTheFixtureComputedByHand() {
        Period year = new Period(YEAR, null);
        // per site: A = 120 + 310 + 95 = 525; B = 42 + 58 = 100; C = 200 (the 999 of 2032 and the 77 of 2030 are out)
        assertThat(visitors(figures.sites(year))).containsEntry(a, 525L).containsEntry(b, 100L).containsEntry(c, 200L);
        // per month: March = 120 + 310 + 42 = 472; April = 95 + 200 = 295; May = 58; every other month 0
        List<MonthFigures> months = figures.months(YEAR);
        assertThat(months).hasSize(12);
        assertThat(months.stream().map(m -> m.counts().visitors()).toList())
                .containsExactly(0L, 0L, 472L, 295L, 58L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        // the network: 525 + 100 + 200 = 825 = 472 + 295 + 58; six receptions, one of them mobile
        Counts network = figures.network(year);
        assertThat(network.visitors()).isEqualTo(825);
        assertThat(network.receptions()).isEqualTo(6);
        assertThat(network.mobileReceptions()).isEqualTo(1);
        // opinions: one each in March, April (00:30 Beijing time on 1 April) and May
        assertThat(months.stream().map(m -> m.counts().opinions()).toList())
                .containsExactly(0L, 0L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        // B: 2 matters taken up, 1 confirmed solved; 2 disputes closed, 1 with an agreement. C: 1 activity, 300 visitors, 12 000 yuan
        Counts park = site(figures.sites(year), b).counts();
        assertThat(List.of(park.mattersOpened(), park.mattersSolved(), park.disputesClosed(), park.disputesAgreed()))
                .containsExactly(2L, 1L, 2L, 1L);
        Counts home = site(figures.sites(year), c).counts();
        assertThat(List.of(home.activities(), home.activityVisitors(), home.incomeYuan())).containsExactly(1L, 300L, 12_000L);
        // March alone: A = 120 + 310 = 430, B = 42, C = 0; the network 472
        Period march = new Period(YEAR, 3);
        assertThat(visitors(figures.sites(march))).containsEntry(a, 430L).containsEntry(b, 42L).containsEntry(c, 0L);
        assertThat(figures.network(march).visitors()).isEqualTo(472);
        // 2032: only the 999 at C
        assertThat(figures.network(new Period(2032, null)).visitors()).isEqualTo(999);
    }

    @Test
    void theSameEventTwiceCountsOnceAndARolledBackReceptionNotAtAll() {
        publish(reception(1, a, "2031-03-04", false, 120), reception(1, a, "2031-03-04", false, 120),
                new OpinionHeardAtSite(BASE + 1, a, BASE + 1, Instant.parse("2031-03-04T02:00:00Z")),
                new DisputeClosed(BASE + 1, b, LocalDate.parse("2031-05-15"), true, List.of()));
        // a replay that somehow carries another count still does not add a second reception
        publish(reception(1, a, "2031-03-04", false, 5_000));
        tx.executeWithoutResult(status -> {
            events.publishEvent(reception(9, a, "2031-03-05", false, 4_000));
            status.setRollbackOnly();
        });
        demo.recordsSettled();
        assertThat(jdbc.sql("select count(*) from liaison_site_fact where kind = 'RECEPTION' and subject_id = :id")
                .param("id", BASE + 1).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from liaison_site_fact where subject_id = :id")
                .param("id", BASE + 9).query(Long.class).single()).as("rolled back").isZero();
        Period year = new Period(YEAR, null);
        assertThat(visitors(figures.sites(year))).containsEntry(a, 525L);
        assertThat(figures.network(year).visitors()).isEqualTo(825);
        assertThat(figures.network(year).opinions()).isEqualTo(3);
        assertThat(figures.network(year).disputesClosed()).isEqualTo(2);
    }

    @Test
    void theFiguresPageShowsTheHandComputedTotalsToTheOfficeAndTheLeaders() throws Exception {
        for (String who : List.of("office", "leader", "admin")) {
            Document page = page("/liaison/figures?year=2031", who);
            assertThat(page.select("#total-visitors").text()).as(who).isEqualTo("825");
            assertThat(page.select("#total-receptions").text()).isEqualTo("6");
            assertThat(page.select("#site-" + a + " .site-visitors").text()).isEqualTo("525");
            assertThat(page.select("#site-" + b + " .site-visitors").text()).isEqualTo("100");
            assertThat(page.select("#month-3 .month-visitors").text()).isEqualTo("472");
            assertThat(page.select("#month-4 .month-visitors").text()).isEqualTo("295");
            // the 青岩镇 row: A (525) and C (200) are both in 青岩镇 (C at its town level), plus its other sites (nothing in 2031)
            assertThat(page.select("#town-520111101 .town-visitors").text()).isEqualTo("725");
            assertThat(page.select("#total-matters").text()).isEqualTo("1 / 2");
            // the map: one labelled square per town, 青岩镇 the darkest (the largest visitors), linked to its sites
            assertThat(page.select("#town-map a.town-tile")).hasSize(19);
            var qingyan = page.selectFirst("#tile-520111101");
            assertThat(qingyan.attr("aria-label")).contains("青岩镇").contains("725");
            assertThat(qingyan.selectFirst("rect").attr("fill")).isEqualTo(TownMap.FILLS.get(4));
            assertThat(qingyan.attr("href")).isEqualTo(who.equals("leader") ? "/public/network#town-520111101"
                    : "/liaison/sites?region=520111101");
            // the charts' data, for the static script: JSON, not script code
            var data = page.selectFirst("script#network-figures-data");
            assertThat(data.attr("type")).isEqualTo("application/json");
            assertThat(data.data()).contains("\"visitors\":[0,0,472,295,58,0,0,0,0,0,0,0]");
            assertThat(page.select("script:not([src]):not([type=application/json])")).as("no inline script").isEmpty();
        }
        Document march = page("/liaison/figures?year=2031&month=3&measure=receptions", "office");
        assertThat(march.select("#total-visitors").text()).isEqualTo("472");
        assertThat(march.select("#site-" + a + " .site-visitors").text()).isEqualTo("430");
        assertThat(march.selectFirst("#tile-520111101").attr("aria-label")).contains("接待场次");
    }

    @Test
    void otherRolesAreRefusedAndABadPeriodSaysSo() throws Exception {
        for (String who : List.of("deputy", "station", "unit", "window", "enterprise")) {
            mvc.perform(get("/liaison/figures").with(user(demo.user(who)))).andExpect(status().isForbidden());
        }
        assertThat(mvc.perform(get("/liaison/figures")).andReturn().getResponse().getStatus()).as("anonymous").isIn(302, 401);
        for (String bad : List.of("year=abc", "year=20310", "month=13", "month=0", "year=2031%00")) {
            Document page = page("/liaison/figures?" + bad, "office");
            assertThat(page.select("#bad-period").text()).as(bad).isEqualTo("所选年份或月份无效，已显示本年度数据。");
        }
    }

    private Document page(String url, String who) throws Exception {
        String html = mvc.perform(get(url).with(user(demo.user(who))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    /** Publishes in one transaction and waits for the figures, which are kept in the background. */
    private void publish(Object... published) {
        tx.executeWithoutResult(status -> {
            for (Object e : published) {
                events.publishEvent(e);
            }
        });
        demo.recordsSettled();
    }

    private static ReceptionHeld reception(int n, long siteId, String day, boolean mobile, int visitors) {
        return new ReceptionHeld(BASE + n, siteId, LocalDate.parse(day), mobile, mobile ? "青岩镇集贸市场" : "", visitors,
                List.of());
    }

    private static Map<Long, Long> visitors(List<SiteFigures> sites) {
        return sites.stream().collect(java.util.stream.Collectors.toMap(SiteFigures::siteId, s -> s.counts().visitors()));
    }

    private static SiteFigures site(List<SiteFigures> sites, long id) {
        return sites.stream().filter(s -> s.siteId() == id).findFirst().orElseThrow();
    }

    private long siteId(String name) {
        return jdbc.sql("select id from liaison_site where name = :n").param("n", name).query(Long.class).single();
    }
}
