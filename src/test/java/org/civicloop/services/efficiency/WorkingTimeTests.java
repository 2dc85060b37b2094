package org.civicloop.services.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.civicloop.deadlines.DayKind;
import org.civicloop.deadlines.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** Part-days on the working calendar, without Spring. */
class WorkingTimeTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // Friday 2026-09-25 a holiday (中秋), Saturday 2026-10-10 a make-up working day
    static final WorkingCalendar CALENDAR = WorkingCalendar.of(ZONE, Map.of(
            LocalDate.of(2026, 9, 25), DayKind.HOLIDAY, LocalDate.of(2026, 10, 10), DayKind.WORKDAY));

    static java.time.Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    @Test
    void aPartDayCountsItsShareAndDaysOfRestCountNothing() {
        // Thu 15:00 → Mon 11:00, Fri a holiday: 9/24 + 11/24
        assertThat(WorkingTime.workingDays(CALENDAR, at("2026-09-24T15:00"), at("2026-09-28T11:00")))
                .isCloseTo(20.0 / 24, within(1e-9));
        assertThat(WorkingTime.hours(at("2026-09-24T15:00"), at("2026-09-28T11:00"), Duration.ZERO)).isEqualTo(92.0);
        // a make-up Saturday counts whole: Fri 18:00 → Mon 06:00 = 6/24 + 1 + 6/24
        assertThat(WorkingTime.workingDays(CALENDAR, at("2026-10-09T18:00"), at("2026-10-12T06:00")))
                .isCloseTo(1.5, within(1e-9));
        // within one working day
        assertThat(WorkingTime.workingDays(CALENDAR, at("2026-09-24T09:00"), at("2026-09-24T15:00"))).isCloseTo(0.25, within(1e-9));
        // a whole weekend alone is nothing
        assertThat(WorkingTime.workingDays(CALENDAR, at("2026-09-26T00:00"), at("2026-09-28T00:00"))).isZero();
        assertThat(WorkingTime.workingDays(CALENDAR, at("2026-09-28T00:00"), at("2026-09-26T00:00"))).isZero();
    }

    @Test
    void theApplicantsWaitingIsTakenOffInProportion() {
        // Tue 09:00 → Thu 09:00 = 15/24 + 1 + 9/24 = 2 working days in 48 hours; 12 hours waited: 2 × 36/48
        assertThat(WorkingTime.workingDays(CALENDAR, at("2026-09-08T09:00"), at("2026-09-10T09:00"), Duration.ofHours(12)))
                .isCloseTo(1.5, within(1e-9));
        assertThat(WorkingTime.hours(at("2026-09-08T09:00"), at("2026-09-10T09:00"), Duration.ofHours(12))).isEqualTo(36.0);
        // waiting longer than the interval leaves nothing, never less
        assertThat(WorkingTime.workingDays(CALENDAR, at("2026-09-08T09:00"), at("2026-09-08T10:00"), Duration.ofHours(2))).isZero();
        assertThat(WorkingTime.hours(at("2026-09-08T09:00"), at("2026-09-08T10:00"), Duration.ofHours(2))).isZero();
    }
}
