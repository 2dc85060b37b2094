package org.civicloop.legislation.report;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The compiled reports for the points' staff and the office; adoption fed back and the figures for the office and
 * leaders, as tabs of the reports' area (one top entry per area).
 */
@Configuration(proxyBeanMethods = false)
class ReportNavigation {

    @Bean
    Navigation legislationReportNavigationEntries() {
        return Navigation.of(
                new NavigationItem("legislation.report.nav", "/legislation/reports",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER", "STATION_STAFF"), 142),
                new NavigationItem("legislation.adoption.nav", "/legislation/adoption",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER"), 143, "/legislation/reports"),
                new NavigationItem("legislation.figures.nav", "/legislation/figures",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER"), 143, "/legislation/reports"));
    }
}
