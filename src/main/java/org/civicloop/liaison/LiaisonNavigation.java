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
                new NavigationItem("network.nav.figures", "/liaison/figures", Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER"), 121,
                        "/liaison/sites"));
    }
}
