package org.civicloop.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clocks through the public facade, on the seeded 2026 calendar, with the shipped rules
 * (opinion.default: 15 working days, warn 3; suggestion.reply: 3 calendar months, warn 10).
 */
@IntegrationTest
class DeadlinesIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Deadlines deadlines;
    @Autowired
    JdbcClient jdbc;

    private static Instant beijing(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, SHANGHAI).toInstant();
    }

    private static Instant endOf(int month, int day) {
        return ZonedDateTime.of(2026, month, day, 23, 59, 59, 999_999_000, SHANGHAI).toInstant();
    }

    private static String subject() {
        return "order-" + System.nanoTime();
    }

    private List<String> auditActions(String subjectId) {
        return jdbc.sql("select action from audit_entry where subject_type = 'workOrder' and subject_id = :id order by id")
                .param("id", subjectId).query(String.class).list();
    }

    @Test
    void aWorkOrderReceivedBeforeTheSpringFestivalIsDueOnTheTwelfthOfMarch() {
        String id = subject();
        // no rule for this category: the caller's fallback opinion.default (15 working days) applies.
        // Fri 13 Feb + 15 working days = Thu 12 Mar (see WorkingCalendarTests for the count)
        ClockView view = deadlines.start("workOrder", id, "opinion.category.NO_SUCH_CATEGORY", "opinion.default", beijing(2, 13, 10));
        assertThat(view.ruleKey()).isEqualTo("opinion.default");
        assertThat(view.dueAt()).isEqualTo(endOf(3, 12));
        // warn 3 working days before Thu 12: the window (Tue 10, Wed 11, Thu 12) opens at the end of Mon 9
        assertThat(view.warnAt()).isEqualTo(endOf(3, 9));
        assertThat(view.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(view.round()).isEqualTo(1);
        assertThat(deadlines.find("workOrder", id).orElseThrow().dueAt()).isEqualTo(endOf(3, 12));
        // today (the machine's clock) is long after March 2026 for these tests: overdue
        assertThat(deadlines.find("workOrder", id).orElseThrow().state()).isEqualTo(ClockState.OVERDUE);
        assertThat(auditActions(id)).containsExactly("deadline.started");
    }

    @Test
    void aSpecificRuleIsUsedWhenConfigured() {
        String id = subject();
        // suggestion.return-request: 7 working days. Mon 2 Mar: Tue 3 … Fri 6 (4), Mon 9, Tue 10, Wed 11 (7)
        ClockView view = deadlines.start("workOrder", id, "suggestion.return-request", "opinion.default", beijing(3, 2, 9));
        assertThat(view.ruleKey()).isEqualTo("suggestion.return-request");
        assertThat(view.dueAt()).isEqualTo(endOf(3, 11));
    }

    @Test
    void pausingAndResumingPushesTheDueTimeByTheWorkingDaysSpentPaused() {
        String id = subject();
        // Mon 2 Mar + 15 working days = Mon 23 Mar (Tue 3 … Fri 6: 4; Mon 9 … Fri 13: 9; Mon 16 … Fri 20: 14; Mon 23: 15)
        assertThat(deadlines.start("workOrder", id, "opinion.default", "opinion.default", beijing(3, 2, 9)).dueAt())
                .isEqualTo(endOf(3, 23));
        ClockView paused = deadlines.pause("workOrder", id, beijing(3, 4, 10));
        assertThat(paused.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(paused.pausedAt()).isEqualTo(beijing(3, 4, 10));
        // a second pause changes nothing and records nothing
        assertThat(deadlines.pause("workOrder", id, beijing(3, 5, 10)).pausedAt()).isEqualTo(beijing(3, 4, 10));
        // resumed Mon 9 Mar: the working days after Wed 4 up to Mon 9 are Thu 5, Fri 6, Mon 9 = 3,
        // so Mon 23 + 3 = Thu 26 Mar
        ClockView resumed = deadlines.resume("workOrder", id, beijing(3, 9, 15));
        assertThat(resumed.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(resumed.pausedAt()).isNull();
        assertThat(resumed.dueAt()).isEqualTo(endOf(3, 26));
        assertThat(auditActions(id)).containsExactly("deadline.started", "deadline.paused", "deadline.resumed");
        assertThat(jdbc.sql("""
                        select summary_after->>'pausedWorkingDays' from audit_entry
                        where subject_id = :id and action = 'deadline.resumed'""")
                .param("id", id).query(String.class).single()).isEqualTo("3");
    }

    @Test
    void pausingOverAHolidayCountsOnlyWorkingDays() {
        String id = subject();
        // Wed 1 Apr + 15 working days, over Qingming (Sat 4 - Mon 6 Apr off):
        // Thu 2, Fri 3 (2); Tue 7 … Fri 10 (6); Mon 13 … Fri 17 (11); Mon 20 … Thu 23 (15) = Thu 23 Apr
        assertThat(deadlines.start("workOrder", id, "opinion.default", "opinion.default", beijing(4, 1, 9)).dueAt())
                .isEqualTo(endOf(4, 23));
        deadlines.pause("workOrder", id, beijing(4, 3, 16));
        // resumed Wed 8 Apr: after Fri 3 up to Wed 8 the working days are Tue 7 and Wed 8 = 2 -> Mon 27 Apr
        assertThat(deadlines.resume("workOrder", id, beijing(4, 8, 9)).dueAt()).isEqualTo(endOf(4, 27));
    }

    @Test
    void extensionsMoveTheDueTimeByWorkingDaysOrToAGivenTimeButNeverEarlier() {
        String id = subject();
        deadlines.start("workOrder", id, "opinion.default", "opinion.default", beijing(3, 2, 9)); // due Mon 23 Mar
        // + 5 working days: Tue 24, Wed 25, Thu 26, Fri 27, Mon 30 Mar
        ClockView extended = deadlines.extend("workOrder", id, 5, beijing(3, 20, 9));
        assertThat(extended.dueAt()).isEqualTo(endOf(3, 30));
        assertThat(extended.extensions()).isEqualTo(1);
        // + 3 more: Tue 31 Mar, Wed 1, Thu 2 Apr
        assertThat(deadlines.extend("workOrder", id, 3, beijing(3, 27, 9)).dueAt()).isEqualTo(endOf(4, 2));
        // to a given time
        ClockView to = deadlines.extendTo("workOrder", id, endOf(4, 10), beijing(3, 30, 9));
        assertThat(to.dueAt()).isEqualTo(endOf(4, 10));
        assertThat(to.extensions()).isEqualTo(3);
        assertThatThrownBy(() -> deadlines.extendTo("workOrder", id, endOf(4, 9), beijing(3, 30, 9)))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(422);
        assertThatThrownBy(() -> deadlines.extend("workOrder", id, 0, beijing(3, 30, 9)))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(422);
        assertThat(jdbc.sql("""
                        select summary_before->>'dueAt' || ' -> ' || (summary_after->>'dueAt') from audit_entry
                        where subject_id = :id and action = 'deadline.extended' order by id""")
                .param("id", id).query(String.class).list())
                .containsExactly(endOf(3, 23) + " -> " + endOf(3, 30), endOf(3, 30) + " -> " + endOf(4, 2),
                        endOf(4, 2) + " -> " + endOf(4, 10));
    }

    @Test
    void aStoppedClockKeepsWhetherItWasOnTimeAndRefusesFurtherChanges() {
        String onTime = subject();
        deadlines.start("workOrder", onTime, "opinion.default", "opinion.default", beijing(3, 2, 9)); // due Mon 23 Mar
        ClockView stopped = deadlines.stop("workOrder", onTime, beijing(3, 20, 17));
        assertThat(stopped.status()).isEqualTo(ClockStatus.STOPPED);
        assertThat(stopped.state()).isEqualTo(ClockState.ON_TIME);
        // a second stop is the same stop
        assertThat(deadlines.stop("workOrder", onTime, beijing(3, 25, 9)).stoppedAt()).isEqualTo(beijing(3, 20, 17));
        assertThatThrownBy(() -> deadlines.resume("workOrder", onTime, beijing(3, 21, 9)))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
        assertThatThrownBy(() -> deadlines.extend("workOrder", onTime, 2, beijing(3, 21, 9)))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);

        String late = subject();
        deadlines.start("workOrder", late, "opinion.default", "opinion.default", beijing(3, 2, 9));
        assertThat(deadlines.stop("workOrder", late, beijing(3, 24, 9)).state()).isEqualTo(ClockState.OVERDUE);
        assertThat(jdbc.sql("select summary_after->>'onTime' from audit_entry where subject_id = :id and action = 'deadline.stopped'")
                .param("id", late).query(String.class).single()).isEqualTo("false");
    }

    @Test
    void aReopenedOrderGetsAFreshClockWithAnotherRule() {
        String id = subject();
        deadlines.start("workOrder", id, "opinion.default", "opinion.default", beijing(3, 2, 9));
        deadlines.extend("workOrder", id, 5, beijing(3, 20, 9));
        deadlines.stop("workOrder", id, beijing(3, 27, 9));
        // reopened Fri 10 Apr under suggestion.reply: 3 calendar months = Fri 10 Jul 2026, a working day
        ClockView fresh = deadlines.restart("workOrder", id, "suggestion.reply", "opinion.default", beijing(4, 10, 11));
        assertThat(fresh.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(fresh.ruleKey()).isEqualTo("suggestion.reply");
        assertThat(fresh.startedAt()).isEqualTo(beijing(4, 10, 11));
        assertThat(fresh.dueAt()).isEqualTo(endOf(7, 10));
        // warn 10 working days before Fri 10 Jul: back Thu 9 … Mon 29 Jun (9), Fri 26 Jun (10)
        assertThat(fresh.warnAt()).isEqualTo(endOf(6, 26));
        assertThat(fresh.extensions()).isZero();
        assertThat(fresh.stoppedAt()).isNull();
        assertThat(fresh.round()).isEqualTo(2);
        assertThat(auditActions(id)).containsExactly("deadline.started", "deadline.extended", "deadline.stopped",
                "deadline.restarted");
    }

    @Test
    void startingTwiceTheSameWayIsOneStartAndDifferentlyIsAConflict() {
        String id = subject();
        ClockView first = deadlines.start("workOrder", id, "opinion.default", "opinion.default", beijing(3, 2, 9));
        ClockView again = deadlines.start("workOrder", id, "opinion.default", "opinion.default", beijing(3, 2, 9));
        assertThat(again.dueAt()).isEqualTo(first.dueAt());
        assertThat(auditActions(id)).containsExactly("deadline.started");
        assertThatThrownBy(() -> deadlines.start("workOrder", id, "suggestion.reply", "opinion.default", beijing(3, 2, 9)))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
        assertThatThrownBy(() -> deadlines.pause("workOrder", "no-such-" + id, beijing(3, 2, 9)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> deadlines.start("workOrder", subject(), "no.rule", "no.fallback", beijing(3, 2, 9)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsGetTheirClocksInOneCall() {
        String a = subject();
        String b = subject();
        String none = subject();
        deadlines.start("workOrder", a, "opinion.default", "opinion.default", beijing(3, 2, 9));
        deadlines.start("workOrder", b, "suggestion.return-request", "opinion.default", beijing(3, 2, 9));
        Map<String, ClockView> found = deadlines.find("workOrder", List.of(a, b, none));
        assertThat(found).containsOnlyKeys(a, b);
        assertThat(found.get(a).dueAt()).isEqualTo(endOf(3, 23));
        assertThat(found.get(b).dueAt()).isEqualTo(endOf(3, 11));
        assertThat(deadlines.find("workOrder", List.of())).isEmpty();
        // started now, the clock is on time with 15 or 16 working days left (16 when today is a working day)
        String current = subject();
        ClockView fresh = deadlines.start("workOrder", current, "opinion.default", "opinion.default", Instant.now());
        assertThat(fresh.state()).isEqualTo(ClockState.ON_TIME);
        assertThat(fresh.workingDaysLeft()).isBetween(15, 16);
    }
}
