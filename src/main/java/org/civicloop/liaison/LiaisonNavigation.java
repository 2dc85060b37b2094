package org.civicloop.liaison;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The liaison module's entry in the staff navigation: the whole network for the office, their own sites for station staff;
 * the network's figures for the office and the leaders. */
@Configuration(proxyBeanMethods = false)
class LiaisonNavigation {

    @Bean
    Navigation liaisonNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.liaisonSites", "/liaison/sites", Set.of("CONGRESS_OFFICE", "ADMIN", "STATION_STAFF"), 120),
                new NavigationItem("nav.receptions", "/liaison/receptions", Set.of("CONGRESS_OFFICE", "STATION_STAFF"), 121),
                // the network's other work is a tab of its sites; a leader sees the figures on top (and reaches
                // activities, matters and disputes from there), a handling unit its matters
                new NavigationItem("nav.liaisonActivities", "/liaison/activities",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "STATION_STAFF"), 122, "/liaison/sites"),
                new NavigationItem("nav.liaisonMatters", "/liaison/matters",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "STATION_STAFF", "HANDLING_UNIT"), 123, "/liaison/sites"),
                new NavigationItem("nav.liaisonDisputes", "/liaison/disputes",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "STATION_STAFF"), 124, "/liaison/sites"),
                new NavigationItem("network.nav.figures", "/liaison/figures", Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER"), 125,
                        "/liaison/sites"));
    }
}
