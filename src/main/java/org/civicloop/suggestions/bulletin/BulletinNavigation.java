package org.civicloop.suggestions.bulletin;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 集中通报: the office generates, previews and publishes collective notices. */
@Configuration(proxyBeanMethods = false)
class BulletinNavigation {

    @Bean
    Navigation bulletinNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.suggestions.bulletins", "/suggestions/bulletins", Set.of("CONGRESS_OFFICE"), 59, "/suggestions"));
    }
}
