package org.civicloop.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import org.civicloop.deputies.Deputies;
import org.civicloop.liaison.domain.SiteDetails;
import org.civicloop.liaison.domain.SiteService;
import org.civicloop.liaison.domain.SiteType;
import org.civicloop.shared.DutyToken;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The liaison network: its facade, the office's forms, and station staff who see only the sites
 * their unit runs. Sites made here are run by 石板镇 or 麦坪镇, never by 青岩镇, whose two demo
 * sites the data-scope tests count.
 */
@IntegrationTest
class LiaisonSiteIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiaisonSites sites;
    @Autowired
    SiteService service;
    @Autowired
    Deputies deputies;

    @Test
    void theDemoStationsCodeFindsItAndItsUnit() {
        long qingyan = unitId("青岩镇人民政府");
        SiteSummary station = sites.byDutyToken("qingyan2026z").orElseThrow();
        assertThat(station.name()).isEqualTo("青岩镇人大代表联络站");
        assertThat(station.type()).isEqualTo("STATION");
        assertThat(station.regionCode()).isEqualTo("520111101");
        assertThat(station.address()).isEqualTo("花溪区青岩镇明清街社区便民服务中心一楼");
        assertThat(station.staffUnitId()).isEqualTo(qingyan);
        assertThat(sites.byDutyToken("QINGYAN2026Z")).contains(station);
        assertThat(sites.find(station.id())).contains(station);
        assertThat(sites.byDutyToken("wangjg2026hx")).as("a deputy's code is not a site's").isEmpty();
    }

    @Test
    void aUnitRunsTheSitesItIsNamedFor() {
        // demo/liaison-sites.csv: 青岩镇人民政府 runs the station and the market-day mobile station
        assertThat(sites.forStaffUnit(unitId("青岩镇人民政府"))).extracting(SiteSummary::name)
                .containsExactlyInAnyOrder("青岩镇人大代表联络站", "青岩古镇赶集日流动联络站");
        assertThat(sites.forStaffUnit(unitId("花溪区教育局"))).isEmpty();
    }

    @Test
    void theTwoProfessionalHomesHaveTheirResidentDeputies() {
        var homes = jdbc.sql("select name, (select count(*) from liaison_site_deputy r where r.site_id = s.id) as residents"
                + " from liaison_site s where type = 'PROFESSIONAL_HOME' order by name").query().listOfRows();
        // 乡村振兴: 王建国 杨光荣 赵丽华 周建华 龙秀梅 = 5; 经济高质量发展: 张德明 黄文斌 陈志强 = 3
        assertThat(homes).extracting(r -> r.get("name") + "=" + r.get("residents"))
                .containsExactlyInAnyOrder("乡村振兴专业代表之家=5", "经济高质量发展专业代表之家=3");
    }

    @Test
    void stationStaffSeeTheirUnitsSitesOnly() throws Exception {
        long shiban = siteId("石板镇人大代表联络站");
        long qingyan = siteId("青岩镇人大代表联络站");
        mvc.perform(get("/liaison/sites").with(user(demo.user("station"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("青岩镇人大代表联络站")))
                .andExpect(content().string(containsString("青岩古镇赶集日流动联络站")))
                .andExpect(content().string(not(containsString("石板镇人大代表联络站"))))
                .andExpect(content().string(not(containsString("乡村振兴专业代表之家"))))
                .andExpect(content().string(not(containsString("id=\"new-site\""))));
        mvc.perform(get("/liaison/sites/{id}", qingyan).with(user(demo.user("station"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("qingyan2026z")))
                .andExpect(content().string(containsString("/public/qr/qingyan2026z/poster.pdf")))
                .andExpect(content().string(not(containsString("duty-token"))));
        mvc.perform(get("/liaison/sites/{id}", shiban).with(user(demo.user("station"))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("石板镇人大代表联络站"))));
    }

    @Test
    void stationStaffCannotChangeSitesAndOtherRolesCannotReadThem() throws Exception {
        long qingyan = siteId("青岩镇人大代表联络站");
        var station = user(demo.user("station"));
        mvc.perform(get("/liaison/sites/new").with(station)).andExpect(status().isForbidden());
        mvc.perform(get("/liaison/sites/{id}/edit", qingyan).with(station)).andExpect(status().isForbidden());
        mvc.perform(post("/liaison/sites/{id}/duty-token", qingyan).with(csrf()).with(station)).andExpect(status().isForbidden());
        assertThat(sites.byDutyToken("qingyan2026z")).isPresent();
        mvc.perform(get("/liaison/sites").with(user(demo.user("unit2")))).andExpect(status().isForbidden());
        mvc.perform(get("/liaison/sites").with(user(demo.user("deputy")))).andExpect(status().isForbidden());
    }

    @Test
    void theOfficeSeesTheWholeNetwork() throws Exception {
        mvc.perform(get("/liaison/sites?type=PROFESSIONAL_HOME").with(user(demo.user("office"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("乡村振兴专业代表之家")))
                .andExpect(content().string(containsString("经济高质量发展专业代表之家")))
                .andExpect(content().string(not(containsString("青岩镇人大代表联络站"))));
        mvc.perform(get("/liaison/sites/{id}", siteId("石板镇人大代表联络站")).with(user(demo.user("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("杨光荣")));
    }

    @Test
    void theOfficeOpensASiteWithResidentDeputiesAndItIsAudited() throws Exception {
        long wang = deputies.byDutyToken("wangjg2026hx").orElseThrow().id();
        long yang = demo.deputy("杨光荣");
        long shibanUnit = unitId("石板镇人民政府");
        MvcResult created = mvc.perform(post("/liaison/sites/new").with(csrf()).with(user(demo.user("office")))
                        .param("name", "石板镇片区代表联络室").param("type", "AREA_ROOM").param("regionCode", "520111102")
                        .param("address", "石板镇合朋村村委会").param("staffUnitId", Long.toString(shibanUnit))
                        .param("receptionSchedule", "每月第一个星期二").param("active", "true")
                        .param("deputyIds", Long.toString(wang), Long.toString(yang)))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/liaison/sites/", ""));
        SiteSummary site = sites.find(id).orElseThrow();
        assertThat(site.staffUnitId()).isEqualTo(shibanUnit);
        assertThat(DutyToken.isWellFormed(site.dutyToken())).isTrue();
        assertThat(jdbc.sql("select deputy_id from liaison_site_deputy where site_id = :id order by deputy_id")
                .param("id", id).query(Long.class).list()).containsExactlyInAnyOrder(wang, yang);
        Map<String, Object> audit = jdbc.sql("""
                        select actor, summary_after->>'deputyIds' as deputies, summary_after->>'type' as type
                        from audit_entry where action = 'site.created' and subject_id = :id""")
                .param("id", Long.toString(id)).query().singleRow();
        assertThat(audit).containsEntry("actor", "office").containsEntry("type", "AREA_ROOM")
                .containsEntry("deputies", Math.min(wang, yang) + "," + Math.max(wang, yang));

        // unticking every resident sends no deputyIds at all: the site keeps none
        mvc.perform(post("/liaison/sites/{id}/edit", id).with(csrf()).with(user(demo.user("office")))
                        .param("name", "石板镇片区代表联络室").param("type", "AREA_ROOM").param("regionCode", "520111102")
                        .param("address", "石板镇合朋村村委会").param("staffUnitId", Long.toString(shibanUnit))
                        .param("receptionSchedule", "每月第一个星期二").param("active", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from liaison_site_deputy where site_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select summary_before->>'deputyIds' from audit_entry where action = 'site.updated' and subject_id = :id")
                .param("id", Long.toString(id)).query(String.class).single()).isEqualTo(audit.get("deputies"));
    }

    @Test
    void aFormWithErrorsListsEveryProblemAndSavesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from liaison_site").query(Long.class).single();
        mvc.perform(post("/liaison/sites/new").with(csrf()).with(user(demo.user("office")))
                        .param("name", "").param("type", "STATION").param("regionCode", "").param("address", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("href=\"#address\"")))
                .andExpect(content().string(containsString("请填写站点名称")))
                .andExpect(content().string(containsString("请填写地址")));
        mvc.perform(post("/liaison/sites/new").with(csrf()).with(user(demo.user("office")))
                        .param("name", "青岩镇人大代表联络站").param("type", "STATION").param("regionCode", "520111101")
                        .param("address", "另一个地址"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同一区划内已有名为“青岩镇人大代表联络站”的站点")));
        mvc.perform(post("/liaison/sites/new").with(csrf()).with(user(demo.user("office")))
                        .param("name", "查无此人站").param("type", "STATION").param("regionCode", "520111101")
                        .param("address", "某地").param("deputyIds", "987654321"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选代表不存在")));
        assertThat(jdbc.sql("select count(*) from liaison_site").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void closingASiteSwitchesItsCodeOffAndRegeneratingReplacesItWithAnAuditRow() throws Exception {
        long id = service.create(new SiteDetails("麦坪镇流动联络站", SiteType.MOBILE, "520111104", "麦坪镇集市",
                unitId("麦坪镇人民政府"), "逢集日", true, Set.of()));
        String first = sites.find(id).orElseThrow().dutyToken();
        mvc.perform(post("/liaison/sites/{id}/duty-token", id).with(csrf()).with(user(demo.user("admin"))))
                .andExpect(status().is3xxRedirection());
        String second = sites.find(id).orElseThrow().dutyToken();
        assertThat(second).isNotEqualTo(first);
        assertThat(sites.byDutyToken(first)).isEmpty();
        assertThat(jdbc.sql("""
                        select summary_before->>'dutyToken' || '>' || (summary_after->>'dutyToken') from audit_entry
                        where action = 'site.dutyTokenRegenerated' and subject_id = :id""")
                .param("id", Long.toString(id)).query(String.class).single()).isEqualTo(first + ">" + second);

        service.update(id, new SiteDetails("麦坪镇流动联络站", SiteType.MOBILE, "520111104", "麦坪镇集市",
                unitId("麦坪镇人民政府"), "逢集日", false, Set.of()));
        assertThat(sites.byDutyToken(second)).as("a closed site's code").isEmpty();
        assertThat(sites.find(id)).isPresent();
        mvc.perform(get("/public/qr/{t}/poster.pdf", second)).andExpect(status().isNotFound());
    }

    private long siteId(String name) {
        return demo.site(name);
    }

    private long unitId(String name) {
        return demo.unit(name);
    }
}
