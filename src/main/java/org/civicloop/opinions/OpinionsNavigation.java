package org.civicloop.opinions;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The opinions module's entries in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class OpinionsNavigation {

    @Bean
    Navigation opinionsNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.opinions.queue", "/opinions", Set.of("CONGRESS_OFFICE", "DEPUTY", "STATION_STAFF", "LEADER"), 10),
                new NavigationItem("nav.opinions.record", "/opinions/record", Set.of("DEPUTY", "STATION_STAFF"), 15),
                new NavigationItem("capture.nav", "/opinions/capture", Set.of("DEPUTY", "STATION_STAFF"), 16),
                new NavigationItem("nav.opinions.decisions", "/opinions/decisions", Set.of("CONGRESS_OFFICE"), 30),
                new NavigationItem("nav.opinions.ledger", "/opinions/ledger", Set.of("CONGRESS_OFFICE", "LEADER"), 40),
                new NavigationItem("nav.opinions.import", "/opinions/import", Set.of("CONGRESS_OFFICE"), 45),
                new NavigationItem("nav.workOrders", "/work-orders", Set.of("HANDLING_UNIT"), 20));
    }
}
