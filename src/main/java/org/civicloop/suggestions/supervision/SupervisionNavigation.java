package org.civicloop.suggestions.supervision;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supervision's entries in the staff navigation: a leader's own items, the office's desk, a unit's reports. */
@Configuration(proxyBeanMethods = false)
class SupervisionNavigation {

    @Bean
    Navigation supervisionNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.supervision.mine", "/supervision/mine", Set.of("LEADER"), 56),
                new NavigationItem("nav.supervision.desk", "/supervision", Set.of("CONGRESS_OFFICE"), 58, "/suggestions"),
                new NavigationItem("nav.supervision.unit", "/supervision/unit", Set.of("HANDLING_UNIT"), 61));
    }
}
