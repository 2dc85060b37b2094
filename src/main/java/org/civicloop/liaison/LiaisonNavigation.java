package org.civicloop.liaison;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The liaison module's entry in the staff navigation: the whole network for the office, their own sites for station staff. */
@Configuration(proxyBeanMethods = false)
class LiaisonNavigation {

    @Bean
    Navigation liaisonNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.liaisonSites", "/liaison/sites", Set.of("CONGRESS_OFFICE", "ADMIN", "STATION_STAFF"), 120),
                new NavigationItem("nav.receptions", "/liaison/receptions", Set.of("CONGRESS_OFFICE", "ADMIN", "STATION_STAFF"), 121),
                new NavigationItem("nav.liaisonActivities", "/liaison/activities",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER", "STATION_STAFF"), 122),
                new NavigationItem("nav.liaisonMatters", "/liaison/matters",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER", "STATION_STAFF", "HANDLING_UNIT"), 123),
                new NavigationItem("nav.liaisonDisputes", "/liaison/disputes",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER", "STATION_STAFF"), 124));
    }
}
