package org.civicloop.liaison.activities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.liaison.casework.Inputs;
import org.civicloop.shared.InvalidInput.Problem;

/**
 * A themed activity held at a deputy home or point (a rural tourism weekend, a policy lecture):
 * visitors, the income it brought in where that applies (whole yuan), the deputies who ran it.
 */
public record ActivityDraft(Long siteId, LocalDate heldOn, String theme, Integer visitors, Long incomeYuan,
                            Set<Long> deputyIds) {

    public static final int THEME_MAX = 100;
    /** More than a stadium: a typo, not an activity. */
    public static final int VISITORS_MAX = 100_000;
    public static final long INCOME_MAX = 100_000_000L;

    public ActivityDraft {
        theme = Inputs.orNull(theme);
        deputyIds = deputyIds == null ? Set.of() : new LinkedHashSet<>(deputyIds.stream().filter(d -> d != null).toList());
    }

    public List<Problem> problems(LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (siteId == null) {
            problems.add(new Problem("siteId", "casework.error.site"));
        }
        Inputs.pastDate(problems, "heldOn", heldOn, today);
        Inputs.required(problems, "theme", theme, THEME_MAX, false);
        if (visitors == null) {
            problems.add(new Problem("visitors", "activity.error.visitors", VISITORS_MAX));
        } else if (visitors < 0 || visitors > VISITORS_MAX) {
            problems.add(new Problem("visitors", "activity.error.visitors", VISITORS_MAX));
        }
        if (incomeYuan != null && (incomeYuan < 0 || incomeYuan > INCOME_MAX)) {
            problems.add(new Problem("incomeYuan", "activity.error.income"));
        }
        Inputs.deputies(problems, "deputyIds", deputyIds);
        return problems;
    }
}
