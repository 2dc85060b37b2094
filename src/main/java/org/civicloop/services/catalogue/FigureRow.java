package org.civicloop.services.catalogue;

import java.util.List;
import org.civicloop.services.catalogue.ServiceDefinition.Figures;

/**
 * One line of the before/after comparison (3.4): which figure, its value before the service was
 * combined and now, and the reduction {@code (before − after) / before} in percent (null when there was
 * nothing before to reduce).
 */
public record FigureRow(String figure, int before, int after, Double reductionPercent) {

    /** The six figures in the order the pages show them: steps, materials, trips, time limit, form fields, departments. */
    public static List<FigureRow> compare(Figures before, Figures after) {
        if (before == null || after == null) {
            return List.of();
        }
        return List.of(
                row("steps", before.steps(), after.steps()),
                row("materials", before.materials(), after.materials()),
                row("trips", before.trips(), after.trips()),
                row("workingDays", before.workingDays(), after.workingDays()),
                row("formFields", before.formFields(), after.formFields()),
                row("departments", before.departments(), after.departments()));
    }

    public static Double reduction(double before, double after) {
        return before <= 0 ? null : (before - after) * 100.0 / before;
    }

    private static FigureRow row(String figure, int before, int after) {
        return new FigureRow(figure, before, after, reduction(before, after));
    }
}
