package org.civicloop.suggestions;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suggestions module's entries in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class SuggestionsNavigation {

    @Bean
    Navigation suggestionsNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.suggestions.mine", "/suggestions/mine", Set.of("DEPUTY"), 50),
                new NavigationItem("nav.suggestions.list", "/suggestions", Set.of("CONGRESS_OFFICE", "LEADER"), 55),
                new NavigationItem("nav.suggestions.inbox", "/suggestions/inbox", Set.of("HANDLING_UNIT"), 60));
    }
}
