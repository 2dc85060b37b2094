package org.civicloop.organization;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The organisation module's entries in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class OrganizationNavigation {

    @Bean
    Navigation organizationNavigationEntries() {
        return Navigation.of(
                new NavigationItem("nav.workbench", "/workbench", Set.of(), 0),
                new NavigationItem("nav.myUnit", "/my-unit",
                        Set.of("HANDLING_UNIT", "STATION_STAFF", "WINDOW_CLERK", "DEPT_APPROVER"), 900),
                new NavigationItem("nav.admin.units", "/admin/units", Set.of("ADMIN"), 910),
                new NavigationItem("nav.admin.accounts", "/admin/accounts", Set.of("ADMIN"), 920),
                new NavigationItem("nav.admin.regions", "/admin/regions", Set.of("ADMIN"), 930));
    }
}
