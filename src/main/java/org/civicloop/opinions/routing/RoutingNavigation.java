package org.civicloop.opinions.routing;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Routing's pages as tabs of the office's existing pages, never top-bar items. */
@Configuration(proxyBeanMethods = false)
class RoutingNavigation {

    @Bean
    Navigation routingNavigationEntries() {
        return Navigation.of(
                new NavigationItem("routing.nav.share", "/opinions/routing", Set.of("CONGRESS_OFFICE"), 31, "/opinions/decisions"),
                new NavigationItem("routing.nav.duties", "/opinions/routing/duties", Set.of("CONGRESS_OFFICE"), 32, "/opinions/decisions"),
                new NavigationItem("routing.nav.import", "/opinions/routing/import", Set.of("CONGRESS_OFFICE"), 46, "/opinions/import"));
    }
}
