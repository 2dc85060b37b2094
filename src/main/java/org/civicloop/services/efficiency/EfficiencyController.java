package org.civicloop.services.efficiency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.services.catalogue.CataloguePermissions;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 一件事成效: per service the before/after figures and the measured times of completed applications,
 * per month; a table that says everything, and ECharts bars drawn from {@code window.servicesEfficiency}.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EfficiencyController {

    private final EfficiencyReport report;
    private final CataloguePermissions permissions;
    private final MessageSource messages;

    @GetMapping("/services/efficiency")
    String page(@AuthenticationPrincipal CivicUser user, Locale locale, Model model) {
        if (!permissions.mayViewEfficiency(user)) {
            throw new AccessDeniedException("service efficiency");
        }
        var services = report.services();
        model.addAttribute("services", services);
        model.addAttribute("chart", chart(services, locale));
        return "services/efficiency";
    }

    private Map<String, Object> chart(List<EfficiencyReport.ServiceEfficiency> services, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        List<String> names = services.stream().map(EfficiencyReport.ServiceEfficiency::name).toList();
        chart.put("services", names);
        chart.put("daysAxis", msg("services.efficiency.chart.daysAxis", locale));
        chart.put("time", List.of(
                series(msg("services.efficiency.before", locale), services.stream().map(s -> (Object) s.beforeWorkingDays()).toList()),
                series(msg("services.efficiency.promised", locale), services.stream().map(s -> (Object) s.promisedWorkingDays()).toList()),
                series(msg("services.efficiency.measured", locale), services.stream()
                        .map(s -> s.total() == null ? null : (Object) round(s.total().meanElapsedWorkingDays())).toList())));
        TreeSet<String> months = new TreeSet<>();
        services.forEach(s -> s.months().forEach(m -> months.add(m.label())));
        chart.put("months", new ArrayList<>(months));
        chart.put("monthly", services.stream().filter(s -> s.total() != null).map(s -> series(s.name(), months.stream()
                .map(m -> s.months().stream().filter(x -> x.label().equals(m)).findFirst()
                        .map(x -> (Object) round(x.meanElapsedWorkingDays())).orElse(null)).toList())).toList());
        return chart;
    }

    private static Map<String, Object> series(String name, List<Object> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
