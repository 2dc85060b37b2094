package org.civicloop.open311;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner-system page in the administrator's navigation. */
@Configuration(proxyBeanMethods = false)
class Open311Navigation {

    @Bean
    Navigation open311NavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.admin.open311", "/admin/open311", Set.of("ADMIN"), 960));
    }
}
