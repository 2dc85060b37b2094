package org.civicloop.performance.evaluation.domain;

import java.util.ArrayList;
import java.util.List;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;

/** A new scheme: its name, period (kind and code), the previous period it is compared with, how many are named 先进. */
public record SchemeDraft(String name, String periodKind, String periodCode, Long previousSchemeId, Integer advancedCount) {

    public List<InvalidInput.Problem> check() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        String n = IndicatorDraft.strip(name);
        if (n.isEmpty() || n.length() > 200) {
            problems.add(new InvalidInput.Problem("name", "performance.eval.error.name"));
        }
        if (!IndicatorDraft.isEnum(PeriodKind.class, IndicatorDraft.strip(periodKind))) {
            problems.add(new InvalidInput.Problem("periodKind", "performance.eval.error.periodKind"));
        } else if (periodOrNull() == null) {
            problems.add(new InvalidInput.Problem("periodCode", "performance.eval.error.period"));
        }
        if (advancedCount == null || advancedCount < 0 || advancedCount > 10) {
            problems.add(new InvalidInput.Problem("advancedCount", "performance.eval.error.advancedCount"));
        }
        return problems;
    }

    public EvaluationPeriod period() {
        return EvaluationPeriod.of(PeriodKind.valueOf(IndicatorDraft.strip(periodKind)), periodCode);
    }

    private EvaluationPeriod periodOrNull() {
        try {
            return period();
        } catch (BusinessException e) {
            return null;
        }
    }
}
