package org.civicloop.deadlines;

import java.util.Set;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working-day calendar's entry in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class DeadlineNavigation {

    @Bean
    NavigationItem calendarNavigationItem() {
        return new NavigationItem("nav.admin.calendar", "/admin/calendar", Set.of("ADMIN"), 950);
    }
}
