package org.civicloop.legislation.report;

import java.util.Set;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The compiled reports, adoption fed back and the figures are tabs of the drafts' area (one top entry per area);
 * administrators and leaders, who work on no draft, see the figures in their top bar and reach reports from there.
 */
@Configuration(proxyBeanMethods = false)
class ReportNavigation {

    @Bean
    Navigation legislationReportNavigationEntries() {
        return Navigation.of(
                new NavigationItem("legislation.report.nav", "/legislation/reports",
                        Set.of("CONGRESS_OFFICE", "STATION_STAFF"), 142, "/legislation/drafts"),
                new NavigationItem("legislation.adoption.nav", "/legislation/adoption",
                        Set.of("CONGRESS_OFFICE"), 143, "/legislation/drafts"),
                new NavigationItem("legislation.figures.nav", "/legislation/figures",
                        Set.of("CONGRESS_OFFICE", "ADMIN", "LEADER"), 144, "/legislation/drafts"));
    }
}
