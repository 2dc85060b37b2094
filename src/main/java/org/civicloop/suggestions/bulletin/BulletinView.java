package org.civicloop.suggestions.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.kpi.KpiReport;
import org.civicloop.suggestions.kpi.UnitKpis;

/**
 * A collective notice (集中通报) as stored: its header, the frozen figures per unit and for the
 * district (rates are derived from the stored counts by {@link UnitKpis}), and the overdue list.
 */
public record BulletinView(long id, String title, KpiPeriod period, String foreword, String status,
                       List<KpiReport.ResultClass> classes, List<String> solvedClasses, List<String> implementedClasses,
                       Instant generatedAt, String generatedBy, Instant publishedAt, String publishedBy,
                       List<UnitKpis> units, UnitKpis district, List<Overdue> overdue) {

    public boolean published() {
        return "PUBLISHED".equals(status);
    }

    /** One overdue assignment at generation; a confidential suggestion has no title here. */
    public record Overdue(long suggestionId, String title, boolean confidential, String unitName, String role, Instant dueAt,
                          int daysOverdue) {
    }

    /** A line of a list of bulletins. */
    public record Summary(long id, String title, String periodCode, LocalDate periodFrom, LocalDate periodTo, String status,
                          Instant generatedAt, Instant publishedAt) {
        public KpiPeriod period() {
            return new KpiPeriod(periodFrom, periodTo, periodCode);
        }
    }
}
