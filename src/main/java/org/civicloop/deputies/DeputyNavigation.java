package org.civicloop.deputies;

import java.util.Set;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deputies module's entries in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class DeputyNavigation {

    @Bean
    NavigationItem deputiesNavigationItem() {
        return new NavigationItem("nav.deputies", "/deputies", Set.of("CONGRESS_OFFICE", "ADMIN"), 100);
    }

    @Bean
    NavigationItem myDutyCodeNavigationItem() {
        return new NavigationItem("nav.myDutyCode", "/my/duty-code", Set.of("DEPUTY"), 110);
    }
}
