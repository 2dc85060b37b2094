package org.civicloop.performance.evaluation;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 绩效评价 in the staff navigation: the ranking for the evaluation office and the district's leaders,
 * with the schemes and the indicator library as tabs of its area; departments (handling units) see
 * the schemes open for entry as an entry of their own.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationNavigation {

    static final String RANKING = "/performance/ranking";

    @Bean
    Navigation evaluationNavigationEntries() {
        return Navigation.of(
                new NavigationItem("performance.eval.nav.ranking", RANKING, Set.of("EVALUATION_OFFICE", "LEADER"), 90),
                new NavigationItem("performance.eval.nav.schemes", "/performance/schemes",
                        Set.of("EVALUATION_OFFICE", "LEADER", "HANDLING_UNIT"), 91, RANKING),
                new NavigationItem("performance.eval.nav.indicators", "/performance/indicators",
                        Set.of("EVALUATION_OFFICE", "LEADER"), 92, RANKING));
    }
}
