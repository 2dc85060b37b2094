package org.civicloop.suggestions.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.supervision.domain.LeadSupervisionService;
import org.civicloop.suggestions.supervision.domain.ResolutionService;
import org.civicloop.suggestions.supervision.domain.Resolution.ResolutionDraft;
import org.civicloop.suggestions.supervision.domain.TrackingService;
import org.civicloop.suggestions.supervision.domain.TrackingService.TrackingDraft;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The supervision pages by role: the office's desk, a leader's list, a unit's items; 403 and 404 where they belong. */
@IntegrationTest
class SupervisionPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LeadSupervisionService lead;
    @Autowired
    TrackingService tracking;
    @Autowired
    ResolutionService resolutions;

    SupervisionFixtures f;

    @BeforeEach
    void fixtures() {
        f = new SupervisionFixtures(suggestions, users, jdbc);
    }

    @Test
    void eachRoleReachesOnlyItsOwnSupervisionPages() throws Exception {
        for (String tab : List.of("key", "continuous", "tracking", "resolutions")) {
            mvc.perform(get("/supervision").param("tab", tab).with(user(f.user("office")))).andExpect(status().isOk());
            mvc.perform(get("/supervision").param("tab", tab).with(user(f.user("leader")))).andExpect(status().isOk());
        }
        mvc.perform(get("/supervision").with(user(f.user("unit")))).andExpect(status().isForbidden());
        mvc.perform(get("/supervision").with(user(f.user("deputy")))).andExpect(status().isForbidden());
        mvc.perform(get("/supervision/mine").with(user(f.user("leader")))).andExpect(status().isOk());
        mvc.perform(get("/supervision/mine").with(user(f.user("office")))).andExpect(status().isForbidden());
        mvc.perform(get("/supervision/unit").with(user(f.user("unit")))).andExpect(status().isOk());
        mvc.perform(get("/supervision/unit").with(user(f.user("leader")))).andExpect(status().isForbidden());
        mvc.perform(get("/supervision/resolutions/new").with(user(f.user("leader")))).andExpect(status().isForbidden());
        mvc.perform(post("/supervision/continuous/carry-forward").with(csrf()).with(user(f.user("leader"))).param("year", "2026"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOfficeNamesALeaderOnTheSuggestionsSupervisionPageAndTheLeaderSeesItRedWhenLate() throws Exception {
        long key = f.assigned("治理花溪大道交通拥堵", true);
        String page = "/supervision/suggestions/" + key;
        mvc.perform(get(page).with(user(f.user("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name-leader")));
        mvc.perform(get(page).with(user(f.user("leader")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"name-leader\""))))
                .andExpect(content().string(not(containsString("id=\"record-activity\""))));
        mvc.perform(get(page).with(user(f.user("unit")))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(user(f.user("deputy")))).andExpect(status().isForbidden());
        mvc.perform(post(page + "/lead").with(csrf()).with(user(f.user("leader"))).param("leaderAccountId", "1"))
                .andExpect(status().isForbidden());
        // another unit's suggestion does not exist for it
        mvc.perform(post(page + "/lead").with(csrf()).with(user(f.user("unit2"))).param("leaderAccountId", "1"))
                .andExpect(status().isNotFound());

        long leaderId = f.user("leader").accountId();
        LocalDate lastWeek = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(7);
        mvc.perform(post(page + "/lead").with(csrf()).with(user(f.user("office")))
                        .param("leaderAccountId", Long.toString(leaderId)).param("nextMilestone", lastWeek.toString()))
                .andExpect(redirectedUrl(page)).andExpect(flash().attribute("done", "supervision.done.leaderNamed"));
        assertThat(mineItem("治理花溪大道交通拥堵")).contains("border-danger");
        mvc.perform(get(page).with(user(f.user("leader")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"record-activity\"")));
        mvc.perform(get("/suggestions/" + key).with(user(f.user("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"supervision\"")))
                .andExpect(content().string(containsString("周明（区领导）")))
                .andExpect(content().string(not(containsString("id=\"open-supervision\""))));

        long ordinary = f.assigned("增设湖潮乡路灯", false);
        mvc.perform(post("/supervision/suggestions/" + ordinary + "/lead").with(csrf()).with(user(f.user("office")))
                        .param("leaderAccountId", Long.toString(leaderId)))
                .andExpect(flash().attribute("failed", "supervision.error.notKeySuggestion"));
        mvc.perform(get("/suggestions/" + ordinary).with(user(f.user("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"supervision\""))));
    }

    @Test
    void aUnitReportsOnItsOwnTrackingItemAndAnotherUnitFindsNothing() throws Exception {
        long done = f.closed("保养燕楼乡健身器材", "A", "A");
        long id = tracking.start(done, new TrackingDraft(f.unitId(SupervisionFixtures.HOUSING), 3, LocalDate.of(2026, 1, 31), null, null),
                f.user("office"));
        String page = "/supervision/tracking/" + id;
        mvc.perform(get("/supervision/unit").with(user(f.user("unit")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("保养燕楼乡健身器材")))
                .andExpect(content().string(containsString("table-danger")));
        mvc.perform(get("/supervision/unit").with(user(f.user("unit2")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("保养燕楼乡健身器材"))));
        mvc.perform(get(page).with(user(f.user("unit2")))).andExpect(status().isNotFound());
        mvc.perform(post(page + "/reports").with(csrf()).with(user(f.user("unit2"))).param("report", "x")).andExpect(status().isNotFound());
        mvc.perform(get(page).with(user(f.user("unit")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-report\"")))
                .andExpect(content().string(containsString("2026年4月30日")));
        mvc.perform(post(page + "/reports").with(csrf()).with(user(f.user("unit"))).param("report", " "))
                .andExpect(flash().attribute("failed", "supervision.error.textRequired"));
        mvc.perform(post(page + "/reports").with(csrf()).with(user(f.user("unit"))).param("report", "器材已全部检修。"))
                .andExpect(flash().attribute("done", "supervision.done.reportFiled"));
        mvc.perform(get(page).with(user(f.user("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("器材已全部检修。")))
                .andExpect(content().string(containsString("2026年7月31日")))
                .andExpect(content().string(containsString("逾期报告")));
        mvc.perform(get("/supervision").param("tab", "tracking").param("overdueOnly", "true").with(user(f.user("office"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("保养燕楼乡健身器材")));
        mvc.perform(post(page + "/close").with(csrf()).with(user(f.user("leader")))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(user(f.user("deputy")))).andExpect(status().isForbidden());
    }

    @Test
    void theResolutionFormKeepsWhatWasTypedWhenRefusedAndAnOverdueUnitStandsOut() throws Exception {
        long covered = f.assigned("提升马铃乡义务教育质量", false);
        String number = "花人常决〔2026〕" + System.nanoTime() % 100000 + "号";
        mvc.perform(post("/supervision/resolutions").with(csrf()).with(user(f.user("office")))
                        .param("number", number).param("title", "关于义务教育均衡发展的决议").param("adoptedOn", "2026-03-01")
                        .param("text", "决议全文").param("followUp", "报告落实情况").param("dueOn", "2026-02-01")
                        .param("suggestionIds", Long.toString(covered)).param("unitIds", Long.toString(f.unitId(SupervisionFixtures.EDUCATION))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("落实期限应晚于通过日期")))
                .andExpect(content().string(containsString("关于义务教育均衡发展的决议")));
        long id = resolutions.record(new ResolutionDraft(number, "关于义务教育均衡发展的决议", LocalDate.of(2026, 3, 1), "决议全文",
                List.of(covered), "报告落实情况", LocalDate.of(2026, 6, 30), List.of(f.unitId(SupervisionFixtures.EDUCATION)), null),
                f.user("office"));
        String page = "/supervision/resolutions/" + id;
        mvc.perform(get(page).with(user(f.user("unit")))).andExpect(status().isNotFound());
        mvc.perform(get(page).with(user(f.user("unit2")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-follow-up\"")))
                .andExpect(content().string(containsString("已超期")));
        mvc.perform(get(page).with(user(f.user("leader")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"report-follow-up\""))))
                .andExpect(content().string(not(containsString("id=\"close-resolution\""))));
        mvc.perform(post(page + "/reports").with(csrf()).with(user(f.user("unit2"))).param("report", "已落实"))
                .andExpect(flash().attribute("done", "supervision.done.followUpReported"));
        mvc.perform(post(page + "/close").with(csrf()).with(user(f.user("office"))))
                .andExpect(flash().attribute("done", "supervision.done.resolutionClosed"));
        assertThat(jdbc.sql("select status from supervision_resolution where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("CLOSED");
    }

    @Test
    void aSupervisedSuggestionWhoseReplyIsLateIsRedForTheLeaderWhateverItsMilestone() throws Exception {
        // assigned five months ago: the three-month reply deadline has passed (the KPI tests keep
        // 45 to 110 days ago for their own assignments)
        long late = f.assigned("整治孟关乡集市噪声扰民", true, java.time.Instant.now().minus(java.time.Duration.ofDays(150)));
        long onTime = f.assigned("修缮青岩古镇排水沟渠", true);
        LocalDate nextMonth = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
        for (long id : new long[] {late, onTime}) {
            mvc.perform(post("/supervision/suggestions/" + id + "/lead").with(csrf()).with(user(f.user("office")))
                            .param("leaderAccountId", Long.toString(f.user("leader").accountId()))
                            .param("nextMilestone", nextMonth.toString()))
                    .andExpect(flash().attribute("done", "supervision.done.leaderNamed"));
        }
        // the milestone is a month away for both; the late reply alone turns the first one red
        assertThat(mineItem("整治孟关乡集市噪声扰民")).contains("border-danger").contains("答复期限").contains("逾期");
        assertThat(mineItem("修缮青岩古镇排水沟渠")).contains("border-success").contains("答复期限").doesNotContain("逾期");
    }

    /** The HTML of the one item of the leader's list that carries this title. */
    private String mineItem(String title) throws Exception {
        String html = mvc.perform(get("/supervision/mine").with(user(f.user("leader")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return java.util.Arrays.stream(html.split("<a class=\"list-group-item"))
                .filter(part -> part.contains(title)).findFirst().map(part -> part.substring(0, part.indexOf("</a>")))
                .orElseThrow(() -> new AssertionError("no item " + title + " on the leader's list"));
    }
}
