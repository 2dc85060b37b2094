package org.civicloop.suggestions.ledger;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suggestion ledger in the staff navigation, beside the office's list. */
@Configuration(proxyBeanMethods = false)
class LedgerNavigation {

    @Bean
    Navigation ledgerNavigationEntries() {
        return Navigation.of(
                new NavigationItem("ledger.suggestions.nav", "/suggestions/ledger", Set.of("CONGRESS_OFFICE", "LEADER"), 56, "/suggestions"));
    }
}
