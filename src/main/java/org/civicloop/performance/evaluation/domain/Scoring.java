package org.civicloop.performance.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scoring of a scheme, a pure function of its rules, figures and items: the same inputs give
 * the same scores, to the cent, so a locked period recomputes identically. Decimal arithmetic; the
 * index score d and the points are rounded half-up to two places, the composite is their sum.
 *
 * <p>Index score d of one district's figure x for one indicator (points = w × d / 100):
 * <ul>
 *   <li>{@link ScoringMethod#EFFICACY}: d = 60 + (x − x_s)/(x_h − x_s) × 40, with x_s the floor
 *       (不允许值) and x_h the satisfactory value (满意值), or, when they are not set, the districts'
 *       worst and best figures. For a reverse indicator x_h is below x_s, so the same formula rewards
 *       lower figures. d is capped to the rule's [scoreMin, scoreMax]; when x_h = x_s every figure
 *       scores 100 (capped).</li>
 *   <li>{@link ScoringMethod#TARGET}: d = 100 × min(x/T, cap) (cap 1 unless set), reverse
 *       100 × min(T/x, cap) (x ≤ 0 scores the cap); never below 0.</li>
 *   <li>{@link ScoringMethod#RANK}: the districts with a figure ranked best first, ties sharing the
 *       better rank (1, 2, 2, 4); d = 100 × (1 − 0.05 × (rank − 1)), never below 0.</li>
 *   <li>{@link ScoringMethod#LEAD}: d = 100 × x / x_max, reverse 100 × x_min / x; a ratio that is
 *       undefined or negative (a leader at or below zero) scores 0.</li>
 * </ul>
 * A missing figure scores 0 for that indicator and is flagged; it takes no part in the districts'
 * min, max or ranks. Composite S = Σ points + bonus − penalty; districts are ranked by S, ties sharing
 * the better rank. A veto item (一票否决) leaves the score and rank as they are and marks the district
 * vetoed: it is never among the {@code advancedCount} best districts named 先进, which are taken
 * from the non-vetoed districts (a tie at the boundary names both).
 */
public final class Scoring {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal FORTY = BigDecimal.valueOf(40);
    private static final BigDecimal STEP = new BigDecimal("0.05");
    private static final int SCALE = 2;
    private static final int WORK = 10;

    private Scoring() {
    }

    /**
     * @param rules         the scheme's indicators
     * @param districts     the districts evaluated, in the order ties are listed
     * @param figures       indicator id → district code → figure (absent: missing)
     * @param adjustments   bonus, penalty and veto items
     * @param advancedCount how many of the best non-vetoed districts are named 先进
     */
    public static Scorecard score(List<IndicatorRule> rules, List<String> districts, Map<Long, Map<String, BigDecimal>> figures,
                                  List<Adjustment> adjustments, int advancedCount) {
        Map<String, Map<Long, Scorecard.IndicatorScore>> byDistrict = new LinkedHashMap<>();
        districts.forEach(d -> byDistrict.put(d, new LinkedHashMap<>()));
        for (IndicatorRule rule : rules) {
            Map<String, BigDecimal> values = figures.getOrDefault(rule.indicatorId(), Map.of());
            Map<String, Scorecard.IndicatorScore> scores = scoreIndicator(rule, districts, values);
            scores.forEach((d, s) -> byDistrict.get(d).put(rule.indicatorId(), s));
        }
        record Partial(String code, BigDecimal composite, BigDecimal bonus, BigDecimal penalty, boolean vetoed) {
        }
        List<Partial> partials = new ArrayList<>();
        for (String d : districts) {
            BigDecimal sum = byDistrict.get(d).values().stream().map(Scorecard.IndicatorScore::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal bonus = total(adjustments, d, AdjustmentKind.BONUS);
            BigDecimal penalty = total(adjustments, d, AdjustmentKind.PENALTY);
            boolean vetoed = adjustments.stream().anyMatch(a -> a.districtCode().equals(d) && a.kind() == AdjustmentKind.VETO);
            partials.add(new Partial(d, sum.add(bonus).subtract(penalty).setScale(SCALE, RoundingMode.HALF_UP), bonus, penalty, vetoed));
        }
        Map<String, Integer> ranks = ranks(partials, Partial::code, Partial::composite, true);
        List<BigDecimal> eligible = partials.stream().filter(p -> !p.vetoed()).map(Partial::composite).toList();
        List<Scorecard.DistrictResult> results = new ArrayList<>();
        for (Partial p : partials) {
            long better = eligible.stream().filter(c -> c.compareTo(p.composite()) > 0).count();
            boolean advanced = !p.vetoed() && better < advancedCount;
            results.add(new Scorecard.DistrictResult(p.code(), p.composite(), p.bonus(), p.penalty(), ranks.get(p.code()),
                    p.vetoed(), advanced, byDistrict.get(p.code())));
        }
        results.sort(Comparator.comparingInt(Scorecard.DistrictResult::rank));
        return new Scorecard(results);
    }

    /** One indicator's scores for every district; a figure absent from {@code values} is missing. */
    static Map<String, Scorecard.IndicatorScore> scoreIndicator(IndicatorRule rule, List<String> districts,
                                                              Map<String, BigDecimal> values) {
        Map<String, BigDecimal> present = new LinkedHashMap<>();
        districts.forEach(d -> {
            if (values.get(d) != null) {
                present.put(d, values.get(d));
            }
        });
        boolean higher = rule.direction() == Direction.HIGHER;
        BigDecimal min = present.values().stream().min(Comparator.naturalOrder()).orElse(null);
        BigDecimal max = present.values().stream().max(Comparator.naturalOrder()).orElse(null);
        Map<String, Integer> ranks = rule.method() == ScoringMethod.RANK
                ? ranks(new ArrayList<>(present.entrySet()), Map.Entry::getKey, Map.Entry::getValue, higher) : Map.of();
        Map<String, Scorecard.IndicatorScore> out = new LinkedHashMap<>();
        for (String d : districts) {
            BigDecimal x = present.get(d);
            if (x == null) {
                out.put(d, new Scorecard.IndicatorScore(rule.indicatorId(), null, zero(), zero(), "missing", true));
                continue;
            }
            BigDecimal index;
            String formula;
            switch (rule.method()) {
                case EFFICACY -> {
                    BigDecimal xs = rule.fixedBounds() ? rule.floor() : higher ? min : max;
                    BigDecimal xh = rule.fixedBounds() ? rule.satisfactory() : higher ? max : min;
                    BigDecimal raw = xh.compareTo(xs) == 0 ? HUNDRED
                            : SIXTY.add(x.subtract(xs).multiply(FORTY).divide(xh.subtract(xs), WORK, RoundingMode.HALF_UP));
                    index = raw.max(rule.scoreMin()).min(rule.scoreMax());
                    formula = "d = 60 + (x - x_s) / (x_h - x_s) * 40; x = %s, x_s = %s%s, x_h = %s%s, [%s, %s]".formatted(
                            plain(x), plain(xs), rule.fixedBounds() ? "" : (higher ? " (min)" : " (max)"),
                            plain(xh), rule.fixedBounds() ? "" : (higher ? " (max)" : " (min)"),
                            plain(rule.scoreMin()), plain(rule.scoreMax()));
                }
                case TARGET -> {
                    BigDecimal cap = rule.cap() == null ? BigDecimal.ONE : rule.cap();
                    BigDecimal t = rule.target();
                    BigDecimal ratio = higher ? x.divide(t, WORK, RoundingMode.HALF_UP)
                            : x.signum() <= 0 ? cap : t.divide(x, WORK, RoundingMode.HALF_UP);
                    index = HUNDRED.multiply(ratio.min(cap)).max(BigDecimal.ZERO);
                    formula = (higher ? "d = 100 * min(x / T, cap)" : "d = 100 * min(T / x, cap)")
                            + "; x = %s, T = %s, cap = %s".formatted(plain(x), plain(t), plain(cap));
                }
                case RANK -> {
                    int rank = ranks.get(d);
                    index = HUNDRED.multiply(BigDecimal.ONE.subtract(STEP.multiply(BigDecimal.valueOf(rank - 1L))))
                            .max(BigDecimal.ZERO);
                    formula = "d = 100 * (1 - 0.05 * (rank - 1)); x = %s, rank = %d / %d".formatted(plain(x), rank, present.size());
                }
                case LEAD -> {
                    BigDecimal ratio;
                    if (higher) {
                        ratio = max.signum() <= 0 ? BigDecimal.ZERO : x.divide(max, WORK, RoundingMode.HALF_UP);
                        formula = "d = 100 * x / x_max; x = %s, x_max = %s".formatted(plain(x), plain(max));
                    } else {
                        ratio = x.signum() <= 0 ? BigDecimal.ONE : min.divide(x, WORK, RoundingMode.HALF_UP);
                        formula = "d = 100 * x_min / x; x = %s, x_min = %s".formatted(plain(x), plain(min));
                    }
                    index = HUNDRED.multiply(ratio).max(BigDecimal.ZERO);
                }
                default -> throw new IllegalStateException(rule.method().name());
            }
            index = index.setScale(SCALE, RoundingMode.HALF_UP);
            BigDecimal points = rule.weight().multiply(index).divide(HUNDRED, SCALE, RoundingMode.HALF_UP);
            out.put(d, new Scorecard.IndicatorScore(rule.indicatorId(), x, index, points, formula, false));
        }
        return out;
    }

    /** Competition ranks (1, 2, 2, 4): best first, ties share the better rank. */
    static <T> Map<String, Integer> ranks(List<T> items, Function<T, String> key, Function<T, BigDecimal> value, boolean higherFirst) {
        Map<String, Integer> ranks = new HashMap<>();
        for (T item : items) {
            BigDecimal v = value.apply(item);
            long better = items.stream().map(value)
                    .filter(o -> higherFirst ? o.compareTo(v) > 0 : o.compareTo(v) < 0).count();
            ranks.put(key.apply(item), (int) better + 1);
        }
        return ranks;
    }

    private static BigDecimal total(List<Adjustment> adjustments, String district, AdjustmentKind kind) {
        return adjustments.stream().filter(a -> a.districtCode().equals(district) && a.kind() == kind)
                .map(Adjustment::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
