package org.civicloop.briefings;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The briefings in the staff navigation: the list and attendance as tabs of the deputies' area for the office; a deputy's own. */
@Configuration(proxyBeanMethods = false)
class BriefingNavigation {

    @Bean
    Navigation briefingNavigationEntries() {
        return Navigation.of(
                new NavigationItem("briefing.nav.list", "/briefings", Set.of("CONGRESS_OFFICE"), 130, "/deputies"),
                new NavigationItem("briefing.nav.attendance", "/briefings/attendance", Set.of("CONGRESS_OFFICE"), 130, "/deputies"),
                new NavigationItem("briefing.nav.mine", "/briefings/mine", Set.of("DEPUTY"), 131));
    }
}
