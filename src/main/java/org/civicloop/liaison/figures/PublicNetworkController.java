package org.civicloop.liaison.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.liaison.domain.SiteType;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Directory.Place;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * 家站室点一览: the public's list of every open site by town and type, with its address and its reception
 * days as the site publishes them, each linking to the site's own public page (with who is on duty) —
 * and nothing about any person. No sign-in, no JavaScript; phone first.
 */
@Controller
class PublicNetworkController {

    /** The site's own public page (the duty roster), where the application has one. */
    static final String SITE_PAGE = "/public/sites/";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile Boolean sitePages;

    PublicNetworkController(JdbcClient jdbc, Directory directory, ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.mappings = mappings;
    }

    public record PublicSite(long id, String name, String type, String regionCode, String town, String address,
                             String receptionSchedule) {
    }

    /** A town's open sites, type by type (in the order of {@link SiteType}). */
    public record TownSites(String code, String name, Map<String, List<PublicSite>> byType, int count) {
    }

    @GetMapping("/public/network")
    String page(Model model) {
        List<PublicSite> sites = jdbc.sql("""
                        select s.id, s.name, s.type, s.region_code,
                               case when length(s.region_code) >= 9 then substring(s.region_code, 1, 9) else s.region_code end as town,
                               s.address, s.reception_schedule
                          from liaison_site s where s.active order by town, s.name""")
                .query(PublicSite.class).list();
        Map<String, String> names = new LinkedHashMap<>();
        directory.place(NetworkFigures.DISTRICT).ifPresent(p -> names.put(p.code(), p.name()));
        for (Place p : directory.placesUnder(NetworkFigures.DISTRICT)) {
            names.put(p.code(), p.name());
        }
        Map<String, List<PublicSite>> byTown = new LinkedHashMap<>();
        for (PublicSite s : sites) {
            byTown.computeIfAbsent(s.town(), t -> new ArrayList<>()).add(s);
        }
        List<TownSites> towns = new ArrayList<>();
        for (var e : byTown.entrySet()) {
            Map<String, List<PublicSite>> byType = new LinkedHashMap<>();
            for (SiteType type : SiteType.values()) {
                List<PublicSite> ofType = e.getValue().stream().filter(s -> s.type().equals(type.name())).toList();
                if (!ofType.isEmpty()) {
                    byType.put(type.name(), ofType);
                }
            }
            String name = names.getOrDefault(e.getKey(), directory.place(e.getKey()).map(Place::name).orElse(e.getKey()));
            towns.add(new TownSites(e.getKey(), name, byType, e.getValue().size()));
        }
        model.addAttribute("towns", towns);
        model.addAttribute("siteCount", sites.size());
        model.addAttribute("villageNames", villageNames(sites));
        model.addAttribute("sitePages", sitePages());
        return "liaison/public-network";
    }

    /** The names of the villages and communities sites stand in (a site at a town's level has none). */
    private Map<String, String> villageNames(List<PublicSite> sites) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> towns = sites.stream().filter(s -> s.regionCode().length() > 9).map(PublicSite::town).distinct().toList();
        for (Place p : directory.placesUnder(towns)) {
            names.put(p.code(), p.name());
        }
        return names;
    }

    /** Whether the site pages (a colleague's part of the network) are there to link to. */
    private boolean sitePages() {
        Boolean known = sitePages;
        if (known == null) {
            known = mappings.orderedStream().flatMap(m -> m.getHandlerMethods().keySet().stream())
                    .map(RequestMappingInfo::getPatternValues).flatMap(java.util.Set::stream)
                    .anyMatch(p -> p.startsWith(SITE_PAGE + "{"));
            sitePages = known;
        }
        return known;
    }
}
