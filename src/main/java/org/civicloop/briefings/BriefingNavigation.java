package org.civicloop.briefings;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The briefings' entries in the staff navigation: the office's list (attendance is a tab of it), a deputy's own. */
@Configuration(proxyBeanMethods = false)
class BriefingNavigation {

    @Bean
    Navigation briefingNavigationEntries() {
        return Navigation.of(
                new NavigationItem("briefing.nav.list", "/briefings", Set.of("CONGRESS_OFFICE"), 130),
                new NavigationItem("briefing.nav.attendance", "/briefings/attendance", Set.of("CONGRESS_OFFICE"), 130, "/briefings"),
                new NavigationItem("briefing.nav.mine", "/briefings/mine", Set.of("DEPUTY"), 131));
    }
}
