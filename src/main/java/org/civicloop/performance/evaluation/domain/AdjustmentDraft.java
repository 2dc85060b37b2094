package org.civicloop.performance.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.performance.Decimals;
import org.civicloop.shared.InvalidInput;

/** A bonus, penalty or veto item for one district: points (0–20; none for a veto) and the reason. */
public record AdjustmentDraft(String districtCode, String kindName, String points, String reason) {

    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(20);

    public List<InvalidInput.Problem> check() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (IndicatorDraft.strip(districtCode).isEmpty()) {
            problems.add(new InvalidInput.Problem("districtCode", "performance.eval.error.district"));
        }
        if (!IndicatorDraft.isEnum(AdjustmentKind.class, IndicatorDraft.strip(kindName))) {
            problems.add(new InvalidInput.Problem("kindName", "performance.eval.error.kind"));
        } else if (kind() != AdjustmentKind.VETO) {
            BigDecimal p = RuleDraft.number(points);
            if (Decimals.COMMA.equals(Decimals.read(points).problem())) {
                problems.add(new InvalidInput.Problem("points", Decimals.COMMA));
            } else if (p == null || p.signum() <= 0 || p.compareTo(MAX_POINTS) > 0) {
                problems.add(new InvalidInput.Problem("points", "performance.eval.error.points"));
            }
        }
        String r = IndicatorDraft.strip(reason);
        if (r.isEmpty() || r.length() > 500) {
            problems.add(new InvalidInput.Problem("reason", "performance.eval.error.reason"));
        }
        return problems;
    }

    public AdjustmentKind kind() {
        return AdjustmentKind.valueOf(IndicatorDraft.strip(kindName));
    }

    public BigDecimal pointsValue() {
        return kind() == AdjustmentKind.VETO ? BigDecimal.ZERO : RuleDraft.number(points);
    }
}
