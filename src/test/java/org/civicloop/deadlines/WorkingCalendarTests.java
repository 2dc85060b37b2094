package org.civicloop.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calendar arithmetic, on the 2026 Spring Festival as the State Council arranged it: 15 to 23
 * February off (Sunday to Monday), Saturday 14 and Saturday 28 February working.
 */
class WorkingCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingCalendar calendar = WorkingCalendar.of(SHANGHAI, springFestival2026AndNeighbours());

    private static Map<LocalDate, DayKind> springFestival2026AndNeighbours() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        days.put(LocalDate.of(2026, 2, 14), DayKind.WORKDAY);
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 2, 28), DayKind.WORKDAY);
        return days;
    }

    @Test
    void fifteenWorkingDaysFromFridayThe13thCrossTheSpringFestival() {
        // Start Fri 13 Feb (does not count). Working days after it:
        //  1 Sat 14 Feb (make-up day)   -- Sun 15 to Mon 23 Feb: Spring Festival --
        //  2 Tue 24, 3 Wed 25, 4 Thu 26, 5 Fri 27, 6 Sat 28 Feb (make-up day)   -- Sun 1 Mar rest --
        //  7 Mon 2, 8 Tue 3, 9 Wed 4, 10 Thu 5, 11 Fri 6 Mar   -- weekend 7-8 Mar --
        // 12 Mon 9, 13 Tue 10, 14 Wed 11, 15 Thu 12 Mar
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 15)).isEqualTo(LocalDate.of(2026, 3, 12));

        // as an instant: received at 10:00 Beijing time, due at the very end of Thu 12 Mar, Beijing time
        Instant received = ZonedDateTime.of(2026, 2, 13, 10, 0, 0, 0, SHANGHAI).toInstant();
        assertThat(calendar.plusWorkingDays(received, 15))
                .isEqualTo(ZonedDateTime.of(2026, 3, 12, 23, 59, 59, 999_999_000, SHANGHAI).toInstant());
        // late in the evening UTC of the 12th is already the 13th in Beijing: the day counts in Beijing
        Instant lateUtc = Instant.parse("2026-02-12T17:30:00Z"); // 01:30 on 13 Feb in Beijing
        assertThat(calendar.dateOf(lateUtc)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(calendar.plusWorkingDays(lateUtc, 15)).isEqualTo(calendar.plusWorkingDays(received, 15));
    }

    @Test
    void daysLeftCountTodayAndTheDueDayOnWorkingDaysOnly() {
        // Mon 2 Mar to Thu 5 Mar: Mon, Tue, Wed, Thu
        assertThat(calendar.workingDaysLeft(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5))).isEqualTo(4);
        // on the due day itself, a working day: that day
        assertThat(calendar.workingDaysLeft(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5))).isEqualTo(1);
        // from the ordinary Saturday 7 Mar to Tue 10 Mar: Mon, Tue
        assertThat(calendar.workingDaysLeft(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 10))).isEqualTo(2);
        // from the make-up Saturday 28 Feb to Mon 2 Mar: Sat, Mon
        assertThat(calendar.workingDaysLeft(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 2))).isEqualTo(2);
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayAndAnOrdinarySaturdayIsNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();   // Sat, make-up day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();   // Sat, make-up day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();   // Sat, ordinary
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();  // Mon, Spring Festival
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();   // Tue, back at work
        // one working day after Friday the 13th is the make-up Saturday, not Tuesday the 24th
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aDeadlineStartingOnAHolidayCountsFromTheFirstWorkingDayAfterIt() {
        // received Wed 18 Feb, in the middle of the holiday: 1 Tue 24, 2 Wed 25, 3 Thu 26
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 18), 3)).isEqualTo(LocalDate.of(2026, 2, 26));
        // received Mon 23 Feb, the last day off: the next working day is the first
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 23), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        // received on the make-up Saturday itself: that day does not count either
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 28), 1)).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void workingDaysBetweenCountsBothWays() {
        LocalDate friday13 = LocalDate.of(2026, 2, 13);
        LocalDate thursday12 = LocalDate.of(2026, 3, 12);
        assertThat(calendar.workingDaysBetween(friday13, thursday12)).isEqualTo(15);
        assertThat(calendar.workingDaysBetween(thursday12, friday13)).isEqualTo(-15);
        assertThat(calendar.workingDaysBetween(friday13, friday13)).isZero();
        // Fri 13 to Mon 23 Feb: only the make-up Saturday
        assertThat(calendar.workingDaysBetween(friday13, LocalDate.of(2026, 2, 23))).isEqualTo(1);
        // counting back is the mirror of counting forward
        assertThat(calendar.plusWorkingDays(thursday12, -15)).isEqualTo(friday13);
        for (int n = 0; n <= 40; n++) {
            assertThat(calendar.workingDaysBetween(friday13, calendar.plusWorkingDays(friday13, n))).as("n=%d", n).isEqualTo(n);
        }
    }

    @Test
    void threeCalendarMonthsFromTheThirtiethOfNovemberEndOnTheLastDayOfFebruary() {
        // 30 Nov 2025 + 3 months: February has no 30th, so its last day, Sat 28 Feb 2026, which is a
        // make-up working day: it stays
        assertThat(calendar.plusCalendarMonths(LocalDate.of(2025, 11, 30), 3)).isEqualTo(LocalDate.of(2026, 2, 28));
        // 30 Nov 2027 + 3 months: 2028 is a leap year, Tue 29 Feb 2028
        assertThat(calendar.plusCalendarMonths(LocalDate.of(2027, 11, 30), 3)).isEqualTo(LocalDate.of(2028, 2, 29));
        // 30 Nov 2026 + 3 months: Sun 28 Feb 2027 is a day of rest, so the limit ends on Mon 1 Mar
        assertThat(calendar.plusCalendarMonths(LocalDate.of(2026, 11, 30), 3)).isEqualTo(LocalDate.of(2027, 3, 1));
        // a corresponding day that exists is kept: 15 Jan + 3 months = Wed 15 Apr 2026
        assertThat(calendar.plusCalendarMonths(LocalDate.of(2026, 1, 15), 3)).isEqualTo(LocalDate.of(2026, 4, 15));
        // the Spring Festival pushes a limit that ends inside it to Tue 24 Feb
        assertThat(calendar.plusCalendarMonths(LocalDate.of(2025, 11, 17), 3)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void yearsWithoutExceptionsAreMondayToFriday() {
        WorkingCalendar plain = WorkingCalendar.weekdaysOnly(SHANGHAI);
        // Fri 3 Jan 2031 + 5 working days = Fri 10 Jan 2031
        assertThat(plain.plusWorkingDays(LocalDate.of(2031, 1, 3), 5)).isEqualTo(LocalDate.of(2031, 1, 10));
        assertThat(plain.isWorkingDay(LocalDate.of(2031, 1, 4))).isFalse();
    }
}
