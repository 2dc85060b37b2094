package org.civicloop.suggestions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The suggestions module's KPIs for the whole district, as other modules may read them (the
 * performance evaluation's own-loop indicators): the same figures as the KPI dashboard, computed by
 * {@code suggestions.kpi.SuggestionKpis} for the assignments made between two days (both included).
 */
public interface SuggestionKpiFigures {

    /** The district's figures for the period as of {@code now}. */
    Figures district(LocalDate from, LocalDate to, Instant now);

    /**
     * Rates in percent with one decimal; null where the rate has no denominator.
     *
     * @param onTimeReplyRate  按时办复率: first replies on time ÷ replies
     * @param satisfactionRate 满意率: satisfied evaluations ÷ evaluations
     * @param solvedRate       解决率: solved result classes ÷ classified replies
     * @param assigned         the replies owed in the period, the base of everything
     */
    record Figures(BigDecimal onTimeReplyRate, BigDecimal satisfactionRate, BigDecimal solvedRate, long assigned) {
    }
}
