package org.civicloop.suggestions.poll;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Satisfaction polls in the staff navigation: deputies vote, the office runs them. */
@Configuration(proxyBeanMethods = false)
class PollNavigation {

    @Bean
    Navigation pollNavigationEntries() {
        return Navigation.of(
                new NavigationItem("poll.nav.vote", "/polls", Set.of("DEPUTY"), 52),
                new NavigationItem("poll.nav.manage", "/polls/manage", Set.of("CONGRESS_OFFICE"), 60, "/suggestions"));
    }
}
