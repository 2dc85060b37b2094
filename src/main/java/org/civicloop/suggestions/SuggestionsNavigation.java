package org.civicloop.suggestions;

import java.util.Set;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suggestions module's entries in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class SuggestionsNavigation {

    @Bean
    NavigationItem mySuggestionsNavigationItem() {
        return new NavigationItem("nav.suggestions.mine", "/suggestions/mine", Set.of("DEPUTY"), 50);
    }

    @Bean
    NavigationItem suggestionsListNavigationItem() {
        return new NavigationItem("nav.suggestions.list", "/suggestions", Set.of("CONGRESS_OFFICE", "LEADER"), 55);
    }

    @Bean
    NavigationItem suggestionsInboxNavigationItem() {
        return new NavigationItem("nav.suggestions.inbox", "/suggestions/inbox", Set.of("HANDLING_UNIT"), 60);
    }
}
