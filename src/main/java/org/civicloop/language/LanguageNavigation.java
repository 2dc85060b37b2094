package org.civicloop.language;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sentence model's status page in the administrator's navigation. */
@Configuration(proxyBeanMethods = false)
class LanguageNavigation {

    @Bean
    Navigation languageNavigationEntries() {
        return Navigation.of(new NavigationItem("language.nav", "/admin/language", Set.of("ADMIN"), 945));
    }
}
