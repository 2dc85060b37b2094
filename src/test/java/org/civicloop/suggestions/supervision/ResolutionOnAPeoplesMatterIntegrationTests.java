package org.civicloop.suggestions.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 提出督办议题 from a hot spot opens the resolution form filled in from the matter; a matter only the people
 * raised has no deputy suggestion yet, so the resolution may cover none, but some unit must follow it up.
 */
@IntegrationTest
class ResolutionOnAPeoplesMatterIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    SupervisionFixtures f;

    @BeforeEach
    void fixtures() {
        f = new SupervisionFixtures(suggestions, users, jdbc);
    }

    @Test
    void aResolutionOnAMatterThePeopleRaisedNeedsAUnitButNoSuggestion() throws Exception {
        String number = "花人常决〔2026〕" + System.nanoTime() % 100000 + "号";
        String unit = Long.toString(f.unitId(SupervisionFixtures.EDUCATION));
        // the form as 提出督办议题 fills it: no suggestion chosen, and first no unit either
        String refused = mvc.perform(post("/supervision/resolutions").with(csrf()).with(user(f.user("office")))
                        .param("number", number).param("title", "关于“花溪大道中段公交站台没有遮雨棚”问题的督办议题")
                        .param("adoptedOn", "2026-12-01").param("text", "共有 4 人、4 条意见通过 4 个渠道反映同一件事。")
                        .param("followUp", "一个月内报告落实情况").param("dueOn", "2027-01-15"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请至少选择一个责任单位。").contains("花溪大道中段公交站台没有遮雨棚")
                .doesNotContain("请选择决议涉及的建议");
        String location = mvc.perform(post("/supervision/resolutions").with(csrf()).with(user(f.user("office")))
                        .param("number", number).param("title", "关于“花溪大道中段公交站台没有遮雨棚”问题的督办议题")
                        .param("adoptedOn", "2026-12-01").param("text", "共有 4 人、4 条意见通过 4 个渠道反映同一件事。")
                        .param("followUp", "一个月内报告落实情况").param("dueOn", "2027-01-15").param("unitIds", unit))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/supervision/resolutions/");
        mvc.perform(get(location).with(user(f.user("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("不涉及代表建议（群众集中反映的问题）。")));
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from supervision_resolution_suggestion where resolution_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }
}
