package org.civicloop.liaison.receptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.liaison.LiaisonEvents.ReceptionHeld;
import org.civicloop.liaison.ReceptionSummary;
import org.civicloop.liaison.Receptions;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Receptions against the real database: planning and holding through the pages publishes
 * {@link ReceptionHeld}; bad input is refused with a message and writes nothing; the roster's
 * reminder goes out once, the day before; the site's public page shows who is on duty; the demo's
 * stations received 110,000 visitors. Works at 青岩镇人大代表联络站 (run by the demo login
 * {@code station}); the roster test uses a date far beyond the demo's four planned weeks.
 */
@IntegrationTest
@RecordApplicationEvents
class ReceptionIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Receptions receptions;
    @Autowired
    ReceptionService service;
    @Autowired
    RosterReminders reminders;
    @Autowired
    Deputies deputies;
    @Autowired
    ApplicationEvents events;

    @Test
    void plannedThenHeldThroughThePagesPublishesReceptionHeld() throws Exception {
        long site = siteId("青岩镇人大代表联络站");
        LocalDate today = service.today();
        var station = user(demo.user("station"));
        String location = mvc.perform(post("/liaison/sites/{id}/receptions", site).with(csrf()).with(station)
                        .param("heldOn", today.toString()).param("startsAt", "19:00").param("endsAt", "20:30")
                        .param("mobile", "true").param("place", "青岩古镇北门广场"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/liaison/receptions/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        ReceptionSummary summary = receptions.find(id).orElseThrow();
        assertThat(summary).isEqualTo(new ReceptionSummary(id, site, "青岩镇人大代表联络站", today, LocalTime.of(19, 0),
                LocalTime.of(20, 30), "青岩古镇北门广场", true, "PLANNED"));
        assertThat(receptions.openFor(unitOf(site), today)).contains(summary);
        assertThat(receptions.openAtSite(site, today)).contains(summary);
        mvc.perform(get("/liaison/receptions/{id}", id).with(station))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/opinions/capture?reception=" + id)))
                // no deputy is ticked before staff tick them
                .andExpect(content().string(not(containsString("checked=\"checked\""))));

        List<Long> present = List.of(deputy("王建国"), deputy("杨光荣")).stream().sorted().toList();
        mvc.perform(post("/liaison/receptions/{id}/hold", id).with(csrf()).with(station)
                        .param("deputyIds", present.get(0).toString(), present.get(1).toString())
                        .param("visitors", "73").param("notes", "群众反映停车难"))
                .andExpect(status().is3xxRedirection());

        assertThat(events.stream(ReceptionHeld.class).filter(e -> e.receptionId() == id).toList())
                .containsExactly(new ReceptionHeld(id, site, today, true, "青岩古镇北门广场", 73, present));
        assertThat(receptions.find(id).orElseThrow().status()).isEqualTo("HELD");
        assertThat(jdbc.sql("select count(*) from reception_deputy where reception_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'reception' and subject_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/liaison/receptions/{id}", id).with(station))
                .andExpect(content().string(containsString("王建国")))
                .andExpect(content().string(containsString("73")))
                .andExpect(content().string(not(containsString("id=\"hold-submit\""))));
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsWritten() throws Exception {
        long site = siteId("青岩镇人大代表联络站");
        var station = user(demo.user("station"));
        long before = receptionCount();
        mvc.perform(post("/liaison/sites/{id}/receptions", site).with(csrf()).with(station)
                        .param("heldOn", service.today().toString()).param("startsAt", "09:00").param("endsAt", "12:00")
                        .param("mobile", "true").param("place", "集市\u0007"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("内容含有不可见的控制字符")));
        mvc.perform(post("/liaison/sites/{id}/receptions", site).with(csrf()).with(station)
                        .param("heldOn", "2026-13-45").param("startsAt", "12:00").param("endsAt", "09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式不正确")));
        mvc.perform(post("/liaison/sites/{id}/receptions", site).with(csrf()).with(station)
                        .param("heldOn", service.today().toString()).param("startsAt", "12:00").param("endsAt", "09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束时间须晚于开始时间")));
        mvc.perform(post("/liaison/sites/{id}/receptions", site).with(csrf()).with(station)
                        .param("heldOn", service.today().toString()).param("startsAt", "09:00").param("endsAt", "12:00")
                        .param("place", "场".repeat(101)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("长度须在")));
        assertThat(receptionCount()).isEqualTo(before);

        long id = service.plan(site, new ReceptionPlan(service.today(), LocalTime.of(14, 0), LocalTime.of(16, 0), null, false),
                demo.user("station"));
        mvc.perform(post("/liaison/receptions/{id}/hold", id).with(csrf()).with(station).param("visitors", "12"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请勾选至少一位到场代表")));
        mvc.perform(post("/liaison/receptions/{id}/hold", id).with(csrf()).with(station)
                        .param("deputyIds", Long.toString(deputy("王建国"))).param("visitors", "-3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能小于")));
        mvc.perform(post("/liaison/receptions/{id}/hold", id).with(csrf()).with(station)
                        .param("deputyIds", "999999999").param("visitors", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("999999999")));
        mvc.perform(post("/liaison/receptions/{id}/cancel", id).with(csrf()).with(station).param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写取消原因")));
        assertThat(receptions.find(id).orElseThrow().status()).isEqualTo("PLANNED");
        assertThat(jdbc.sql("select count(*) from reception_deputy where reception_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(events.stream(ReceptionHeld.class).filter(e -> e.receptionId() == id)).isEmpty();
    }

    /**
     * A rule whose kind is not one of the list or whose time is not a time, with days that are not numbers: the
     * days' message was added with rejectValue, which reads the form the failed conversion left out, and the
     * station got 500 (系统出了点问题) instead of the form back.
     */
    @Test
    void aRuleWithAnUnknownKindOrAnImpossibleTimeComesBackWithItsMessages() throws Exception {
        long site = siteId("青岩镇人大代表联络站");
        var station = user(demo.user("station"));
        long rules = jdbc.sql("select count(*) from reception_rule").query(Long.class).single();
        mvc.perform(post("/liaison/sites/{id}/rules", site).with(csrf()).with(station)
                        .param("kind", "YEARLY").param("days", "周二").param("startsAt", "09:00").param("endsAt", "12:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式不正确")))
                .andExpect(content().string(containsString("请用数字和逗号填写，如 2,5 或 5,15,25。")));
        mvc.perform(post("/liaison/sites/{id}/rules", site).with(csrf()).with(station)
                        .param("kind", "WEEKLY").param("days", "2,5").param("startsAt", "25:99").param("endsAt", "12:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式不正确")));
        mvc.perform(post("/liaison/sites/{id}/rules", site).with(csrf()).with(station).param("lang", "en")
                        .param("kind", "WEEKLY").param("days", "Tue").param("startsAt", "nine").param("endsAt", "12:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please write numbers separated by commas, e.g. 2,5 or 5,15,25.")));
        assertThat(jdbc.sql("select count(*) from reception_rule").query(Long.class).single()).isEqualTo(rules);
    }

    @Test
    void anotherUnitsStaffCannotSeeOrRunTheSitesReceptions() throws Exception {
        long shiban = siteId("石板镇人大代表联络站");
        var station = user(demo.user("station"));
        long before = receptionCount();
        mvc.perform(get("/liaison/sites/{id}/receptions", shiban).with(station)).andExpect(status().isNotFound());
        mvc.perform(post("/liaison/sites/{id}/receptions", shiban).with(csrf()).with(station)
                        .param("heldOn", service.today().toString()).param("startsAt", "09:00").param("endsAt", "12:00"))
                .andExpect(status().isNotFound());
        assertThat(receptionCount()).isEqualTo(before);
        mvc.perform(get("/liaison/sites/{id}/receptions", shiban).with(user(demo.user("office"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("石板镇人大代表联络站")));
        mvc.perform(get("/liaison/receptions").with(user(demo.user("deputy")))).andExpect(status().isForbidden());
    }

    @Test
    void theDeputyOnDutyIsRemindedOnceTheDayBefore() {
        long site = siteId("青岩镇人大代表联络站");
        DeputySummary wang = deputies.find(deputy("王建国")).orElseThrow();
        assertThat(wang.accountId()).as("the demo deputy has a login").isNotNull();
        LocalDate dutyDay = service.today().plusDays(200);
        long entry = service.addRosterEntry(site, dutyDay, wang.id(), demo.user("station"));
        ZoneId zone = ZoneId.of("Asia/Shanghai");

        assertThat(reminders.remind(dutyDay.minusDays(2).atTime(10, 0).atZone(zone).toInstant())).isZero();
        assertThat(messages(wang.accountId(), dutyDay)).isZero();
        reminders.remind(dutyDay.minusDays(1).atTime(9, 0).atZone(zone).toInstant());
        reminders.remind(dutyDay.minusDays(1).atTime(10, 0).atZone(zone).toInstant());
        reminders.remind(dutyDay.atTime(9, 0).atZone(zone).toInstant());
        assertThat(messages(wang.accountId(), dutyDay)).isEqualTo(1);
        assertThat(jdbc.sql("select delivered from reception_roster_reminder where roster_id = :id").param("id", entry)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theSitesPublicPageShowsItsFixedDaysAndWhoIsOnDuty() throws Exception {
        long site = siteId("青岩镇人大代表联络站");
        LocalDate day = service.today().plusDays(3);
        jdbc.sql("delete from reception_roster where site_id = :s and duty_date = :d and deputy_id = :dep")
                .param("s", site).param("d", java.sql.Date.valueOf(day)).param("dep", deputy("杨光荣")).update();
        service.addRosterEntry(site, day, deputy("杨光荣"), demo.user("office"));
        String page = mvc.perform(get("/public/sites/{id}", site))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("青岩镇人大代表联络站")))
                .andExpect(content().string(containsString("杨光荣")))
                .andExpect(content().string(containsString("/o/qingyan2026z")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("the public page runs no JavaScript").doesNotContain("<script");
        assertThat(page).as("fixed days in words").contains("每周");
        assertThat(page).as("no phone numbers").doesNotContainPattern("1[3-9][0-9]{9}");
        mvc.perform(get("/public/sites/{id}", 999_999_999L)).andExpect(status().isNotFound());
    }

    @Test
    void theDemoStationsReceivedAHundredAndTenThousandVisitorsInTheYear() {
        long visitors = jdbc.sql("""
                        select coalesce(sum(r.visitors), 0) from reception r join liaison_site s on s.id = r.site_id
                        where s.type = 'STATION' and r.status = 'HELD' and r.held_on between '2025-12-01' and '2026-11-30'""")
                .query(Long.class).single();
        assertThat(visitors).isEqualTo(110_000);
        assertThat(jdbc.sql("select count(*) from reception where status = 'HELD' and mobile").query(Long.class).single())
                .as("market-day (流动) receptions").isPositive();
        assertThat(jdbc.sql("select count(*) from reception_rule r join liaison_site s on s.id = r.site_id where s.type = 'STATION'")
                .query(Long.class).single()).isPositive();
    }

    private long receptionCount() {
        return jdbc.sql("select count(*) from reception").query(Long.class).single();
    }

    private long messages(long accountId, LocalDate day) {
        return jdbc.sql("select count(*) from staff_message where account_id = :a and message_key = :k and arguments::text like :d")
                .param("a", accountId).param("k", RosterReminders.MESSAGE).param("d", "%" + day + "%")
                .query(Long.class).single();
    }

    private long siteId(String name) {
        return jdbc.sql("select id from liaison_site where name = :n").param("n", name).query(Long.class).single();
    }

    private Long unitOf(long siteId) {
        return jdbc.sql("select staff_unit_id from liaison_site where id = :id").param("id", siteId).query(Long.class).single();
    }

    private long deputy(String name) {
        return jdbc.sql("select id from deputy where name = :n order by id limit 1").param("n", name).query(Long.class).single();
    }
}
