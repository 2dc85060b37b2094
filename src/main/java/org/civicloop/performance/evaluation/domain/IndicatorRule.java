package org.civicloop.performance.evaluation.domain;

import java.math.BigDecimal;

/**
 * One indicator as a scheme scores it: its weight (points out of the scheme's total), method,
 * direction and the method's parameters. Unused parameters are null.
 *
 * @param floor        功效系数法's 不允许值 x_s; with {@code satisfactory} null, the districts' worst value is used
 * @param satisfactory 功效系数法's 满意值 x_h; null: the districts' best value
 * @param target       目标完成率's T (positive)
 * @param cap          目标完成率's cap on x/T (null: 1)
 * @param scoreMin     功效系数法's lowest index score
 * @param scoreMax     功效系数法's highest index score
 */
public record IndicatorRule(long indicatorId, String code, String name, String unit, Direction direction, BigDecimal weight,
                            ScoringMethod method, BigDecimal floor, BigDecimal satisfactory, BigDecimal target,
                            BigDecimal cap, BigDecimal scoreMin, BigDecimal scoreMax) {

    public IndicatorRule {
        scoreMin = scoreMin == null ? BigDecimal.ZERO : scoreMin;
        scoreMax = scoreMax == null ? Scoring.HUNDRED : scoreMax;
    }

    /** Uses fixed floor and satisfactory values rather than the districts' min and max. */
    public boolean fixedBounds() {
        return floor != null && satisfactory != null;
    }
}
