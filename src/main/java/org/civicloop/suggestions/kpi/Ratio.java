package org.civicloop.suggestions.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate with its numerator and denominator kept, so that every percentage can be shown beside the
 * counts it came from. Without a denominator there is no rate (shown as a dash, not 0%).
 */
public record Ratio(long numerator, long denominator) {

    public boolean defined() {
        return denominator > 0;
    }

    /** Percent with one decimal, half up; {@code null} without a denominator. */
    public BigDecimal percent() {
        if (!defined()) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    /** {@code 75.0%}, or {@code null} without a denominator (the page shows {@code kpi.none}). */
    public String text() {
        BigDecimal p = percent();
        return p == null ? null : p.toPlainString() + "%";
    }
}
