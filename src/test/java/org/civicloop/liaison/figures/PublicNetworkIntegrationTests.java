package org.civicloop.liaison.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicloop.organization.Directory;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The public list of sites, and the demo network it lists (issue 10, items 5 and 6). */
@IntegrationTest
class PublicNetworkIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;

    @Test
    void theDemoNetworkHasTheSeedsSitesInRealHuaxiPlaces() throws Exception {
        List<String[]> rows;
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource("demo/liaison-sites.csv").getInputStream(),
                StandardCharsets.UTF_8))) {
            rows = reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        }
        Map<String, Long> perType = rows.stream().collect(Collectors.groupingBy(r -> r[1], Collectors.counting()));
        // the source: 2 homes, 16 stations, 30 area rooms, 4 park rooms, 10 rural points, 8 observation points, 9 professional points
        assertThat(perType).containsExactlyInAnyOrderEntriesOf(Map.of("PROFESSIONAL_HOME", 2L, "STATION", 16L,
                "AREA_ROOM", 30L, "PARK_ROOM", 4L, "RURAL_POINT", 10L, "ECON_OBSERVATION", 8L, "PROFESSIONAL_POINT", 9L,
                "MOBILE", 1L));
        for (String[] r : rows) {
            assertThat(r[2]).as(r[0]).startsWith("520111");
            assertThat(directory.place(r[2])).as("%s stands in a real place", r[0]).isPresent();
            assertThat(jdbc.sql("select count(*) from liaison_site where name = :n and region_code = :r and type = :t")
                    .param("n", r[0]).param("r", r[2]).param("t", r[1]).query(Long.class).single()).as(r[0]).isEqualTo(1);
        }
        // one station per town or street for 16 of Huaxi's 19
        assertThat(rows.stream().filter(r -> r[1].equals("STATION")).map(r -> r[2]).distinct().count()).isEqualTo(16);
    }

    @Test
    void anyoneSeesEveryOpenSiteByTownWithAddressAndReceptionDaysAndNoPersonalData() throws Exception {
        for (String language : List.of("zh-CN", "en")) {
            String html = mvc.perform(get("/public/network").header("Accept-Language", language))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Document page = Jsoup.parse(html);
            long open = jdbc.sql("select count(*) from liaison_site where active").query(Long.class).single();
            assertThat(page.select("li.public-site")).as(language).hasSize((int) open);
            var park = page.select("li.public-site").stream().filter(li -> li.text().contains("小孟工业园区功能型代表联络室"))
                    .findFirst().orElseThrow();
            assertThat(park.text()).contains("花溪区小孟工业园区管委会一楼企业服务窗口").contains("每周五下午14:30—17:30（企业可预约）");
            assertThat(page.selectFirst("#town-520111010")).as("小孟街道's section").isNotNull();
            assertThat(page.select("#town-index a[href=\"#town-520111101\"]")).hasSize(1);
            // a village's room names its village beside the address
            assertThat(page.text()).contains("天鹅村 · 花溪区贵筑街道天鹅村村民委员会二楼");
            // no person: no resident deputy's name, no phone number; and no script at all
            assertThat(page.text()).doesNotContain("王建国", "杨光荣", "黄文斌");
            assertThat(page.select("script")).isEmpty();
            // the public layout, for phones
            assertThat(html).contains("/css/public").doesNotContain("bootstrap");
        }
    }

    @Test
    void aClosedSiteIsNotListed() throws Exception {
        long id = jdbc.sql("""
                insert into liaison_site (name, type, region_code, address, active, duty_token)
                values ('已撤销的测试联络点', 'AREA_ROOM', '520111209', '花溪区马铃布依族苗族乡', false, 'closedsite01')
                on conflict (region_code, name) do update set active = false returning id""").query(Long.class).single();
        String html = mvc.perform(get("/public/network")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("已撤销的测试联络点");
        assertThat(Jsoup.parse(html).getElementById("site-" + id)).isNull();
    }
}
