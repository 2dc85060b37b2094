package org.civicloop.suggestions.kpi;

import java.time.Instant;
import java.util.List;

/**
 * The KPIs of a period: one row per handling unit with assignments in it, and the district's totals
 * (sums over the same assignments). {@code classes} is the result-class dictionary in its order.
 */
public record KpiReport(KpiPeriod period, Instant computedAt, List<ResultClass> classes, List<String> solvedClasses,
                        List<String> implementedClasses, List<UnitKpis> units, UnitKpis district) {

    /** A result class of the dictionary, in both languages. */
    public record ResultClass(String code, String nameZh, String nameEn) {
        public String label(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }
}
