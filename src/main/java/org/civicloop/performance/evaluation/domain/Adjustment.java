package org.civicloop.performance.evaluation.domain;

import java.math.BigDecimal;

/** A bonus, penalty or veto item of one district in one scheme, with its reason. */
public record Adjustment(String districtCode, AdjustmentKind kind, BigDecimal points, String reason) {

    public Adjustment {
        points = points == null ? BigDecimal.ZERO : points;
    }
}
