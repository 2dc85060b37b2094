package org.civicloop.liaison.receptions.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicloop.deputies.Deputies;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.receptions.ReceptionQueries;
import org.civicloop.liaison.receptions.ReceptionService;
import org.civicloop.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A site's public page: where it is, its fixed reception days, the receptions planned in the coming
 * weeks (a mobile one names its market or square) and who is on duty when. Phone first, no
 * JavaScript; no personal data beyond deputies' names, which are public. A closed site answers 404.
 */
@Controller
class PublicSiteController {

    static final int WEEKS_SHOWN = 4;

    private final LiaisonSites sites;
    private final ReceptionService service;
    private final ReceptionQueries queries;
    private final Deputies deputies;
    private final JdbcClient jdbc;

    PublicSiteController(LiaisonSites sites, ReceptionService service, ReceptionQueries queries, Deputies deputies,
                         JdbcClient jdbc) {
        this.sites = sites;
        this.service = service;
        this.queries = queries;
        this.deputies = deputies;
        this.jdbc = jdbc;
    }

    @GetMapping("/public/sites/{id}")
    String site(@PathVariable long id, Model model) {
        SiteSummary site = sites.find(id).filter(s -> isOpen(s.id())).orElseThrow(() -> new NotFoundException("site", id));
        LocalDate today = service.today();
        LocalDate until = today.plusWeeks(WEEKS_SHOWN);
        Map<LocalDate, List<String>> onDuty = new TreeMap<>();
        for (var e : queries.roster(id, today, until)) {
            deputies.find(e.deputyId()).ifPresent(d -> onDuty.computeIfAbsent(e.dutyDate(), k -> new java.util.ArrayList<>())
                    .add(d.name()));
        }
        model.addAttribute("site", site);
        model.addAttribute("today", today);
        model.addAttribute("weeksShown", WEEKS_SHOWN);
        model.addAttribute("rules", service.rules(id));
        model.addAttribute("upcoming", queries.upcoming(id, today, 20).stream().filter(r -> !r.heldOn().isAfter(until)).toList());
        model.addAttribute("onDuty", onDuty);
        return "liaison/receptions/public-site";
    }

    private boolean isOpen(long siteId) {
        return jdbc.sql("select active from liaison_site where id = :id").param("id", siteId).query(Boolean.class)
                .optional().orElse(false);
    }
}
