package org.civicloop.deadlines.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.civicloop.deadlines.ClockState;
import org.civicloop.deadlines.ClockStatus;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.DayKind;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** The clock aggregate without a database: due and warning times, states, transitions. */
class DeadlineClockTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // Qingming 2026: Sat 4 to Mon 6 April off
    private final WorkingCalendar calendar = WorkingCalendar.of(SHANGHAI, Map.of(
            LocalDate.of(2026, 4, 4), DayKind.HOLIDAY, LocalDate.of(2026, 4, 5), DayKind.HOLIDAY,
            LocalDate.of(2026, 4, 6), DayKind.HOLIDAY));
    private final DeadlineRule fifteenWarnThree = DeadlineRule.workingDays("opinion.default", 15, 3);

    private static Instant beijing(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    private static Instant endOf(int month, int day) {
        return ZonedDateTime.of(2026, month, day, 23, 59, 59, 999_999_000, SHANGHAI).toInstant();
    }

    @Test
    void theStateFollowsTheWarningWindowAndTheDueTime() {
        // started Mon 2 Mar: 1 Tue 3 … 4 Fri 6, 5 Mon 9 … 9 Fri 13, 10 Mon 16 … 14 Fri 20, 15 Mon 23 Mar
        DeadlineClock clock = DeadlineClock.start("opinion", "1", fifteenWarnThree, beijing(3, 2, 9, 0), calendar);
        ClockView atStart = clock.view(calendar, beijing(3, 2, 9, 0));
        assertThat(atStart.dueAt()).isEqualTo(endOf(3, 23));
        // warn 3 working days before Mon 23: the window holds Thu 19, Fri 20 and Mon 23, so it opens
        // at the end of Wed 18
        assertThat(atStart.warnAt()).isEqualTo(endOf(3, 18));
        assertThat(atStart.state()).isEqualTo(ClockState.ON_TIME);
        // on Mon 2 itself: Mon 2 … Mon 23 both counted = 16 working days
        assertThat(atStart.workingDaysLeft()).isEqualTo(16);

        ClockView wednesday = clock.view(calendar, beijing(3, 18, 17, 0));
        assertThat(wednesday.state()).isEqualTo(ClockState.ON_TIME);
        assertThat(wednesday.workingDaysLeft()).isEqualTo(4);
        ClockView thursday = clock.view(calendar, beijing(3, 19, 8, 0));
        assertThat(thursday.state()).isEqualTo(ClockState.WARNING);
        assertThat(thursday.workingDaysLeft()).isEqualTo(3);
        ClockView lastEvening = clock.view(calendar, beijing(3, 23, 23, 59));
        assertThat(lastEvening.state()).isEqualTo(ClockState.WARNING);
        assertThat(lastEvening.workingDaysLeft()).isEqualTo(1);
        ClockView tuesday = clock.view(calendar, beijing(3, 24, 0, 0));
        assertThat(tuesday.state()).isEqualTo(ClockState.OVERDUE);
        assertThat(tuesday.workingDaysLeft()).isEqualTo(-1);
        // Mon 30 Mar: Tue 24 … Fri 27 and Mon 30 late = 5 working days
        assertThat(clock.view(calendar, beijing(3, 30, 10, 0)).workingDaysLeft()).isEqualTo(-5);
    }

    @Test
    void aPausedClockIsFrozenAtItsPauseAndResumingAddsThePausedWorkingDays() {
        DeadlineClock clock = DeadlineClock.start("opinion", "2", fifteenWarnThree, beijing(3, 2, 9, 0), calendar);
        clock.pause(beijing(3, 31, 10, 0));
        // paused Tue 31 Mar; weeks later the paused clock still shows its state at the pause
        ClockView paused = clock.view(calendar, beijing(4, 20, 10, 0));
        assertThat(paused.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(paused.state()).isEqualTo(ClockState.OVERDUE); // Mon 23 had passed when it was paused
        // resumed Tue 7 Apr: working days after Tue 31 up to Tue 7 = Wed 1, Thu 2, Fri 3, Tue 7
        // (Qingming 4-6 Apr) = 4, so Mon 23 Mar + 4 = Tue 24, Wed 25, Thu 26, Fri 27 Mar
        var resumed = clock.resume(calendar, beijing(4, 7, 9, 0));
        assertThat(resumed.pausedWorkingDays()).isEqualTo(4);
        assertThat(clock.dueAt()).isEqualTo(endOf(3, 27));
    }

    @Test
    void transitionsThatMakeNoSenseAreRefused() {
        DeadlineClock clock = DeadlineClock.start("opinion", "3", fifteenWarnThree, beijing(3, 2, 9, 0), calendar);
        clock.stop(beijing(3, 10, 9, 0));
        assertThatThrownBy(() -> clock.pause(beijing(3, 11, 9, 0)))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
        assertThatThrownBy(() -> clock.extend(2, calendar, beijing(3, 11, 9, 0)))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
        assertThat(ClockStatus.STOPPED.canTransitionTo(ClockStatus.RUNNING)).isFalse();
        assertThat(ClockStatus.PAUSED.canTransitionTo(ClockStatus.STOPPED)).isTrue();
        // stopped on Tue 10, before Mon 23: it keeps showing on time
        assertThat(clock.view(calendar, beijing(6, 1, 9, 0)).state()).isEqualTo(ClockState.ON_TIME);
    }

    @Test
    void hourRulesCountClockHours() {
        DeadlineClock clock = DeadlineClock.start("opinion", "4", DeadlineRule.hours("opinion.urgent", 24, 4),
                beijing(4, 3, 15, 30), calendar);
        ClockView view = clock.view(calendar, beijing(4, 3, 15, 30));
        assertThat(view.dueAt()).isEqualTo(beijing(4, 4, 15, 30)); // holidays do not stop a 24-hour clock
        assertThat(view.warnAt()).isEqualTo(beijing(4, 4, 11, 30));
        assertThat(clock.view(calendar, beijing(4, 4, 12, 0)).state()).isEqualTo(ClockState.WARNING);
    }
}
