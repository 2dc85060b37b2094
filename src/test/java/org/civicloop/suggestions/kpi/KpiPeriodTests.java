package org.civicloop.suggestions.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.civicloop.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** Presets, ranges and rates without a database. */
class KpiPeriodTests {

    @Test
    void presetsCoverWholeMonthsQuartersHalvesAndYears() {
        assertThat(KpiPeriod.of("2026")).isEqualTo(new KpiPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "2026"));
        assertThat(KpiPeriod.of("2026-H2").from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(KpiPeriod.of("2026-H2").to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(KpiPeriod.of("2026-Q1").to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(KpiPeriod.of("2028-02").to()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(KpiPeriod.presets(2026)).hasSize(19);
        for (String wrong : new String[] {"", "2026-Q5", "2026-13", "1999", "2026-H3", "abc"}) {
            assertThatThrownBy(() -> KpiPeriod.of(wrong)).as(wrong).isInstanceOf(BusinessException.class)
                    .extracting("messageKey").isEqualTo("kpi.error.period");
        }
    }

    @Test
    void aRangeIsWholeDaysInShanghai() {
        KpiPeriod p = KpiPeriod.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(p.start(shanghai)).hasToString("2026-02-28T16:00:00Z");
        assertThat(p.end(shanghai)).hasToString("2026-03-31T16:00:00Z");
        assertThatThrownBy(() -> KpiPeriod.between(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .extracting("messageKey").isEqualTo("kpi.error.fromAfterTo");
        assertThatThrownBy(() -> KpiPeriod.between(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)))
                .extracting("messageKey").isEqualTo("kpi.error.tooLong");
        assertThatThrownBy(() -> KpiPeriod.between(null, LocalDate.of(2026, 1, 1)))
                .extracting("messageKey").isEqualTo("kpi.error.period");
    }

    @Test
    void ratesHaveOneDecimalHalfUpAndNoneWithoutADenominator() {
        assertThat(new Ratio(2, 3).text()).isEqualTo("66.7%");
        assertThat(new Ratio(1, 3).text()).isEqualTo("33.3%");
        assertThat(new Ratio(1, 8).text()).isEqualTo("12.5%");
        assertThat(new Ratio(1, 16).text()).isEqualTo("6.3%");   // 6.25 rounds half up
        assertThat(new Ratio(0, 5).text()).isEqualTo("0.0%");
        assertThat(new Ratio(0, 0).text()).isNull();
        assertThat(new Ratio(0, 0).defined()).isFalse();
    }
}
