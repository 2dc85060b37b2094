package org.civicloop.performance.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.civicloop.performance.evaluation.domain.Districts;
import org.civicloop.performance.evaluation.domain.EvaluationService;
import org.civicloop.performance.evaluation.domain.Scheme;
import org.civicloop.performance.evaluation.domain.Scorecard;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the evaluation pages share: district names, period labels, ranks with their change, the chain of periods. */
@Component
@RequiredArgsConstructor
class EvaluationViews {

    /** How many periods a trend shows at most. */
    static final int TREND_PERIODS = 6;

    private final EvaluationService service;
    private final Districts districts;
    private final Directory directory;
    private final MessageSource messages;

    /**
     * One district's line of a ranking.
     *
     * @param change ranks moved up since the previous period (negative: down), null without one
     */
    record RankRow(int rank, String code, String name, BigDecimal composite, BigDecimal bonus, BigDecimal penalty, Integer change,
                   boolean vetoed, boolean advanced) {

        public String changeKey() {
            return change == null ? "performance.eval.change.none" : change > 0 ? "performance.eval.change.up"
                    : change < 0 ? "performance.eval.change.down" : "performance.eval.change.same";
        }

        public int changeBy() {
            return change == null ? 0 : Math.abs(change);
        }
    }

    Map<String, String> districtNames() {
        Map<String, String> names = new LinkedHashMap<>();
        districts.all().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    String period(Scheme s, Locale locale) {
        return messages.getMessage(s.period().labelKey(), s.period().labelArguments(), locale);
    }

    /** "name, period" as lists and headings show a scheme. */
    String title(Scheme s, Locale locale) {
        return messages.getMessage("performance.eval.schemeTitle", new Object[] {period(s, locale), s.name()}, locale);
    }

    String unitName(Long unitId) {
        return unitId == null ? "" : directory.unitName(unitId).orElse("#" + unitId);
    }

    List<RankRow> ranking(Scheme s, Scorecard card) {
        Map<String, Integer> previous = new LinkedHashMap<>();
        if (s.previousSchemeId() != null) {
            service.results(s.previousSchemeId()).districts().forEach(d -> previous.put(d.districtCode(), d.rank()));
        }
        Map<String, String> names = districtNames();
        List<RankRow> rows = new ArrayList<>();
        for (Scorecard.DistrictResult d : card.districts()) {
            Integer before = previous.get(d.districtCode());
            rows.add(new RankRow(d.rank(), d.districtCode(), names.getOrDefault(d.districtCode(), d.districtCode()), d.composite(),
                    d.bonus(), d.penalty(), before == null ? null : before - d.rank(), d.vetoed(), d.advanced()));
        }
        return rows;
    }

    /** The scheme and the periods before it (following "previous"), oldest first, at most {@link #TREND_PERIODS}. */
    List<Scheme> chain(Scheme s) {
        List<Scheme> chain = new ArrayList<>();
        Scheme at = s;
        while (at != null && chain.size() < TREND_PERIODS) {
            chain.add(at);
            Long prev = at.previousSchemeId();
            at = prev == null || chain.stream().anyMatch(c -> c.id() == prev) ? null : service.scheme(prev);
        }
        Collections.reverse(chain);
        return chain;
    }
}
