package org.civicloop.suggestions.kpi;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 统计分析: the KPI dashboard, for the office, the district's leaders and the evaluation office. */
@Configuration(proxyBeanMethods = false)
class KpiNavigation {

    static final Set<String> ROLES = Set.of("CONGRESS_OFFICE", "LEADER", "EVALUATION_OFFICE");

    @Bean
    Navigation kpiNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.suggestions.dashboard", "/suggestions/dashboard", ROLES, 57, "/suggestions"));
    }
}
