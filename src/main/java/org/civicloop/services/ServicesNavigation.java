package org.civicloop.services;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services module's entries in the staff navigation and on the workbench: each role's worklist first. */
@Configuration(proxyBeanMethods = false)
class ServicesNavigation {

    @Bean
    Navigation servicesNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.services.window", "/services/window", Set.of("WINDOW_CLERK"), 10),
                new NavigationItem("nav.services.approvals", "/services/approvals", Set.of("DEPT_APPROVER"), 10),
                new NavigationItem("nav.services.mine", "/services/cases", Set.of("ENTERPRISE"), 10),
                new NavigationItem("nav.services.apply", "/services/apply", Set.of("ENTERPRISE", "WINDOW_CLERK"), 12),
                new NavigationItem("nav.services.catalogue", "/services/catalogue", Set.of("ADMIN", "WINDOW_CLERK"), 60),
                // a tab of the catalogue for those who see it; in the top bar for leaders and the evaluation office
                new NavigationItem("nav.services.efficiency", "/services/efficiency",
                        Set.of("ADMIN", "WINDOW_CLERK", "LEADER", "EVALUATION_OFFICE"), 65, "/services/catalogue"));
    }
}
