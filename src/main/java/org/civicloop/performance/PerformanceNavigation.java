package org.civicloop.performance;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The performance module's entries in the staff navigation. Tracked work (督办事项): the items, the
 * investment projects and the dashboard. Evaluation (绩效评价): the ranking for the evaluation office
 * and the district's leaders, with the schemes and the indicator library as tabs of its area;
 * departments (handling units) see the schemes open for entry as an entry of their own.
 */
@Configuration(proxyBeanMethods = false)
class PerformanceNavigation {

    private static final String WORK = "/performance/work";
    private static final String RANKING = "/performance/ranking";

    @Bean
    Navigation performanceNavigationEntries() {
        return Navigation.of(
                new NavigationItem("performance.work.nav.items", WORK, Set.of("EVALUATION_OFFICE", "LEADER", "HANDLING_UNIT"), 70),
                new NavigationItem("performance.work.nav.projects", "/performance/projects",
                        Set.of("EVALUATION_OFFICE", "LEADER", "HANDLING_UNIT"), 71, WORK),
                new NavigationItem("performance.work.nav.dashboard", "/performance/work/dashboard",
                        Set.of("EVALUATION_OFFICE", "LEADER"), 72, WORK),
                new NavigationItem("performance.eval.nav.ranking", RANKING, Set.of("EVALUATION_OFFICE", "LEADER"), 90),
                new NavigationItem("performance.eval.nav.schemes", "/performance/schemes",
                        Set.of("EVALUATION_OFFICE", "LEADER", "HANDLING_UNIT"), 91, RANKING),
                new NavigationItem("performance.eval.nav.indicators", "/performance/indicators",
                        Set.of("EVALUATION_OFFICE", "LEADER"), 92, RANKING));
    }
}
