package org.civicloop.services;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services module's entries in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class ServicesNavigation {

    @Bean
    Navigation servicesNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.services.catalogue", "/services/catalogue", Set.of("ADMIN", "WINDOW_CLERK"), 60),
                new NavigationItem("nav.services.efficiency", "/services/efficiency",
                        Set.of("ADMIN", "WINDOW_CLERK", "LEADER", "EVALUATION_OFFICE"), 65));
    }
}
