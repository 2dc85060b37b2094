package org.civicloop.performance.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.performance.evaluation.domain.EvaluationService;
import org.civicloop.performance.evaluation.domain.IndicatorRule;
import org.civicloop.performance.evaluation.domain.Scheme;
import org.civicloop.performance.evaluation.domain.Scorecard;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 综合排名: one scheme's composite scores and ranks with the change from the previous period, one
 * district's scores per indicator (method and inputs beside each), one indicator across the districts,
 * and the trend over the periods; charts over the tables (ECharts), the tables alone without JavaScript.
 * Read by the evaluation office and the district's leaders ({@code EvaluationPermissions.mayRead}).
 */
@Controller
@PreAuthorize("hasAnyRole('EVALUATION_OFFICE', 'LEADER')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RankingController {

    private final EvaluationService service;
    private final EvaluationViews views;
    private final MessageSource messages;

    /** One indicator's line for one district. */
    record ScoreRow(IndicatorRule rule, Scorecard.IndicatorScore score) {
    }

    /** One district's line for one indicator. */
    record DistrictScore(String name, Scorecard.IndicatorScore score) {
    }

    @GetMapping("/performance/ranking")
    String ranking(@RequestParam(required = false) Long scheme, @RequestParam(required = false) String district,
                   @RequestParam(required = false) Long indicator, Model model, Locale locale) {
        List<Scheme> all = service.schemes();
        model.addAttribute("schemes", all.stream().map(s -> new Option(s.id(), views.title(s, locale))).toList());
        if (all.isEmpty()) {
            return "performance/evaluation/ranking";
        }
        Scheme s = scheme == null ? all.stream().filter(x -> x.status().frozen()).findFirst().orElse(all.get(0))
                : all.stream().filter(x -> x.id() == scheme).findFirst().orElseThrow(() -> new NotFoundException("performanceScheme", scheme));
        Scorecard card = service.results(s.id());
        List<IndicatorRule> rules = service.rules(s.id());
        List<EvaluationViews.RankRow> ranking = views.ranking(s, card);
        Map<String, String> names = views.districtNames();
        String chosenDistrict = district != null && names.containsKey(district) ? district
                : ranking.isEmpty() ? null : ranking.get(0).code();
        IndicatorRule chosenRule = rules.stream().filter(r -> indicator != null && r.indicatorId() == indicator).findFirst()
                .orElse(rules.isEmpty() ? null : rules.get(0));

        model.addAttribute("scheme", s);
        model.addAttribute("schemeTitle", views.title(s, locale));
        model.addAttribute("ranking", ranking);
        model.addAttribute("rules", rules);
        model.addAttribute("district", chosenDistrict);
        model.addAttribute("districtName", chosenDistrict == null ? null : names.get(chosenDistrict));
        model.addAttribute("indicator", chosenRule);
        List<ScoreRow> scores = new ArrayList<>();
        Scorecard.DistrictResult mine = chosenDistrict == null ? null : card.of(chosenDistrict);
        if (mine != null) {
            rules.forEach(r -> scores.add(new ScoreRow(r, mine.indicators().get(r.indicatorId()))));
        }
        model.addAttribute("districtResult", mine);
        model.addAttribute("scores", scores);
        List<DistrictScore> across = new ArrayList<>();
        if (chosenRule != null) {
            card.districts().forEach(d -> across.add(new DistrictScore(names.getOrDefault(d.districtCode(), d.districtCode()),
                    d.indicators().get(chosenRule.indicatorId()))));
        }
        model.addAttribute("across", across);
        model.addAttribute("references", references(s.id()));
        model.addAttribute("homeDistrict", names.get(service.homeDistrict()));

        // the trend: composite and rank per district over the chain of periods
        List<Scheme> chain = views.chain(s);
        List<String> periods = chain.stream().map(c -> views.period(c, locale)).toList();
        Map<String, List<BigDecimal>> trendScores = new LinkedHashMap<>();
        Map<String, List<Integer>> trendRanks = new LinkedHashMap<>();
        names.keySet().forEach(code -> {
            trendScores.put(code, new ArrayList<>());
            trendRanks.put(code, new ArrayList<>());
        });
        for (Scheme c : chain) {
            Scorecard cc = c.id() == s.id() ? card : service.results(c.id());
            names.keySet().forEach(code -> {
                Scorecard.DistrictResult r = cc.of(code);
                trendScores.get(code).add(r == null ? null : r.composite());
                trendRanks.get(code).add(r == null ? null : r.rank());
            });
        }
        model.addAttribute("trendPeriods", periods);
        model.addAttribute("trendRanks", trendRanks);
        model.addAttribute("districtNames", names);
        model.addAttribute("chart", chart(ranking, rules, mine, card, chosenRule, names, periods, trendScores, locale));
        return "performance/evaluation/ranking";
    }

    record Option(long id, String name) {
    }

    /** A reference indicator (参考指标) with the home district's figure, null when there is none. */
    record Reference(org.civicloop.performance.evaluation.domain.Indicator indicator, BigDecimal value) {
    }

    private List<Reference> references(long schemeId) {
        var figures = service.figures(schemeId);
        return service.referenceIndicators(schemeId).stream()
                .map(i -> new Reference(i, figures.getOrDefault(i.id(), Map.of()).get(service.homeDistrict()))).toList();
    }

    private Map<String, Object> chart(List<EvaluationViews.RankRow> ranking, List<IndicatorRule> rules, Scorecard.DistrictResult mine,
                                      Scorecard card, IndicatorRule chosen, Map<String, String> names, List<String> periods,
                                      Map<String, List<BigDecimal>> trend, Locale locale) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("districts", ranking.stream().map(EvaluationViews.RankRow::name).toList());
        c.put("composite", ranking.stream().map(EvaluationViews.RankRow::composite).toList());
        c.put("compositeName", msg("performance.eval.col.composite", locale));
        c.put("indexName", msg("performance.eval.col.index", locale));
        c.put("indicators", rules.stream().map(r -> Map.of("name", r.name(), "max", 100)).toList());
        if (mine != null) {
            c.put("radarName", names.get(mine.districtCode()));
            c.put("radar", rules.stream().map(r -> mine.indicators().get(r.indicatorId()).index()).toList());
            List<BigDecimal> average = new ArrayList<>();
            for (IndicatorRule r : rules) {
                BigDecimal sum = card.districts().stream().map(d -> d.indicators().get(r.indicatorId()).index())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                average.add(card.districts().isEmpty() ? BigDecimal.ZERO
                        : sum.divide(BigDecimal.valueOf(card.districts().size()), 2, java.math.RoundingMode.HALF_UP));
            }
            c.put("radarAverage", average);
            c.put("averageName", msg("performance.eval.chart.average", locale));
        }
        if (chosen != null) {
            c.put("indicatorName", chosen.name());
            c.put("indicatorDistricts", card.districts().stream().map(d -> names.getOrDefault(d.districtCode(), d.districtCode())).toList());
            c.put("indicatorScores", card.districts().stream().map(d -> d.indicators().get(chosen.indicatorId()).index()).toList());
        }
        c.put("periods", periods);
        List<Map<String, Object>> series = new ArrayList<>();
        trend.forEach((code, values) -> series.add(Map.of("name", names.get(code), "data", values)));
        c.put("trend", series);
        return c;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
