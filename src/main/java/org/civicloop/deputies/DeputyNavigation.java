package org.civicloop.deputies;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deputies module's entries in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class DeputyNavigation {

    @Bean
    Navigation deputyNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.deputies", "/deputies", Set.of("CONGRESS_OFFICE", "ADMIN"), 100),
                new NavigationItem("nav.myDutyCode", "/my/duty-code", Set.of("DEPUTY"), 110));
    }
}
