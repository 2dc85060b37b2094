package org.civicloop.liaison.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.CreditCode;
import org.civicloop.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;

class EnterpriseMatterTests {

    static final String CODE = CreditCode.withCheck("91520111MA6H00001");
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    static MatterDraft draft() {
        return new MatterDraft(7L, "Huaxi Test Co", CODE, "Zhang", "13812345678", true, "licence stuck", 3L,
                Set.of(11L, 12L), LocalDate.of(2026, 3, 2));
    }

    static EnterpriseMatter opened() {
        EnterpriseMatter m = EnterpriseMatter.open(draft(), 99L, T0);
        m.assignId(5L);
        return m;
    }

    @Test
    void aMatterGoesToTheUnitIsAnsweredAndConfirmedSolved() {
        EnterpriseMatter m = opened();
        assertThat(m.status()).isEqualTo(MatterStatus.AT_UNIT);
        var opened = m.opened();
        assertThat(opened.unitId()).isEqualTo(3L);
        assertThat(opened.siteId()).isEqualTo(7L);
        assertThat(opened.deputyIds()).containsExactlyInAnyOrder(11L, 12L);

        var answered = m.answer("licence issued", 42L, T0.plusSeconds(86_400));
        assertThat(answered.round()).isEqualTo(1);
        assertThat(m.status()).isEqualTo(MatterStatus.ANSWERED);

        var confirmed = m.confirm(true, "works now", 99L, LocalDate.of(2026, 3, 5), T0.plusSeconds(3 * 86_400));
        assertThat(confirmed.solved()).isTrue();
        assertThat(confirmed.confirmedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(m.status()).isEqualTo(MatterStatus.SOLVED);
    }

    @Test
    void notSolvedSendsItBackForANewRoundAndAClosedMatterMovesNoMore() {
        EnterpriseMatter m = opened();
        m.answer("we looked", 42L, T0);
        var reopened = m.reopen("still stuck", T0.plusSeconds(60));
        assertThat(reopened.round()).isEqualTo(2);
        assertThat(m.status()).isEqualTo(MatterStatus.AT_UNIT);
        assertThatThrownBy(() -> m.confirm(true, null, 1L, LocalDate.of(2026, 3, 3), T0))
                .as("confirming before the unit answers again").isInstanceOf(BusinessException.class);
        m.answer("done this time", 42L, T0.plusSeconds(120));
        var closed = m.confirm(false, "gave up", 1L, LocalDate.of(2026, 3, 9), T0.plusSeconds(180));
        assertThat(closed.solved()).isFalse();
        assertThat(m.status()).isEqualTo(MatterStatus.UNSOLVED);
        assertThatThrownBy(() -> m.answer("again", 42L, T0)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> m.reopen("x", T0)).isInstanceOf(BusinessException.class);
    }

    @Test
    void theStatusTableAllowsOnlyTheNamedMoves() {
        assertThat(MatterStatus.AT_UNIT.canTransitionTo(MatterStatus.ANSWERED)).isTrue();
        assertThat(MatterStatus.AT_UNIT.canTransitionTo(MatterStatus.SOLVED)).isFalse();
        assertThat(MatterStatus.ANSWERED.canTransitionTo(MatterStatus.AT_UNIT)).isTrue();
        assertThat(MatterStatus.SOLVED.canTransitionTo(MatterStatus.AT_UNIT)).isFalse();
        assertThat(MatterStatus.UNSOLVED.isClosed()).isTrue();
    }

    @Test
    void aDraftListsEveryProblemAndPreselectsNothing() {
        var bad = new MatterDraft(null, " ", "91350100M000100Y44", "A\u0000B", "12345", false, "x".repeat(2001), null,
                Set.of(), LocalDate.of(2026, 3, 10));
        List<String> fields = bad.problems(LocalDate.of(2026, 3, 9)).stream().map(Problem::field).toList();
        assertThat(fields).containsExactlyInAnyOrder("siteId", "enterpriseName", "creditCode", "contactName", "contactPhone",
                "consent", "problem", "unitId", "deputyIds", "openedOn");
        assertThat(bad.problems(LocalDate.of(2026, 3, 9))).filteredOn(p -> p.field().equals("creditCode"))
                .extracting(Problem::messageKey).containsExactly("matter.error.creditCode");
        assertThat(draft().problems(LocalDate.of(2026, 3, 2))).isEmpty();
    }
}
