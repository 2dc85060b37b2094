package org.civicloop.liaison.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;

class DisputeTests {

    static final Instant T0 = Instant.parse("2026-04-01T02:00:00Z");

    static Dispute opened() {
        var draft = new DisputeDraft(4L, "wages", "unpaid wages for March", List.of(new Party("Li", "13900001111"),
                new Party("Wang", null)), true, Set.of(21L), LocalDate.of(2026, 4, 1));
        Dispute d = Dispute.open(draft, 9L, T0);
        d.assignId(8L);
        return d;
    }

    @Test
    void anAgreementClosesTheDisputeAgreedAndNothingMovesAfter() {
        Dispute d = opened();
        assertThat(d.status()).isEqualTo(DisputeStatus.MEDIATING);
        assertThat(d.opened().parties()).isEqualTo(2);
        var closed = d.close(DisputeStatus.AGREED, "pays by 30 April", LocalDate.of(2026, 4, 10), T0);
        assertThat(closed.agreed()).isTrue();
        assertThat(closed.deputyIds()).containsExactly(21L);
        assertThat(d.status()).isEqualTo(DisputeStatus.AGREED);
        assertThatThrownBy(d::checkMediating).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> d.close(DisputeStatus.REFERRED, "x", LocalDate.of(2026, 4, 11), T0))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void referredOrNoAgreementIsNotAgreedAndTheDateCannotPrecedeTheOpening() {
        assertThat(opened().close(DisputeStatus.REFERRED, "to the court", LocalDate.of(2026, 4, 2), T0).agreed()).isFalse();
        assertThat(opened().close(DisputeStatus.NO_AGREEMENT, "no", LocalDate.of(2026, 4, 2), T0).agreed()).isFalse();
        assertThatThrownBy(() -> opened().close(DisputeStatus.AGREED, "x", LocalDate.of(2026, 3, 31), T0))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> opened().close(DisputeStatus.MEDIATING, "x", LocalDate.of(2026, 4, 2), T0))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void aDraftNeedsTwoNamedPartiesConsentAndADeputy() {
        var bad = new DisputeDraft(4L, "", "", List.of(new Party("Li", "abc"), new Party(null, "13900001111")), false,
                Set.of(), null);
        assertThat(bad.problems(LocalDate.of(2026, 4, 1))).extracting(Problem::field).containsExactlyInAnyOrder(
                "subject", "description", "parties[0].phone", "parties[1].name", "consent", "deputyIds", "openedOn");
        var one = new DisputeDraft(4L, "s", "d", List.of(new Party("Li", null), new Party(" ", " ")), true, Set.of(1L),
                LocalDate.of(2026, 4, 1));
        assertThat(one.problems(LocalDate.of(2026, 4, 1))).extracting(Problem::messageKey)
                .containsExactly("dispute.error.twoParties");
    }
}
