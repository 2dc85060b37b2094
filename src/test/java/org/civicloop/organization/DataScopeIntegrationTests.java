package org.civicloop.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A unit's staff see their own unit and nobody else's, in pages and in the API; the refusal is
 * made in SQL, so guessing another unit's id yields the same 404 as a unit that does not exist.
 */
@IntegrationTest
class DataScopeIntegrationTests {

    private static final String PASSWORD = "Huaxi@2026";

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long housing;
    long education;

    @BeforeEach
    void units() {
        housing = unitId("花溪区住房和城乡建设局");
        education = unitId("花溪区教育局");
    }

    @Test
    void unitStaffSeeTheirOwnUnitPage() throws Exception {
        mvc.perform(get("/units/{id}", housing).with(user(demo.user("unit"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("花溪区住房和城乡建设局")))
                .andExpect(content().string(containsString("赵磊")));
        mvc.perform(get("/my-unit").with(user(demo.user("unit"))))
                .andExpect(redirectedUrl("/units/" + housing));
    }

    @Test
    void unitStaffGetNotFoundForAnotherUnitsPage() throws Exception {
        mvc.perform(get("/units/{id}", education).with(user(demo.user("unit"))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("花溪区教育局"))))
                .andExpect(content().string(not(containsString("刘芳"))));
    }

    @Test
    void unitStaffGetNotFoundForAnotherUnitOverTheApi() throws Exception {
        mvc.perform(get("/api/units/{id}", education).with(httpBasic("unit", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(content().string(not(containsString("花溪区教育局"))));
        mvc.perform(get("/api/units/{id}", housing).with(httpBasic("unit", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("花溪区住房和城乡建设局"));
    }

    @Test
    void theUnitListOverTheApiHoldsOnlyTheCallersUnit() throws Exception {
        mvc.perform(get("/api/units").with(httpBasic("unit2", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(education));
    }

    @Test
    void districtWideRolesSeeEveryUnit() throws Exception {
        mvc.perform(get("/units/{id}", education).with(user(demo.user("office"))))
                .andExpect(status().isOk());
        long total = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
        mvc.perform(get("/api/units?size=200").with(httpBasic("leader", PASSWORD)))
                .andExpect(jsonPath("$.total").value(total));
    }

    @Test
    void administrationPagesAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/admin/units").with(user(demo.user("unit"))))
                .andExpect(status().isForbidden()); // the friendly 403 page itself is checked in a real browser
        mvc.perform(get("/admin/accounts").with(user(demo.user("office"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/units").with(user(demo.user("admin"))))
                .andExpect(status().isOk());
    }

    @Test
    void aDeputyWithoutAUnitSeesNoUnit() throws Exception {
        mvc.perform(get("/api/units").with(httpBasic("deputy", PASSWORD)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/units/{id}", housing).with(user(demo.user("deputy"))))
                .andExpect(status().isNotFound());
    }

    private long unitId(String name) {
        return demo.unit(name);
    }
}
