package org.civicloop.performance.work;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tracked work's entries in the staff navigation: the items, the investment projects, the dashboard. */
@Configuration(proxyBeanMethods = false)
class WorkNavigation {

    @Bean
    Navigation performanceWorkNavigationEntries() {
        return Navigation.of(
                new NavigationItem("performance.work.nav.items", "/performance/work", Set.of("EVALUATION_OFFICE", "LEADER", "HANDLING_UNIT"), 70),
                new NavigationItem("performance.work.nav.projects", "/performance/projects", Set.of("EVALUATION_OFFICE", "LEADER", "HANDLING_UNIT"), 71,
                        "/performance/work"),
                new NavigationItem("performance.work.nav.dashboard", "/performance/work/dashboard", Set.of("EVALUATION_OFFICE", "LEADER"), 72,
                        "/performance/work"));
    }
}
