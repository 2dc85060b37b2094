package org.civicloop.deadlines;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working-day calendar's entry in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class DeadlineNavigation {

    @Bean
    Navigation deadlineNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.admin.calendar", "/admin/calendar", Set.of("ADMIN"), 950));
    }
}
