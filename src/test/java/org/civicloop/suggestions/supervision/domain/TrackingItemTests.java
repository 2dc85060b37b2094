package org.civicloop.suggestions.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingClosed;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingReportFiled;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingStarted;
import org.junit.jupiter.api.Test;

/** A tracking item's life in memory: its schedule, late reports, closing, and what a closed one refuses. */
class TrackingItemTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant beijing(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, SHANGHAI).toInstant();
    }

    private static TrackingItem started() {
        TrackingItem t = TrackingItem.start(7, 3, 3, LocalDate.of(2026, 1, 31), 42L, "  每季度报告  ", "office",
                beijing(2026, 1, 31, 9));
        t.assignId(11);
        return t;
    }

    @Test
    void aStartedItemIsOpenWithItsFirstReportDueOneIntervalLater() {
        TrackingItem t = started();
        assertThat(t.status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(t.note()).isEqualTo("每季度报告");
        assertThat(t.nextDueOn()).isEqualTo(LocalDate.of(2026, 4, 30));
        TrackingStarted e = t.started();
        assertThat(e.action()).isEqualTo("supervision.trackingStarted");
        assertThat(e.subjectType()).isEqualTo("suggestion");
        assertThat(e.subjectId()).isEqualTo("7");
        assertThat(e.after()).isEqualTo(Map.of("trackingId", 11L, "unitId", 3L, "intervalMonths", 3, "startsOn", "2026-01-31",
                "firstDueOn", "2026-04-30", "leaderAccountId", 42L));
    }

    @Test
    void aBadIntervalOrNoStartIsRefusedWithItsMessage() {
        assertThatThrownBy(() -> TrackingItem.start(7, 3, 0, LocalDate.of(2026, 1, 31), null, null, "office", Instant.EPOCH))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("supervision.error.interval");
                    assertThat(e.arguments()).containsExactly(1, 24);
                });
        assertThatThrownBy(() -> TrackingItem.start(7, 3, 25, LocalDate.of(2026, 1, 31), null, null, "office", Instant.EPOCH))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("supervision.error.interval"));
        assertThatThrownBy(() -> TrackingItem.start(7, 3, 3, null, null, null, "office", Instant.EPOCH))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("supervision.error.dateRequired"));
    }

    @Test
    void eachReportTakesTheNextPeriodCountedFromTheStartAndIsLateAfterItsDueDay() {
        TrackingItem t = started();
        // due 30 April (Beijing); filed on the day itself: on time
        TrackingReportFiled first = t.fileReport("第一季度", "unit", beijing(2026, 4, 30, 23), SHANGHAI);
        assertThat(first.after()).isEqualTo(Map.of("trackingId", 11L, "period", 1, "dueOn", "2026-04-30", "late", false,
                "nextDueOn", "2026-07-31"));
        assertThat(first.action()).isEqualTo("supervision.trackingReportFiled");
        // due 31 July (not 30: counted from 31 January); filed 1 August Beijing time (still 31 July in UTC): late
        TrackingReportFiled second = t.fileReport("第二季度", "unit", beijing(2026, 8, 1, 7), SHANGHAI);
        assertThat(second.period()).isEqualTo(2);
        assertThat(second.dueOn()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(second.late()).isTrue();
        assertThat(second.nextDueOn()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(t.reportsMade()).isEqualTo(2);
        assertThat(t.takeNewReports()).extracting(TrackingItem.Report::period, TrackingItem.Report::late)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(t.takeNewReports()).isEmpty();
    }

    @Test
    void anEmptyReportIsRefusedAndChangesNothing() {
        TrackingItem t = started();
        assertThatThrownBy(() -> t.fileReport("  ", "unit", beijing(2026, 4, 1, 9), SHANGHAI))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("supervision.error.textRequired"));
        assertThat(t.reportsMade()).isZero();
        assertThat(t.nextDueOn()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(t.newReports()).isEmpty();
    }

    @Test
    void closingKeepsTheCountAndAuditsOpenToClosed() {
        TrackingItem t = started();
        t.fileReport("第一季度", "unit", beijing(2026, 4, 1, 9), SHANGHAI);
        Instant at = beijing(2026, 5, 1, 9);
        TrackingClosed e = t.close(" 已完成 ", "office", at);
        assertThat(t.status()).isEqualTo(FollowUpStatus.CLOSED);
        assertThat(t.closedAt()).isEqualTo(at);
        assertThat(t.closedBy()).isEqualTo("office");
        assertThat(t.closeNote()).isEqualTo("已完成");
        assertThat(e.action()).isEqualTo("supervision.trackingClosed");
        assertThat(e.before()).isEqualTo(Map.of("status", "OPEN"));
        assertThat(e.after()).isEqualTo(Map.of("trackingId", 11L, "reportsMade", 1, "status", "CLOSED"));
    }

    @Test
    void aClosedItemTakesNoReportAndCannotCloseAgain() {
        TrackingItem t = started();
        t.close(null, "office", beijing(2026, 2, 1, 9));
        assertThat(t.closeNote()).isNull();
        assertThatThrownBy(() -> t.fileReport("迟到的报告", "unit", beijing(2026, 3, 1, 9), SHANGHAI))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("supervision.error.closed");
                    assertThat(e.status()).isEqualTo(409);
                });
        assertThatThrownBy(() -> t.close("again", "office", beijing(2026, 3, 1, 9)))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("supervision.error.closed"));
        assertThat(t.reportsMade()).isZero();
        assertThat(t.closeNote()).isNull();
    }

    @Test
    void aNewItemHasNoIdUntilSavedAndKeepsTheFirstOneGiven() {
        TrackingItem t = TrackingItem.start(7, 3, 3, LocalDate.of(2026, 1, 31), null, null, "office", Instant.EPOCH);
        assertThat(t.isNew()).isTrue();
        assertThatThrownBy(t::started).isInstanceOf(IllegalStateException.class);
        t.assignId(11);
        assertThat(t.isNew()).isFalse();
        assertThatThrownBy(() -> t.assignId(12)).isInstanceOf(IllegalStateException.class);
        assertThat(t.id()).isEqualTo(11);
    }

    @Test
    void onlyOpenMovesToClosed() {
        assertThat(FollowUpStatus.OPEN.canTransitionTo(FollowUpStatus.CLOSED)).isTrue();
        assertThat(FollowUpStatus.OPEN.canTransitionTo(FollowUpStatus.OPEN)).isFalse();
        assertThat(FollowUpStatus.CLOSED.canTransitionTo(FollowUpStatus.OPEN)).isFalse();
        assertThat(FollowUpStatus.CLOSED.canTransitionTo(FollowUpStatus.CLOSED)).isFalse();
    }
}
