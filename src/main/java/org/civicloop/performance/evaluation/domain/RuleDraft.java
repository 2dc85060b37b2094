package org.civicloop.performance.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.performance.Decimals;
import org.civicloop.shared.InvalidInput;

/**
 * An indicator joining a scheme: weight (points, 0–100) and method with the method's parameters, as
 * typed. Efficacy takes a floor and a satisfactory value together or neither (then the districts'
 * min and max), and a score range; target completion a positive target and a cap of at least 1.
 */
public record RuleDraft(Long indicatorId, String weight, String methodName, String floor, String satisfactory, String target,
                        String cap, String scoreMin, String scoreMax) {

    public List<InvalidInput.Problem> check() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (indicatorId == null) {
            problems.add(new InvalidInput.Problem("indicatorId", "performance.eval.error.indicatorNotFound"));
        }
        BigDecimal w = number(weight);
        if (Decimals.COMMA.equals(Decimals.read(weight).problem())) {
            problems.add(new InvalidInput.Problem("weight", Decimals.COMMA));
        } else if (w == null || w.signum() <= 0 || w.compareTo(Scoring.HUNDRED) > 0) {
            problems.add(new InvalidInput.Problem("weight", "performance.eval.error.weight"));
        }
        if (!IndicatorDraft.isEnum(ScoringMethod.class, IndicatorDraft.strip(methodName))) {
            problems.add(new InvalidInput.Problem("methodName", "performance.eval.error.method"));
            return problems;
        }
        badNumber("floor", floor, problems);
        badNumber("satisfactory", satisfactory, problems);
        badNumber("target", target, problems);
        badNumber("cap", cap, problems);
        badNumber("scoreMin", scoreMin, problems);
        badNumber("scoreMax", scoreMax, problems);
        switch (method()) {
            case EFFICACY -> {
                if ((floorValue() == null) != (satisfactoryValue() == null)) {
                    problems.add(new InvalidInput.Problem("satisfactory", "performance.eval.error.bounds"));
                } else if (floorValue() != null && floorValue().compareTo(satisfactoryValue()) == 0) {
                    problems.add(new InvalidInput.Problem("satisfactory", "performance.eval.error.bounds"));
                }
                if (scoreMinValue().compareTo(scoreMaxValue()) >= 0 || scoreMinValue().signum() < 0
                        || scoreMaxValue().compareTo(BigDecimal.valueOf(200)) > 0) {
                    problems.add(new InvalidInput.Problem("scoreMax", "performance.eval.error.scoreRange"));
                }
            }
            case TARGET -> {
                if (targetValue() == null || targetValue().signum() <= 0) {
                    problems.add(new InvalidInput.Problem("target", "performance.eval.error.target"));
                }
                if (capValue() != null && (capValue().compareTo(BigDecimal.ONE) < 0 || capValue().compareTo(BigDecimal.valueOf(2)) > 0)) {
                    problems.add(new InvalidInput.Problem("cap", "performance.eval.error.cap"));
                }
            }
            default -> {
            }
        }
        return problems;
    }

    public ScoringMethod method() {
        return ScoringMethod.valueOf(IndicatorDraft.strip(methodName));
    }

    public BigDecimal weightValue() {
        return number(weight);
    }

    public BigDecimal floorValue() {
        return method() == ScoringMethod.EFFICACY ? number(floor) : null;
    }

    public BigDecimal satisfactoryValue() {
        return method() == ScoringMethod.EFFICACY ? number(satisfactory) : null;
    }

    public BigDecimal targetValue() {
        return method() == ScoringMethod.TARGET ? number(target) : null;
    }

    public BigDecimal capValue() {
        return method() == ScoringMethod.TARGET ? number(cap) : null;
    }

    public BigDecimal scoreMinValue() {
        BigDecimal v = number(scoreMin);
        return v == null ? BigDecimal.ZERO : v;
    }

    public BigDecimal scoreMaxValue() {
        BigDecimal v = number(scoreMax);
        return v == null ? Scoring.HUNDRED : v;
    }

    private static void badNumber(String field, String text, List<InvalidInput.Problem> problems) {
        String problem = Decimals.read(text).problem();
        if (problem != null) {
            problems.add(new InvalidInput.Problem(field, problem));
        }
    }

    /** A number as typed ({@link Decimals}, the rule of every number of the module), or null when blank or not a number. */
    static BigDecimal number(String text) {
        return Decimals.parse(text).orElse(null);
    }
}
