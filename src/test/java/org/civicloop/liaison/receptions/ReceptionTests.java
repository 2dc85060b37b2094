package org.civicloop.liaison.receptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.liaison.LiaisonEvents.ReceptionHeld;
import org.civicloop.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** A reception's life in memory: its moves, and the refusals that leave it as it was. */
class ReceptionTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");
    static final LocalTime NINE = LocalTime.of(9, 0);
    static final LocalTime NOON = LocalTime.of(12, 0);

    static Reception planned(LocalDate day, boolean mobile, String place) {
        Reception r = Reception.plan(7L, "花溪区青岩镇明清街社区便民服务中心一楼",
                new ReceptionPlan(day, NINE, NOON, place, mobile), TODAY, 1L, NOW);
        r.assignId(42L);
        return r;
    }

    @Test
    void aReceptionAtTheSiteTakesItsAddressAMobileOneItsNamedPlace() {
        assertThat(planned(TODAY, false, " ").place()).isEqualTo("花溪区青岩镇明清街社区便民服务中心一楼");
        Reception market = planned(TODAY, true, " 青岩镇集贸市场 ");
        assertThat(market.place()).isEqualTo("青岩镇集贸市场");
        assertThat(market.mobile()).isTrue();
        assertThat(market.status()).isEqualTo(ReceptionStatus.PLANNED);
        assertThat(market.planned().after()).containsEntry("mobile", true).containsEntry("place", "青岩镇集贸市场");
    }

    @Test
    void holdingNamesTheDeputiesAndVisitorsInTheEvent() {
        Reception r = planned(TODAY, true, "青岩镇集贸市场");
        ReceptionHeld held = r.hold(new TreeSet<>(Set.of(5L, 3L)), 64, "  反映道路问题 \n 已登记 ", TODAY, NOW);
        assertThat(held).isEqualTo(new ReceptionHeld(42L, 7L, TODAY, true, "青岩镇集贸市场", 64, List.of(3L, 5L)));
        assertThat(r.status()).isEqualTo(ReceptionStatus.HELD);
        assertThat(r.visitors()).isEqualTo(64);
        assertThat(r.notes()).isEqualTo("反映道路问题 \n 已登记");
        assertThat(held.action()).isEqualTo("reception.held");
    }

    @Test
    void aHeldOrCancelledReceptionMovesNoMore() {
        Reception held = planned(TODAY, false, null);
        held.hold(Set.of(1L), 10, null, TODAY, NOW);
        assertRefused(() -> held.hold(Set.of(1L), 12, null, TODAY, NOW), "reception.error.notPlanned");
        assertRefused(() -> held.cancel("改期", NOW), "reception.error.notPlanned");
        assertThat(held.visitors()).isEqualTo(10);

        Reception cancelled = planned(TODAY, false, null);
        assertThat(cancelled.cancel(" 暴雨预警 ", NOW).reason()).isEqualTo("暴雨预警");
        assertThat(cancelled.status()).isEqualTo(ReceptionStatus.CANCELLED);
        assertRefused(() -> cancelled.hold(Set.of(1L), 10, null, TODAY, NOW), "reception.error.notPlanned");
    }

    @Test
    void holdingRefusesBadInputAndStaysPlanned() {
        Reception r = planned(TODAY.plusDays(1), false, null);
        assertRefused(() -> r.hold(Set.of(1L), 10, null, TODAY, NOW), "reception.error.notYet");
        Reception today = planned(TODAY, false, null);
        assertRefused(() -> today.hold(Set.of(), 10, null, TODAY, NOW), "reception.error.deputiesRequired");
        assertRefused(() -> today.hold(null, 10, null, TODAY, NOW), "reception.error.deputiesRequired");
        assertRefused(() -> today.hold(Set.of(1L), null, null, TODAY, NOW), "reception.error.visitorsRequired");
        assertRefused(() -> today.hold(Set.of(1L), -1, null, TODAY, NOW), "reception.error.visitorsRange");
        assertRefused(() -> today.hold(Set.of(1L), 100_001, null, TODAY, NOW), "reception.error.visitorsRange");
        assertRefused(() -> today.hold(Set.of(1L), 5, "有\u0000空字符", TODAY, NOW), "reception.error.controlCharacters");
        assertRefused(() -> today.hold(Set.of(1L), 5, "字".repeat(2001), TODAY, NOW), "reception.error.notesTooLong");
        assertThat(today.status()).isEqualTo(ReceptionStatus.PLANNED);
        assertThat(today.visitors()).isNull();
        assertThat(today.deputyIds()).isEmpty();
    }

    @Test
    void cancellingNeedsAReason() {
        Reception r = planned(TODAY, false, null);
        assertRefused(() -> r.cancel("  ", NOW), "reception.error.reasonRequired");
        assertRefused(() -> r.cancel("原因\u0007", NOW), "reception.error.controlCharacters");
        assertRefused(() -> r.cancel("长".repeat(501), NOW), "reception.error.reasonTooLong");
        assertThat(r.status()).isEqualTo(ReceptionStatus.PLANNED);
    }

    @Test
    void planningRefusesBadInput() {
        assertRefused(() -> Reception.plan(7L, "站", new ReceptionPlan(null, NINE, NOON, null, false), TODAY, 1L, NOW),
                "reception.error.dateRequired");
        assertRefused(() -> Reception.plan(7L, "站", new ReceptionPlan(TODAY, NOON, NINE, null, false), TODAY, 1L, NOW),
                "reception.error.endBeforeStart");
        assertRefused(() -> Reception.plan(7L, "站", new ReceptionPlan(TODAY, NINE, null, null, false), TODAY, 1L, NOW),
                "reception.error.timeRequired");
        assertRefused(() -> Reception.plan(7L, "站", new ReceptionPlan(TODAY, NINE, NOON, " ", true), TODAY, 1L, NOW),
                "reception.error.placeRequired");
        assertRefused(() -> Reception.plan(7L, "站", new ReceptionPlan(TODAY, NINE, NOON, "市场\u0000", true), TODAY, 1L, NOW),
                "reception.error.controlCharacters");
        assertRefused(() -> Reception.plan(7L, "站", new ReceptionPlan(TODAY, NINE, NOON, "场".repeat(101), true), TODAY, 1L, NOW),
                "reception.error.placeTooLong");
        assertRefused(() -> Reception.plan(7L, "站", new ReceptionPlan(TODAY.plusDays(367), NINE, NOON, null, false), TODAY, 1L, NOW),
                "reception.error.dateOutOfRange");
    }

    @Test
    void fixedDaysFallOnTheirWeekdaysOrDaysOfTheMonth() {
        var tueFri = ReceptionRule.of(7L, ReceptionRule.Kind.WEEKLY, new TreeSet<>(Set.of(2, 5)), NINE, NOON, null);
        // 2026-12-01 is a Tuesday
        assertThat(tueFri.datesBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8)))
                .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 8));
        var market = ReceptionRule.of(7L, ReceptionRule.Kind.MONTH_DAYS, new TreeSet<>(Set.of(5, 15, 25)),
                LocalTime.of(8, 30), LocalTime.of(11, 30), "青岩镇集贸市场");
        assertThat(market.mobile()).isTrue();
        assertThat(market.datesBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 10))).containsExactly(
                LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 5));
        assertRefused(() -> ReceptionRule.of(7L, ReceptionRule.Kind.WEEKLY, new TreeSet<>(Set.of(8)), NINE, NOON, null),
                "reception.error.ruleDaysRange");
        assertRefused(() -> ReceptionRule.of(7L, ReceptionRule.Kind.MONTH_DAYS, new TreeSet<>(), NINE, NOON, null),
                "reception.error.ruleDaysRequired");
        assertRefused(() -> ReceptionRule.of(7L, null, new TreeSet<>(Set.of(1)), NINE, NOON, null),
                "reception.error.ruleKindRequired");
    }

    private static void assertRefused(Runnable move, String key) {
        assertThatThrownBy(move::run).isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).messageKey()).isEqualTo(key));
    }
}
