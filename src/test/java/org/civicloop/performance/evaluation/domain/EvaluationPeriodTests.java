package org.civicloop.performance.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A period's label as the bundles write it, in Chinese and in English. */
class EvaluationPeriodTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    EvaluationPeriodTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private String label(EvaluationPeriod p, Locale locale) {
        return messages.getMessage(p.labelKey(), p.labelArguments(), locale);
    }

    @Test
    void monthsToDateNameTheLastMonthAndTheYearIsNotGrouped() {
        var september = EvaluationPeriod.of(PeriodKind.MONTHS_TO_DATE, "2026-M09");
        assertThat(label(september, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年1—9月");
        assertThat(label(september, Locale.ENGLISH)).isEqualTo("January–September 2026");
        assertThat(label(EvaluationPeriod.of(PeriodKind.MONTHS_TO_DATE, "2026-M01"), Locale.ENGLISH)).isEqualTo("January 2026");
        assertThat(label(EvaluationPeriod.of(PeriodKind.HALF_YEAR, "2026-H1"), Locale.ENGLISH)).isEqualTo("First half of 2026");
        assertThat(label(EvaluationPeriod.of(PeriodKind.YEAR, "2025"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("2025年度");
    }
}
