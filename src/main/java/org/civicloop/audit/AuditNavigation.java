package org.civicloop.audit;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's entry in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    Navigation auditNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.admin.audit", "/admin/audit", Set.of("ADMIN"), 940));
    }
}
