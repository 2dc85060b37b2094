package org.civicloop.notifications;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbox in the staff navigation, for everyone signed in. */
@Configuration(proxyBeanMethods = false)
class NotificationsNavigation {

    @Bean
    Navigation notificationsNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.messages", "/messages", Set.of(), 800));
    }
}
