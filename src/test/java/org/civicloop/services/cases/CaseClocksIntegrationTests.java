package org.civicloop.services.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.civicloop.deadlines.ClockStatus;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.organization.CivicUser;
import org.civicloop.services.ServiceCaseEvents.PartTime;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCompleted;
import org.civicloop.services.cases.domain.CaseService;
import org.civicloop.services.cases.domain.CaseStatus;
import org.civicloop.services.cases.domain.ServiceCase;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12: a department's return for correction stops every clock of the application; all resume
 * when the applicant corrects, on the working-day calendar. Times passed in, over the official 2026
 * calendar: 中秋节 Friday 25 September (with the weekend after it), then 国庆节 1–7 October with the
 * make-up working Saturday 10 October. Due dates are the end of the N-th working day after the start
 * day; a resume moves them by the working days after the pause day up to the resume day.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseClocksIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseService cases;
    @Autowired
    Deadlines deadlines;
    @Autowired
    DemoFixture demo;
    @Autowired
    ApplicationEvents events;
    @Autowired
    MockMvc mvc;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    @Test
    void aReturnStopsEveryClockAndTheCorrectionResumesThemAllAcrossHolidaysAndWeekends() {
        CivicUser enterprise = demo.user("enterprise");
        CivicUser window = demo.user("window");
        CivicUser market = demo.user("approver");
        CivicUser tax = demo.user("tax");
        CivicUser hrss = demo.user("hrss");

        long id = cases.apply(CaseFixtures.application(), enterprise, at("2026-09-21T09:30"));
        // Monday 21 September: the window accepts, every part starts at once
        cases.accept(id, window, at("2026-09-21T10:00"));
        assertThat(dueDays(id)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "file-transfer", LocalDate.parse("2026-09-22"),        // 1 working day: Tue 22
                "change-registration", LocalDate.parse("2026-09-24"),  // 3: Tue 22, Wed 23, Thu 24
                "tax-migration", LocalDate.parse("2026-09-24"),
                "social-insurance", LocalDate.parse("2026-09-23")));   // 2: Tue 22, Wed 23

        cases.approve(id, "file-transfer", null, market, at("2026-09-22T11:00"));
        // Wednesday 23, 16:00: market regulation returns its registration part; every open clock stops
        cases.returnPart(id, "change-registration", java.util.List.of("address-proof"), java.util.List.of("new-address"),
                "lease expired", market, at("2026-09-23T16:00"));
        assertThat(clock(id, "change-registration").status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(clock(id, "tax-migration").status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(clock(id, "social-insurance").status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(clock(id, "file-transfer").status()).isEqualTo(ClockStatus.STOPPED);

        // Tuesday 29: the applicant corrects. Working days after Wed 23 up to Tue 29: Thu 24, (Fri 25 中秋,
        // Sat 26, Sun 27 off), Mon 28, Tue 29 = 3; every open due date moves 3 working days
        var values = Map.of("new-address", "花溪区花溪大道100号");
        cases.correct(id, values, java.util.List.of(new org.civicloop.services.cases.domain.MaterialFiles.Upload(
                "address-proof", "lease-2.pdf", CaseFixtures.PDF)), enterprise, at("2026-09-29T11:00"));
        assertThat(dueDays(id)).containsAllEntriesOf(Map.of(
                "change-registration", LocalDate.parse("2026-09-30"),  // Thu 24 + 3: Mon 28, Tue 29, Wed 30
                "tax-migration", LocalDate.parse("2026-09-30"),
                "social-insurance", LocalDate.parse("2026-09-29")));   // Wed 23 + 3: Thu 24, Mon 28, Tue 29
        assertThat(clock(id, "tax-migration").status()).isEqualTo(ClockStatus.RUNNING);

        cases.approve(id, "social-insurance", null, hrss, at("2026-09-29T15:00"));
        // Wednesday 30, 9:00: the tax office returns its part; corrected on Saturday 10 October, a make-up
        // working day. Working days after Wed 30 up to Sat 10: (1–7 国庆节), Thu 8, Fri 9, Sat 10 = 3
        cases.returnPart(id, "tax-migration", java.util.List.of(), java.util.List.of("tax-authority"), "", tax,
                at("2026-09-30T09:00"));
        cases.correct(id, Map.of("tax-authority", "国家税务总局贵阳市观山湖区税务局第一税务所"), java.util.List.of(), enterprise,
                at("2026-10-10T10:00"));
        assertThat(dueDays(id)).containsAllEntriesOf(Map.of(
                "change-registration", LocalDate.parse("2026-10-10"),  // Wed 30 + 3: Thu 8, Fri 9, Sat 10
                "tax-migration", LocalDate.parse("2026-10-10")));
        assertThat(dueDays(id).get("social-insurance")).isEqualTo(LocalDate.parse("2026-09-29"));

        cases.approve(id, "change-registration", null, market, at("2026-10-12T10:00"));
        cases.approve(id, "tax-migration", null, tax, at("2026-10-12T11:00"));
        assertThat(cases.view(id, window).status()).isEqualTo(CaseStatus.READY);
        cases.issue(id, window, at("2026-10-12T15:00"));

        ServiceCaseCompleted done = events.stream(ServiceCaseCompleted.class).filter(e -> e.caseId() == id).findFirst().orElseThrow();
        Duration first = Duration.between(at("2026-09-23T16:00"), at("2026-09-29T11:00"));
        Duration second = Duration.between(at("2026-09-30T09:00"), at("2026-10-10T10:00"));
        assertThat(done.waitedForApplicant()).isEqualTo(first.plus(second));
        assertThat(done.submittedAt()).isEqualTo(at("2026-09-21T09:30"));
        assertThat(done.acceptedAt()).isEqualTo(at("2026-09-21T10:00"));
        assertThat(done.completedAt()).isEqualTo(at("2026-10-12T15:00"));
        Map<String, PartTime> parts = done.parts().stream().collect(java.util.stream.Collectors.toMap(PartTime::partCode, p -> p));
        assertThat(parts.get("file-transfer").waitedForApplicant()).isZero();
        assertThat(parts.get("social-insurance").waitedForApplicant()).isEqualTo(first);
        assertThat(parts.get("change-registration").waitedForApplicant()).isEqualTo(first.plus(second));
        assertThat(parts.get("tax-migration").startedAt()).isEqualTo(at("2026-09-21T10:00"));
        assertThat(parts.values()).allMatch(PartTime::approved);
        assertThat(parts.get("tax-migration").unitId()).isEqualTo(demo.unit("国家税务总局贵阳市花溪区税务局"));
    }

    /**
     * A paused clock has no due date: it moves by however long the applicant takes. So the application's
     * page and each department's approvals show the working days the clock keeps, counted on the day of
     * the pause (that day included), and no date; the date comes back when the clock resumes.
     */
    @Test
    void aPausedClockShowsTheWorkingDaysItKeepsAndNoDateOnEveryPage() throws Exception {
        CivicUser enterprise = demo.user("enterprise");
        long id = cases.apply(CaseFixtures.application(), enterprise, at("2026-09-21T09:30"));
        cases.accept(id, demo.user("window"), at("2026-09-21T10:00"));
        cases.approve(id, "file-transfer", null, demo.user("approver"), at("2026-09-22T11:00"));
        // Wednesday 23 September, 16:00: market regulation returns its part, every open clock stops.
        // Left on Wed 23, that day counted: registration and tax due Thu 24 keep Wed 23 + Thu 24 = 2;
        // social insurance due Wed 23 keeps Wed 23 = 1.
        cases.returnPart(id, "change-registration", java.util.List.of(), java.util.List.of("new-address"), "", demo.user("approver"),
                at("2026-09-23T16:00"));

        Document zh = page("/services/cases/" + id, "window", Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.select("#part-change-registration .clock-paused").text()).isEqualTo("暂停计时，剩余 2 个工作日");
        assertThat(zh.select("#part-tax-migration .clock-paused").text()).isEqualTo("暂停计时，剩余 2 个工作日");
        assertThat(zh.select("#part-social-insurance .clock-paused").text()).isEqualTo("暂停计时，剩余 1 个工作日");
        for (String part : java.util.List.of("change-registration", "tax-migration", "social-insurance")) {
            assertThat(zh.select("#part-" + part).text()).doesNotContain("到期").doesNotContain("2026年9月").doesNotContain("还有");
        }
        Document en = page("/services/cases/" + id, "enterprise", Locale.ENGLISH);
        assertThat(en.select("#part-tax-migration .clock-paused").text()).isEqualTo("Clock stopped, 2 working days left");

        Document market = page("/services/approvals", "approver", Locale.SIMPLIFIED_CHINESE);
        assertThat(market.select("#part-" + id + "-change-registration td:last-child").text()).isEqualTo("暂停计时，剩余 2 个工作日");
        // said once: the due column says the clock stopped, so the status column does not say it again
        assertThat(market.select("#part-" + id + "-change-registration").text().split("暂停计时", -1)).hasSize(2);
        Document hrss = page("/services/approvals", "hrss", Locale.SIMPLIFIED_CHINESE);
        assertThat(hrss.select("#part-" + id + "-social-insurance td:last-child").text()).isEqualTo("暂停计时，剩余 1 个工作日");

        // Corrected Tuesday 29: the working days after Wed 23 up to Tue 29 are Thu 24, Mon 28, Tue 29 (Fri 25
        // is 中秋节) = 3, so registration is due Thu 24 + 3 = Wed 30, and on Tue 29 it keeps Tue 29 + Wed 30 =
        // 2 working days, as it showed while paused. The date is back (overdue by now, which is December).
        cases.correct(id, Map.of("new-address", "花溪区花溪大道100号"), java.util.List.of(), enterprise, at("2026-09-29T11:00"));
        assertThat(dueDays(id)).containsEntry("change-registration", LocalDate.parse("2026-09-30"));
        Document resumed = page("/services/cases/" + id, "window", Locale.SIMPLIFIED_CHINESE);
        assertThat(resumed.select("#part-change-registration .clock-paused")).isEmpty();
        assertThat(resumed.select("#part-change-registration").text()).contains("到期 2026年9月30日");
    }

    private Document page(String path, String role, Locale locale) throws Exception {
        var r = mvc.perform(get(path).param("lang", locale.toLanguageTag()).with(user(demo.user(role)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " as " + role).isEqualTo(200);
        return Jsoup.parse(r.getContentAsString());
    }

    private ClockView clock(long id, String part) {
        return deadlines.find(ServiceCase.CLOCK_SUBJECT, ServiceCase.clockId(id, part)).orElseThrow();
    }

    private Map<String, LocalDate> dueDays(long id) {
        Map<String, LocalDate> due = new java.util.HashMap<>();
        for (String part : java.util.List.of("file-transfer", "change-registration", "tax-migration", "social-insurance")) {
            deadlines.find(ServiceCase.CLOCK_SUBJECT, ServiceCase.clockId(id, part))
                    .ifPresent(c -> due.put(part, c.dueAt().atZone(ZONE).toLocalDate()));
        }
        return due;
    }
}
