package org.civicloop.records;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The duty records in the staff navigation: the ranking, rules and review as tabs of the deputies' area for the
 * office (in the top bar for leaders); a deputy's own record. */
@Configuration(proxyBeanMethods = false)
class RecordsNavigation {

    @Bean
    Navigation recordsNavigationEntries() {
        return Navigation.of(
                new NavigationItem("record.nav.ranking", "/records/ranking", Set.of("CONGRESS_OFFICE", "LEADER"), 132, "/deputies"),
                new NavigationItem("record.nav.review", "/records/review", Set.of("CONGRESS_OFFICE"), 133, "/deputies"),
                new NavigationItem("record.nav.rules", "/records/rules", Set.of("CONGRESS_OFFICE"), 134, "/deputies"),
                new NavigationItem("record.nav.mine", "/records/mine", Set.of("DEPUTY"), 134));
    }
}
