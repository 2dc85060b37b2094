package org.civicloop.performance.evaluation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What {@link Scoring} computes for a scheme: every district's result, best first. */
public record Scorecard(List<DistrictResult> districts) {

    public Scorecard {
        districts = List.copyOf(districts);
    }

    public DistrictResult of(String districtCode) {
        return districts.stream().filter(d -> d.districtCode().equals(districtCode)).findFirst().orElse(null);
    }

    /**
     * One indicator's score for one district.
     *
     * @param value   the figure, null when missing
     * @param index   the index score d (0 when missing)
     * @param points  w × d / 100
     * @param rule    the method and inputs, as a formula (language-neutral), shown beside the score
     * @param missing no figure: scores 0 and is flagged
     */
    public record IndicatorScore(long indicatorId, BigDecimal value, BigDecimal index, BigDecimal points, String rule,
                                 boolean missing) {
    }

    /**
     * One district's result.
     *
     * @param composite S = Σ w_i × d_i / 100 + bonus − penalty
     * @param rank      by composite, ties share the better rank; a vetoed district keeps its rank
     * @param vetoed    has a veto item (一票否决)
     * @param advanced  named 先进: among the scheme's best non-vetoed districts
     */
    public record DistrictResult(String districtCode, BigDecimal composite, BigDecimal bonus, BigDecimal penalty, int rank,
                                 boolean vetoed, boolean advanced, Map<Long, IndicatorScore> indicators) {

        public DistrictResult {
            indicators = Map.copyOf(indicators);
        }
    }
}
