package org.civicloop.performance.evaluation.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.UnitId;
import org.civicloop.performance.evaluation.domain.AdjustmentDraft;
import org.civicloop.performance.evaluation.domain.EvaluationService;
import org.civicloop.performance.evaluation.domain.Indicator;
import org.civicloop.performance.evaluation.domain.IndicatorDraft;
import org.civicloop.performance.evaluation.domain.RuleDraft;
import org.civicloop.performance.evaluation.domain.Scheme;
import org.civicloop.performance.evaluation.domain.SchemeDraft;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evaluation demo, through the services as the demo account {@code evaluation}: the indicator
 * library ({@code demo/performance-indicators.csv}), four schemes over Guiyang's ten districts
 * ({@code performance-schemes.csv}: the 2025 year, the 2026 half-year compared with it, GDP growth
 * January–September 2026, and the 2026 year still being entered), their indicators and methods, the
 * districts' figures and the bonus, penalty and veto items; then reviewed, locked and published as
 * the file says. The ranks come out of the scoring: 花溪区 first in 2026年上半年 (third in 2025), third
 * in GDP growth 1–9月. A scheme already there (same name and period) is left alone.
 */
@Component
@Order(80)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EvaluationDemoData implements ApplicationRunner {

    private final EvaluationService service;
    private final Directory directory;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> load());
    }

    private void load() {
        CivicUser office = (CivicUser) users.loadUserByUsername("evaluation");
        Instant now = Instant.now();
        for (String[] r : rows("demo/performance-indicators.csv")) {
            if (service.indicatorByCode(r[0]).isEmpty()) {
                Long source = r[5].isEmpty() ? null : directory.unitIdByName(r[5]).map(UnitId::value).orElse(null);
                service.createIndicator(office, new IndicatorDraft(r[0], r[1], r[2], r[3], r[4], source, r[6]), now);
            }
        }
        Map<String, Long> keys = new HashMap<>();
        Map<String, String> finalStatus = new LinkedHashMap<>();
        for (String[] r : rows("demo/performance-schemes.csv")) {
            Long existing = jdbc.sql("select id from perf_scheme where name = :n and period_code = :c")
                    .param("n", r[1]).param("c", r[3]).query(Long.class).optional().orElse(null);
            if (existing != null) {
                continue;
            }
            Long previous = r[4].isEmpty() ? null : keys.get(r[4]);
            Scheme s = service.createScheme(office, new SchemeDraft(r[1], r[2], r[3], previous, Integer.parseInt(r[5])), now);
            keys.put(r[0], s.id());
            finalStatus.put(r[0], r[6]);
        }
        for (String[] r : rows("demo/performance-scheme-indicators.csv")) {
            Long scheme = keys.get(r[0]);
            if (scheme != null) {
                Indicator i = service.indicatorByCode(r[1]).orElseThrow();
                service.addIndicator(office, scheme, new RuleDraft(i.id(), r[2], r[3], r[4], r[5], r[6], r[7], null, null));
            }
        }
        Map<String, Map<String, String>> figures = new LinkedHashMap<>();
        for (String[] r : rows("demo/performance-figures.csv")) {
            if (keys.containsKey(r[0])) {
                figures.computeIfAbsent(r[0] + "," + r[1], k -> new LinkedHashMap<>()).put(r[2], r[3]);
            }
        }
        figures.forEach((key, values) -> {
            String[] k = key.split(",");
            service.enterFigures(office, keys.get(k[0]), service.indicatorByCode(k[1]).orElseThrow().id(), values, now);
        });
        for (String[] r : rows("demo/performance-adjustments.csv")) {
            if (keys.containsKey(r[0])) {
                service.addAdjustment(office, keys.get(r[0]), new AdjustmentDraft(r[1], r[2], r[3], r[4]), now);
            }
        }
        finalStatus.forEach((key, status) -> {
            long id = keys.get(key);
            if (!status.equals("FILLING")) {
                service.review(office, id);
                service.lock(office, id, now);
            }
            if (status.equals("PUBLISHED")) {
                service.publish(office, id, now);
            }
        });
    }

    private static List<String[]> rows(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
