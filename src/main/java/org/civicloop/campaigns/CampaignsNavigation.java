package org.civicloop.campaigns;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaigns in the staff navigation, a tab of the deputies' area where the user has it: the office runs them, stations
 * nominate, leaders and administrators read. */
@Configuration(proxyBeanMethods = false)
class CampaignsNavigation {

    @Bean
    Navigation campaignsNavigationEntries() {
        return Navigation.of(new NavigationItem("campaign.nav.list", "/campaigns",
                Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER", "STATION_STAFF"), 135, "/deputies"));
    }
}
