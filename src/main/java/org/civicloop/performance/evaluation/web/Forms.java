package org.civicloop.performance.evaluation.web;

import org.civicloop.performance.evaluation.domain.AdjustmentDraft;
import org.civicloop.performance.evaluation.domain.IndicatorDraft;
import org.civicloop.performance.evaluation.domain.RuleDraft;
import org.civicloop.performance.evaluation.domain.SchemeDraft;

/** The evaluation pages' forms, each mapped onto its command (which checks every field). */
final class Forms {

    private Forms() {
    }

    record IndicatorForm(String code, String name, String unit, String category, String direction, Long sourceUnitId) {

        static IndicatorForm empty() {
            return new IndicatorForm("", "", "", "", "", null);
        }

        IndicatorDraft draft() {
            return new IndicatorDraft(code, name, unit, category, direction, sourceUnitId, null);
        }
    }

    /** The number named advanced as text, so that a wrong one is reported with every other problem. */
    record SchemeForm(String name, String periodKind, String periodCode, Long previousSchemeId, String advancedCount) {

        static SchemeForm empty() {
            return new SchemeForm("", "", "", null, "");
        }

        SchemeDraft draft() {
            String n = advancedCount == null ? "" : advancedCount.strip();
            return new SchemeDraft(name, periodKind, periodCode, previousSchemeId, n.matches("\\d{1,2}") ? Integer.valueOf(n) : null);
        }
    }

    record RuleForm(Long indicatorId, String weight, String methodName, String floor, String satisfactory, String target, String cap,
                    String scoreMin, String scoreMax) {

        static RuleForm empty() {
            return new RuleForm(null, "", "", "", "", "", "", "", "");
        }

        RuleDraft draft() {
            return new RuleDraft(indicatorId, weight, methodName, floor, satisfactory, target, cap, scoreMin, scoreMax);
        }
    }

    record AdjustmentForm(String districtCode, String kindName, String points, String reason) {

        static AdjustmentForm empty() {
            return new AdjustmentForm("", "", "", "");
        }

        AdjustmentDraft draft() {
            return new AdjustmentDraft(districtCode, kindName, points, reason);
        }
    }
}
