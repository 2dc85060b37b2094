package org.civicloop.services.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.services.ServiceCaseEvents.PartTime;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCompleted;
import org.civicloop.services.catalogue.ServiceCatalogue;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The efficiency figures kept from {@link ServiceCaseCompleted} events with hand-chosen instants, on
 * the demo calendar (migration V4: Friday 2026-09-25 中秋 a holiday, Saturday 2026-10-10 a make-up
 * working day), against values computed by hand below. The applications belong to a service of their
 * own ({@code efficiency-test}, the newborn definition under another code, 32 working days before),
 * so that applications of other tests and demos do not mix in.
 */
@IntegrationTest
class EfficiencyIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String CODE = "efficiency-test";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EfficiencyReport report;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    WorkingCalendars calendars;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    DemoFixture demo;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static PartTime part(String code, String started, String decided, Duration waited) {
        return new PartTime(code, 1L, at(started), at(decided), waited, true);
    }

    @BeforeEach
    void fixture() {
        if (catalogue.latest(CODE).isEmpty()) {
            ServiceDefinition d = catalogue.offered("newborn").orElseThrow().definition();
            catalogue.save(new ServiceDefinition(CODE, "效率测试一件事", d.summary(), d.applicant(), d.leadUnit(),
                    d.promisedWorkingDays(), d.questions(), d.fields(), d.materials(), d.parts(), d.results(),
                    d.before(), d.after()), demo.user("admin").accountId());
        }
        // A: Thu 2026-09-24 15:00 → Mon 09-28 11:00, across the 中秋 holiday (Fri) and the weekend
        publish(new ServiceCaseCompleted(900_000_001L, CODE, 1, at("2026-09-24T10:00"), at("2026-09-24T15:00"),
                at("2026-09-28T11:00"), Duration.ZERO, List.of(
                        part("birth-certificate", "2026-09-24T15:00", "2026-09-24T18:00", Duration.ZERO),
                        part("hukou", "2026-09-24T15:00", "2026-09-28T09:00", Duration.ZERO),
                        part("medical-insurance", "2026-09-24T16:00", "2026-09-28T10:00", Duration.ZERO))));
        // B: Tue 2026-09-08 09:00 → Thu 09-10 09:00, 12 hours waiting for the applicant
        publish(new ServiceCaseCompleted(900_000_002L, CODE, 1, at("2026-09-08T08:30"), at("2026-09-08T09:00"),
                at("2026-09-10T09:00"), Duration.ofHours(12), List.of(
                        part("birth-certificate", "2026-09-08T09:00", "2026-09-09T09:00", Duration.ZERO),
                        part("hukou", "2026-09-08T09:00", "2026-09-10T09:00", Duration.ofHours(12)))));
        // C: Fri 2026-10-09 18:00 → Mon 10-12 06:00, the make-up Saturday 10-10 between
        publish(new ServiceCaseCompleted(900_000_003L, CODE, 1, at("2026-10-09T17:00"), at("2026-10-09T18:00"),
                at("2026-10-12T06:00"), Duration.ZERO, List.of(
                        part("birth-certificate", "2026-10-09T18:00", "2026-10-12T06:00", Duration.ZERO))));
    }

    private void publish(ServiceCaseCompleted e) {
        tx.executeWithoutResult(s -> events.publishEvent(e));
    }

    @Test
    void theDemoCalendarIsTheOneTheFixtureCountsOn() {
        var calendar = calendars.current();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).as("中秋 holiday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 24))).isTrue();
    }

    @Test
    void eachApplicationsTimesAreCountedOnTheWorkingCalendar() {
        var a = report.cases().stream().filter(c -> c.caseId() == 900_000_001L).findFirst().orElseThrow();
        // elapsed: Thu 15:00-24:00 = 9/24, Fri holiday, Sat, Sun 0, Mon 00:00-11:00 = 11/24 → 20/24 = 0.8333
        assertThat(a.elapsedWorkingDays()).isCloseTo(20.0 / 24, within(1e-9));
        assertThat(a.elapsedHours()).isCloseTo(92.0, within(1e-9)); // 4 × 24 − 15 + 11
        // parts: 3/24 = 0.125; 9/24 + 9/24 = 0.75; 8/24 + 10/24 = 0.75 → sequential 1.625, parallel 0.75
        assertThat(a.sequentialWorkingDays()).isCloseTo(1.625, within(1e-9));
        assertThat(a.parallelWorkingDays()).isCloseTo(0.75, within(1e-9));
        assertThat(a.sequentialHours()).isCloseTo(3 + 90 + 90, within(1e-9));
        assertThat(a.parallelHours()).isCloseTo(90, within(1e-9));

        var b = report.cases().stream().filter(c -> c.caseId() == 900_000_002L).findFirst().orElseThrow();
        // Tue 09:00 → Thu 09:00 = 15/24 + 1 + 9/24 = 2 working days in 48 hours; waited 12 h → × 36/48 = 1.5
        assertThat(b.elapsedWorkingDays()).isCloseTo(1.5, within(1e-9));
        assertThat(b.elapsedHours()).isCloseTo(36, within(1e-9));
        // parts: 15/24 + 9/24 = 1; 2 × 36/48 = 1.5 → sequential 2.5, parallel 1.5
        assertThat(b.sequentialWorkingDays()).isCloseTo(2.5, within(1e-9));
        assertThat(b.parallelWorkingDays()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void perServiceAndPerMonthTheMeansAndReductionsAreTheHandComputedOnes() {
        var s = report.services().stream().filter(x -> x.code().equals(CODE)).findFirst().orElseThrow();
        assertThat(s.beforeWorkingDays()).isEqualTo(32);
        assertThat(s.months()).extracting(EfficiencyReport.Measured::label).containsExactly("2026-09", "2026-10");

        var september = s.months().get(0);
        assertThat(september.cases()).isEqualTo(2);
        // mean elapsed (0.8333 + 1.5) / 2 = 1.16667; hours (92 + 36) / 2 = 64
        assertThat(september.meanElapsedWorkingDays()).isCloseTo(7.0 / 6, within(1e-9));
        assertThat(september.meanElapsedHours()).isCloseTo(64, within(1e-9));
        // sequential (1.625 + 2.5) / 2 = 2.0625, parallel (0.75 + 1.5) / 2 = 1.125
        assertThat(september.meanSequentialWorkingDays()).isCloseTo(2.0625, within(1e-9));
        assertThat(september.meanParallelWorkingDays()).isCloseTo(1.125, within(1e-9));
        // 1 − 2.25 / 4.125 = 45.45 %; against 32 days before: (32 − 1.16667) / 32 = 96.35 %
        assertThat(september.parallelReductionPercent()).isCloseTo(100 * (1 - 2.25 / 4.125), within(1e-9));
        assertThat(september.versusBeforePercent()).isCloseTo(100 * (32 - 7.0 / 6) / 32, within(1e-9));

        var october = s.months().get(1);
        // one application, one part: 6/24 + 1 (make-up Saturday) + 6/24 = 1.5; nothing saved by parallel work
        assertThat(october.cases()).isEqualTo(1);
        assertThat(october.meanElapsedWorkingDays()).isCloseTo(1.5, within(1e-9));
        assertThat(october.meanElapsedHours()).isCloseTo(60, within(1e-9));
        assertThat(october.parallelReductionPercent()).isCloseTo(0, within(1e-9));
        assertThat(october.versusBeforePercent()).isCloseTo(100 * (32 - 1.5) / 32, within(1e-9)); // 95.3125

        var total = s.total();
        // (0.8333 + 1.5 + 1.5) / 3 = 1.27778; (92 + 36 + 60) / 3 = 62.667; 1 − 3.75 / 5.625 = 33.33 %
        assertThat(total.cases()).isEqualTo(3);
        assertThat(total.meanElapsedWorkingDays()).isCloseTo((20.0 / 24 + 3) / 3, within(1e-9));
        assertThat(total.meanElapsedHours()).isCloseTo(188.0 / 3, within(1e-9));
        assertThat(total.parallelReductionPercent()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(total.versusBeforePercent()).isCloseTo(100 * (32 - (20.0 / 24 + 3) / 3) / 32, within(1e-9)); // 96.007
    }

    @Test
    void aRepeatedEventChangesNothing() {
        publish(new ServiceCaseCompleted(900_000_003L, CODE, 1, at("2026-10-01T00:00"), at("2026-10-01T00:00"),
                at("2026-10-20T00:00"), Duration.ZERO, List.of()));
        assertThat(jdbc.sql("select count(*) from service_efficiency_part where case_id = 900000003").query(Integer.class).single())
                .isEqualTo(1);
        var c = report.cases().stream().filter(x -> x.caseId() == 900_000_003L).findFirst().orElseThrow();
        assertThat(c.elapsedWorkingDays()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void thePageShowsTheFiguresInItsTableToTheRolesThatReadThem() throws Exception {
        String page = mvc.perform(get("/services/efficiency").with(user(demo.user("evaluation"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int at = page.indexOf("id=\"efficiency-" + CODE + "\"");
        assertThat(at).isPositive();
        String card = page.substring(at, page.indexOf("</article>", at));
        assertThat(card).contains("data-month=\"2026-09\"", "1.17", "64.0", "45.5%", "96.4%", "33.3%", "96.0%");
        // the before/after figures of the definition: 32 → 5 working days = 84.4 %
        assertThat(card).contains("84.4%");
        mvc.perform(get("/services/efficiency").with(user(demo.user("leader")))).andExpect(status().isOk());
        mvc.perform(get("/services/efficiency").with(user(demo.user("unit")))).andExpect(status().isForbidden());
    }
}
