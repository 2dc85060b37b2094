package org.civicloop.performance.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring methods against worked examples computed by hand (no Spring). */
class ScoringTests {

    private static final List<String> ABC = List.of("A", "B", "C");

    private static IndicatorRule rule(long id, ScoringMethod method, Direction direction, String weight) {
        return new IndicatorRule(id, "I" + id, "indicator " + id, "%", direction, new BigDecimal(weight), method,
                null, null, null, null, null, null);
    }

    private static Map<String, BigDecimal> figures(Object... codeValue) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < codeValue.length; i += 2) {
            m.put((String) codeValue[i], new BigDecimal((String) codeValue[i + 1]));
        }
        return m;
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void efficacyBetweenTheDistrictsMinimumAndMaximum() {
        // min 6, max 10: A = 60 + 4/4*40 = 100, B = 60, C = 60 + 2/4*40 = 80; weight 20 -> 20, 12, 16
        var s = Scoring.scoreIndicator(rule(1, ScoringMethod.EFFICACY, Direction.HIGHER, "20"), ABC, figures("A", "10", "B", "6", "C", "8"));
        assertThat(s.get("A").index()).isEqualByComparingTo("100");
        assertThat(s.get("B").index()).isEqualByComparingTo("60");
        assertThat(s.get("C").index()).isEqualByComparingTo("80");
        assertThat(s.get("C").points()).isEqualByComparingTo("16");
        assertThat(s.get("C").rule()).contains("x = 8", "x_s = 6 (min)", "x_h = 10 (max)");
    }

    @Test
    void efficacyWithFloorAndSatisfactoryValuesIsCappedToTheConfiguredRange() {
        // x_s = 40, x_h = 65: 70 -> 60 + 30/25*40 = 108 capped to 100; 30 -> 60 - 10/25*40 = 44; 52.5 -> 80
        var r = new IndicatorRule(1, "F", "forest", "%", Direction.HIGHER, d("10"), ScoringMethod.EFFICACY, d("40"), d("65"),
                null, null, d("0"), d("100"));
        var s = Scoring.scoreIndicator(r, ABC, figures("A", "70", "B", "30", "C", "52.5"));
        assertThat(s.get("A").index()).isEqualByComparingTo("100");
        assertThat(s.get("B").index()).isEqualByComparingTo("44");
        assertThat(s.get("C").index()).isEqualByComparingTo("80");
        assertThat(s.get("C").points()).isEqualByComparingTo("8");
        // a configured floor of 50 lifts B
        var floored = new IndicatorRule(1, "F", "forest", "%", Direction.HIGHER, d("10"), ScoringMethod.EFFICACY, d("40"), d("65"),
                null, null, d("50"), d("120"));
        var t = Scoring.scoreIndicator(floored, ABC, figures("A", "70", "B", "30", "C", "52.5"));
        assertThat(t.get("A").index()).isEqualByComparingTo("108");
        assertThat(t.get("B").index()).isEqualByComparingTo("50");
    }

    @Test
    void aReverseIndicatorSwapsTheBounds() {
        // lower is better: x_h = min 0.5, x_s = max 1.0: 0.5 -> 100, 1.0 -> 60, 0.8 -> 60 + 0.2/0.5*40 = 76
        var s = Scoring.scoreIndicator(rule(1, ScoringMethod.EFFICACY, Direction.LOWER, "10"), ABC, figures("A", "0.5", "B", "1.0", "C", "0.8"));
        assertThat(s.get("A").index()).isEqualByComparingTo("100");
        assertThat(s.get("B").index()).isEqualByComparingTo("60");
        assertThat(s.get("C").index()).isEqualByComparingTo("76");
        assertThat(s.get("C").rule()).contains("x_s = 1 (max)", "x_h = 0.5 (min)");
    }

    @Test
    void indexAndPointsAreRoundedHalfUpToCents() {
        // min 0, max 3: 1 -> 60 + 40/3 = 73.333.. -> 73.33; weight 12 -> 8.7996 -> 8.80
        var s = Scoring.scoreIndicator(rule(1, ScoringMethod.EFFICACY, Direction.HIGHER, "12"), ABC, figures("A", "0", "B", "3", "C", "1"));
        assertThat(s.get("C").index()).isEqualByComparingTo("73.33");
        assertThat(s.get("C").points()).isEqualByComparingTo("8.80");
    }

    @Test
    void allDistrictsEqualScoreFullMarks() {
        var s = Scoring.scoreIndicator(rule(1, ScoringMethod.EFFICACY, Direction.HIGHER, "10"), ABC, figures("A", "5", "B", "5", "C", "5"));
        assertThat(s.values()).allSatisfy(x -> assertThat(x.index()).isEqualByComparingTo("100"));
    }

    @Test
    void targetCompletionIsCapped() {
        // T = 5000, cap 1.2, weight 8: 6500 -> 1.3 capped 1.2 -> d 120, 9.60 points; 4000 -> 80, 6.40; 5000 -> 100, 8
        var r = new IndicatorRule(1, "T", "talent", "person", Direction.HIGHER, d("8"), ScoringMethod.TARGET, null, null,
                d("5000"), d("1.2"), null, null);
        var s = Scoring.scoreIndicator(r, ABC, figures("A", "6500", "B", "4000", "C", "5000"));
        assertThat(s.get("A").index()).isEqualByComparingTo("120");
        assertThat(s.get("A").points()).isEqualByComparingTo("9.60");
        assertThat(s.get("B").points()).isEqualByComparingTo("6.40");
        assertThat(s.get("C").points()).isEqualByComparingTo("8");
        assertThat(s.get("A").rule()).contains("T = 5000", "cap = 1.2");
        // reverse, cap 1 by default: T = 100, x = 125 -> 100/125 = 0.8 -> 80; x = 90 -> 1.11 capped 1 -> 100
        var rev = new IndicatorRule(2, "R", "energy", "t", Direction.LOWER, d("10"), ScoringMethod.TARGET, null, null,
                d("100"), null, null, null);
        var t = Scoring.scoreIndicator(rev, List.of("A", "B"), figures("A", "125", "B", "90"));
        assertThat(t.get("A").index()).isEqualByComparingTo("80");
        assertThat(t.get("B").index()).isEqualByComparingTo("100");
    }

    @Test
    void rankScoringTiesShareTheBetterRank() {
        // 7.2, 6.9, 6.9, 6.6 -> ranks 1, 2, 2, 4 -> d 100, 95, 95, 85; weight 10
        var r = rule(1, ScoringMethod.RANK, Direction.HIGHER, "10");
        var s = Scoring.scoreIndicator(r, List.of("A", "B", "C", "D"), figures("A", "7.2", "B", "6.9", "C", "6.9", "D", "6.6"));
        assertThat(s.get("A").points()).isEqualByComparingTo("10");
        assertThat(s.get("B").index()).isEqualByComparingTo("95");
        assertThat(s.get("C").index()).isEqualByComparingTo("95");
        assertThat(s.get("D").index()).isEqualByComparingTo("85");
        assertThat(s.get("D").rule()).contains("rank = 4 / 4");
        // lower is better: the smallest ranks first
        var low = Scoring.scoreIndicator(rule(2, ScoringMethod.RANK, Direction.LOWER, "10"), List.of("A", "B"), figures("A", "3", "B", "1"));
        assertThat(low.get("B").index()).isEqualByComparingTo("100");
        assertThat(low.get("A").index()).isEqualByComparingTo("95");
    }

    @Test
    void leadRatioAgainstTheBest() {
        // 50, 40, 25 -> 100, 80, 50; weight 8 -> 8, 6.40, 4
        var s = Scoring.scoreIndicator(rule(1, ScoringMethod.LEAD, Direction.HIGHER, "8"), ABC, figures("A", "50", "B", "40", "C", "25"));
        assertThat(s.get("B").index()).isEqualByComparingTo("80");
        assertThat(s.get("B").points()).isEqualByComparingTo("6.40");
        assertThat(s.get("C").index()).isEqualByComparingTo("50");
        assertThat(s.get("C").rule()).contains("x_max = 50");
        // reverse: x_min / x: 2 -> 100, 4 -> 50
        var low = Scoring.scoreIndicator(rule(2, ScoringMethod.LEAD, Direction.LOWER, "10"), List.of("A", "B"), figures("A", "2", "B", "4"));
        assertThat(low.get("B").index()).isEqualByComparingTo("50");
    }

    @Test
    void aMissingFigureScoresZeroIsFlaggedAndTakesNoPartInTheBounds() {
        // C missing: min 6, max 10 from A and B only
        var s = Scoring.scoreIndicator(rule(1, ScoringMethod.EFFICACY, Direction.HIGHER, "20"), ABC, figures("A", "10", "B", "6"));
        assertThat(s.get("C").missing()).isTrue();
        assertThat(s.get("C").value()).isNull();
        assertThat(s.get("C").points()).isEqualByComparingTo("0");
        assertThat(s.get("B").index()).isEqualByComparingTo("60");
        // nor in the ranks: B is second of two
        var r = Scoring.scoreIndicator(rule(2, ScoringMethod.RANK, Direction.HIGHER, "10"), ABC, figures("A", "10", "B", "6"));
        assertThat(r.get("B").rule()).contains("rank = 2 / 2");
    }

    @Test
    void compositeAddsBonusSubtractsPenaltyAndRanksWithTies() {
        // indicator 1 (w 20, efficacy, min 6 max 10): A 20, B 12, C 16
        // indicator 2 (w 10, lead): A 10/10 -> 10, B 8/10 -> 8, C 6/10 -> 6
        // A = 30, B = 20 + bonus 2 = 22, C = 22 - penalty 0 = 22 -> ranks 1, 2, 2
        var rules = List.of(rule(1, ScoringMethod.EFFICACY, Direction.HIGHER, "20"), rule(2, ScoringMethod.LEAD, Direction.HIGHER, "10"));
        var figs = Map.of(1L, figures("A", "10", "B", "6", "C", "8"), 2L, figures("A", "10", "B", "8", "C", "6"));
        var card = Scoring.score(rules, ABC, figs, List.of(new Adjustment("B", AdjustmentKind.BONUS, d("2"), "award"),
                new Adjustment("A", AdjustmentKind.PENALTY, d("1.5"), "data quality")), 1);
        assertThat(card.of("A").composite()).isEqualByComparingTo("28.50");
        assertThat(card.of("B").composite()).isEqualByComparingTo("22.00");
        assertThat(card.of("C").composite()).isEqualByComparingTo("22.00");
        assertThat(card.of("A").rank()).isEqualTo(1);
        assertThat(card.of("B").rank()).isEqualTo(2);
        assertThat(card.of("C").rank()).isEqualTo(2);
        assertThat(card.of("B").bonus()).isEqualByComparingTo("2");
        assertThat(card.of("A").penalty()).isEqualByComparingTo("1.5");
        assertThat(card.districts()).extracting(Scorecard.DistrictResult::districtCode).startsWith("A");
        assertThat(card.of("A").advanced()).isTrue();
        assertThat(card.of("B").advanced()).isFalse();
    }

    @Test
    void aVetoedDistrictKeepsItsScoreAndRankButIsNotNamedAdvanced() {
        var rules = List.of(rule(1, ScoringMethod.LEAD, Direction.HIGHER, "100"));
        var figs = Map.of(1L, figures("A", "100", "B", "90", "C", "80"));
        var card = Scoring.score(rules, ABC, figs, List.of(new Adjustment("A", AdjustmentKind.VETO, null, "safety accident")), 2);
        assertThat(card.of("A").composite()).isEqualByComparingTo("100");
        assertThat(card.of("A").rank()).isEqualTo(1);
        assertThat(card.of("A").vetoed()).isTrue();
        assertThat(card.of("A").advanced()).isFalse();
        // the two best districts that are not vetoed are named advanced
        assertThat(card.of("B").advanced()).isTrue();
        assertThat(card.of("C").advanced()).isTrue();
    }

    @Test
    void theSameInputsGiveTheSameScores() {
        var rules = List.of(rule(1, ScoringMethod.EFFICACY, Direction.HIGHER, "12"), rule(2, ScoringMethod.RANK, Direction.LOWER, "8"));
        var figs = Map.of(1L, figures("A", "0", "B", "3", "C", "1"), 2L, figures("A", "2", "B", "2", "C", "1"));
        assertThat(Scoring.score(rules, ABC, figs, List.of(), 3)).isEqualTo(Scoring.score(rules, ABC, figs, List.of(), 3));
    }
}
