package org.civicloop.liaison.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jakarta.validation.Valid;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.liaison.domain.SitePermissions;
import org.civicloop.liaison.domain.SiteQueries.SiteRow;
import org.civicloop.liaison.domain.SiteQueries;
import org.civicloop.liaison.domain.SiteService;
import org.civicloop.liaison.domain.SiteType;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.DataScope;
import org.civicloop.organization.Directory.Place;
import org.civicloop.organization.Directory.UnitRef;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.FormErrors;
import org.civicloop.shared.web.PagingLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 家站室点: the office manages the network; station staff read the sites their unit runs (their
 * data scope, applied in SQL) and print their codes.
 */
@Controller
@RequestMapping("/liaison/sites")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'STATION_STAFF')")
class SiteController {

    private static final int PAGE_SIZE = 20;
    private static final List<String> FORM_LEVELS = List.of("district", "street", "town");
    private static final String MANAGERS = "hasAnyRole('CONGRESS_OFFICE', 'ADMIN')";

    private final SiteQueries queries;
    private final SiteService sites;
    private final Directory directory;
    private final Deputies deputies;
    private final DeputyRoster roster;
    private final String publicBaseUrl;

    SiteController(SiteQueries queries, SiteService sites, Directory directory, Deputies deputies, DeputyRoster roster,
                   @Value("${civicloop.public-base-url}") String publicBaseUrl) {
        this.queries = queries;
        this.sites = sites;
        this.directory = directory;
        this.deputies = deputies;
        this.roster = roster;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @ModelAttribute
    void choices(@AuthenticationPrincipal CivicUser user, Model model) {
        List<Place> places = directory.placesAtLevels(List.of("district", "street", "town", "village"));
        model.addAttribute("types", Arrays.asList(SiteType.values()));
        model.addAttribute("regions", places.stream().filter(p -> FORM_LEVELS.contains(p.level())).toList());
        model.addAttribute("regionNames", places.stream().collect(Collectors.toMap(Place::code, Place::name)));
        model.addAttribute("mayManage", SitePermissions.mayManage(user));
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String type,
                @RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "0") int page,
                @AuthenticationPrincipal CivicUser user, Model model) {
        var filter = new SiteQueries.Filter(q, type, region);
        var result = queries.sites(filter, user.dataScope(), Math.max(0, page), PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("page", result);
        model.addAttribute("unitNames", unitNames(result.items().stream().map(SiteRow::staffUnitId).toList()));
        model.addAttribute("pagingBase", pagingBase(filter));
        return "liaison/sites";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        SiteRow site = queries.site(id, user.dataScope()).orElseThrow(() -> new NotFoundException("site", id));
        List<DeputySummary> residents = queries.residentIds(id).stream()
                .map(deputies::find).flatMap(java.util.Optional::stream).toList();
        model.addAttribute("site", site);
        model.addAttribute("residents", residents);
        model.addAttribute("staffUnitName", site.staffUnitId() == null ? null : directory.unitName(site.staffUnitId()).orElse(null));
        model.addAttribute("dutyCodeAddress", publicBaseUrl + "/o/" + site.dutyToken());
        return "liaison/site";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGERS)
    String newSite(Model model) {
        SiteForm form = SiteForm.empty();
        model.addAttribute("siteForm", form);
        formChoices(form, model);
        return "liaison/site-form";
    }

    @PostMapping("/new")
    @PreAuthorize(MANAGERS)
    String create(@Valid @ModelAttribute SiteForm siteForm, BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = sites.create(siteForm.details());
                flash.addFlashAttribute("saved", siteForm.name());
                return "redirect:/liaison/sites/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e, FIELDS);
            }
        }
        formChoices(siteForm, model);
        return "liaison/site-form";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(MANAGERS)
    String edit(@PathVariable long id, Model model) {
        SiteRow site = queries.site(id, DataScope.all()).orElseThrow(() -> new NotFoundException("site", id));
        SiteForm form = SiteForm.of(site, queries.residentIds(id));
        model.addAttribute("siteId", id);
        model.addAttribute("siteForm", form);
        formChoices(form, model);
        return "liaison/site-form";
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(MANAGERS)
    String update(@PathVariable long id, @Valid @ModelAttribute SiteForm siteForm, BindingResult result, Model model,
                  RedirectAttributes flash) {
        queries.site(id, DataScope.all()).orElseThrow(() -> new NotFoundException("site", id));
        if (!result.hasErrors()) {
            try {
                sites.update(id, siteForm.details());
                flash.addFlashAttribute("saved", siteForm.name());
                return "redirect:/liaison/sites/" + id;
            } catch (BusinessException e) {
                if (e instanceof NotFoundException) {
                    throw e;
                }
                FormErrors.reject(result, e, FIELDS);
            }
        }
        model.addAttribute("siteId", id);
        formChoices(siteForm, model);
        return "liaison/site-form";
    }

    /** 重新生成二维码: the old posters stop working; the change is audited. */
    @PostMapping("/{id}/duty-token")
    @PreAuthorize(MANAGERS)
    String regenerate(@PathVariable long id, RedirectAttributes flash) {
        sites.regenerateToken(id);
        flash.addFlashAttribute("regenerated", true);
        return "redirect:/liaison/sites/" + id;
    }

    /** Units that may run a site, and the deputies who may be resident, keeping whatever the form already holds. */
    private void formChoices(SiteForm form, Model model) {
        List<UnitRef> units = new ArrayList<>(directory.handlingUnits());
        if (form.staffUnitId() != null && units.stream().noneMatch(u -> u.id() == form.staffUnitId())) {
            directory.unitName(form.staffUnitId()).ifPresent(n -> units.add(0, new UnitRef(form.staffUnitId(), n, null)));
        }
        model.addAttribute("units", units);
        Map<Long, DeputySummary> candidates = new LinkedHashMap<>();
        roster.active().forEach(d -> candidates.put(d.id(), d));
        if (form.deputyIds() != null) {
            form.deputyIds().forEach(id -> deputies.find(id).ifPresent(d -> candidates.putIfAbsent(d.id(), d)));
        }
        model.addAttribute("candidates", candidates.values());
    }

    private Map<Long, String> unitNames(List<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        ids.stream().filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> directory.unitName(id).ifPresent(n -> names.put(id, n)));
        return names;
    }

    private static final Map<String, String> FIELDS = Map.of(
            "site.error.unknownRegion", "regionCode",
            "site.error.unknownUnit", "staffUnitId",
            "site.error.unknownDeputy", "deputyIds",
            "site.error.nameTaken", "name");

    private static String pagingBase(SiteQueries.Filter filter) {
        return PagingLinks.base("/liaison/sites", "q", filter.query(), "type", filter.type(),
                "region", filter.regionCode());
    }
}
