package org.civicloop.liaison.web;

import jakarta.validation.Valid;
import java.time.Instant;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.liaison.activities.ActivityQueries;
import org.civicloop.liaison.activities.ActivityService;
import org.civicloop.liaison.casework.SiteChoices;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.web.FormErrors;
import org.civicloop.shared.web.PagingLinks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Activities at deputy homes and points: the list with its totals, and the form to record one. */
@Controller
@RequestMapping("/liaison/activities")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'LEADER', 'STATION_STAFF')")
class ActivityController {

    private static final int PAGE_SIZE = 20;

    private final ActivityService activities;
    private final ActivityQueries queries;
    private final SiteChoices choices;
    private final DeputyRoster roster;

    ActivityController(ActivityService activities, ActivityQueries queries, SiteChoices choices, DeputyRoster roster) {
        this.activities = activities;
        this.queries = queries;
        this.choices = choices;
        this.roster = roster;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long site, @RequestParam(defaultValue = "0") int page,
                @AuthenticationPrincipal CivicUser user, Model model) {
        var result = queries.activities(user, site, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("site", site);
        model.addAttribute("sites", choices.readable(user, SiteWork.ACTIVITY_SITES));
        java.util.Map<Long, java.util.List<String>> deputies = new java.util.HashMap<>();
        for (var r : result.items()) {
            if (r.deputyIds() != null) {
                deputies.put(r.id(), choices.deputyNames(java.util.Arrays.stream(r.deputyIds().split(","))
                        .map(Long::valueOf).toList()).values().stream().toList());
            }
        }
        model.addAttribute("deputyNames", deputies);
        model.addAttribute("mayRecord", SiteWork.recordsAtSites(user) && !choices.workplaces(user, SiteWork.ACTIVITY_SITES).isEmpty());
        model.addAttribute("pagingBase", PagingLinks.base("/liaison/activities", "site", site == null ? "" : site.toString()));
        return "liaison/activities";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String newActivity(@RequestParam(required = false) Long site, @AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("activityForm", ActivityForm.empty(site));
        formChoices(user, model);
        return "liaison/activity-form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String create(@Valid @ModelAttribute ActivityForm activityForm, BindingResult result, @AuthenticationPrincipal CivicUser user,
                  Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                activities.record(user, activityForm.draft(), Instant.now());
                flash.addFlashAttribute("saved", activityForm.theme());
                return "redirect:/liaison/activities?site=" + activityForm.siteId();
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            }
        }
        formChoices(user, model);
        return "liaison/activity-form";
    }

    private void formChoices(CivicUser user, Model model) {
        var sites = choices.workplaces(user, SiteWork.ACTIVITY_SITES);
        if (sites.isEmpty()) {
            throw new AccessDeniedException("no site to record at");
        }
        model.addAttribute("sites", sites);
        model.addAttribute("candidates", roster.active());
    }
}
