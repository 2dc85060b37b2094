package org.civicloop.legislation;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The legislation module's entry in the staff navigation: drafts put to the people, for the office and the contact points. */
@Configuration(proxyBeanMethods = false)
class LegislationNavigation {

    @Bean
    Navigation legislationDraftNavigation() {
        return Navigation.of(
                new NavigationItem("legislation.nav.drafts", "/legislation/drafts", Set.of("CONGRESS_OFFICE"), 140),
                // a station works on drafts only as a contact point asked about them: its card says so
                new NavigationItem("legislation.nav.drafts.station", "/legislation/drafts", Set.of("STATION_STAFF"), 140));
    }
}
