package org.civicloop.liaison.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.casework.Inputs;
import org.civicloop.liaison.casework.SiteChoices;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.liaison.matters.EnterpriseMatter;
import org.civicloop.liaison.matters.MatterPermissions;
import org.civicloop.liaison.matters.MatterQueries;
import org.civicloop.liaison.matters.MatterService;
import org.civicloop.liaison.matters.MatterStatus;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.web.FormErrors;
import org.civicloop.shared.web.PagingLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
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
 * 企业诉求: the site takes up a matter and sends it to a unit; the unit answers from its worklist;
 * the site records the enterprise's word. The office, leaders and administrators read them all.
 */
@Controller
@RequestMapping("/liaison/matters")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'LEADER', 'STATION_STAFF', 'HANDLING_UNIT')")
class MatterController {

    private static final int PAGE_SIZE = 20;

    private final MatterService matters;
    private final MatterQueries queries;
    private final SiteChoices choices;
    private final Directory directory;
    private final DeputyRoster roster;
    private final ZoneId zone;

    MatterController(MatterService matters, MatterQueries queries, SiteChoices choices, Directory directory,
                     DeputyRoster roster, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.matters = matters;
        this.queries = queries;
        this.choices = choices;
        this.directory = directory;
        this.roster = roster;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String list(@RequestParam(required = false) Long site, @RequestParam(required = false) MatterStatus status,
                @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CivicUser user, Model model) {
        var filter = new MatterQueries.Filter(site, status, null);
        var result = queries.matters(user, filter, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("site", site);
        model.addAttribute("status", status);
        model.addAttribute("statuses", Arrays.asList(MatterStatus.values()));
        model.addAttribute("sites", choices.readable(user, SiteWork.MATTER_SITES));
        model.addAttribute("unitNames", unitNames(result.items().stream().map(MatterQueries.MatterRow::unitId).toList()));
        model.addAttribute("clocks", matters.clocks(result.items().stream().map(MatterQueries.MatterRow::id).toList()));
        model.addAttribute("worklist", user.hasRole(Role.HANDLING_UNIT));
        model.addAttribute("mayOpen", SiteWork.recordsAtSites(user) && !choices.workplaces(user, SiteWork.MATTER_SITES).isEmpty());
        model.addAttribute("pagingBase", PagingLinks.base("/liaison/matters", "site", site == null ? "" : site.toString(),
                "status", status == null ? "" : status.name()));
        return "liaison/matters";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String newMatter(@RequestParam(required = false) Long site, @AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("matterForm", MatterForm.empty(site, LocalDate.now(zone)));
        formChoices(user, model);
        return "liaison/matter-form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String create(@Valid @ModelAttribute MatterForm matterForm, BindingResult result, @AuthenticationPrincipal CivicUser user,
                  Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = matters.open(user, matterForm.draft(), Instant.now());
                flash.addFlashAttribute("saved", true);
                return "redirect:/liaison/matters/" + id;
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            }
        }
        formChoices(user, model);
        return "liaison/matter-form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        EnterpriseMatter m = matters.visible(user, id);
        show(m, user, model);
        return "liaison/matter";
    }

    @PostMapping("/{id}/answer")
    @PreAuthorize("hasRole('HANDLING_UNIT')")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, @AuthenticationPrincipal CivicUser user,
                  Model model, RedirectAttributes flash) {
        try {
            matters.answer(user, id, answer, Instant.now());
        } catch (InvalidInput e) {
            return again(id, user, model, e, answer, null);
        }
        flash.addFlashAttribute("answered", true);
        return "redirect:/liaison/matters/" + id;
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String confirm(@PathVariable long id, @RequestParam(required = false) String verdict,
                   @RequestParam(required = false) String note, @AuthenticationPrincipal CivicUser user, Model model,
                   RedirectAttributes flash) {
        MatterService.Verdict v = null;
        if (verdict != null && !verdict.isBlank()) {
            try {
                v = MatterService.Verdict.valueOf(verdict);
            } catch (IllegalArgumentException e) {
                v = null;
            }
        }
        try {
            matters.confirm(user, id, v, note, Instant.now());
        } catch (InvalidInput e) {
            return again(id, user, model, e, null, note);
        }
        flash.addFlashAttribute("confirmed", v.name());
        return "redirect:/liaison/matters/" + id;
    }

    /** The matter's page again, with the refused form's problems and what was typed. */
    private String again(long id, CivicUser user, Model model, InvalidInput e, String answer, String note) {
        EnterpriseMatter m = matters.visible(user, id);
        show(m, user, model);
        model.addAttribute("problems", e.problems());
        model.addAttribute("answerText", answer);
        model.addAttribute("noteText", note);
        return "liaison/matter";
    }

    private void show(EnterpriseMatter m, CivicUser user, Model model) {
        SiteSummary site = matters.site(m);
        boolean contact = MatterPermissions.maySeeContact(user, m, site);
        model.addAttribute("m", m);
        model.addAttribute("siteName", site.name());
        model.addAttribute("unitName", directory.unitName(m.unitId()).orElse("—"));
        model.addAttribute("deputyNames", new java.util.ArrayList<>(choices.deputyNames(m.deputyIds()).values()));
        model.addAttribute("contactName", contact ? m.contactName() : Inputs.maskName(m.contactName()));
        model.addAttribute("contactPhone", contact ? m.contactPhone() : Inputs.maskPhone(m.contactPhone()));
        model.addAttribute("contactMasked", !contact);
        model.addAttribute("clock", matters.clock(m.id()).orElse(null));
        model.addAttribute("mayAnswer", MatterPermissions.mayAnswer(user, m));
        model.addAttribute("mayConfirm", MatterPermissions.mayConfirm(user, m, site));
        model.addAttribute("verdicts", Arrays.asList(MatterService.Verdict.values()));
    }

    private void formChoices(CivicUser user, Model model) {
        var sites = choices.workplaces(user, SiteWork.MATTER_SITES);
        if (sites.isEmpty()) {
            throw new AccessDeniedException("no site to record at");
        }
        model.addAttribute("sites", sites);
        model.addAttribute("units", directory.handlingUnits());
        model.addAttribute("candidates", roster.active());
    }

    private Map<Long, String> unitNames(java.util.List<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        ids.stream().distinct().forEach(id -> directory.unitName(id).ifPresent(n -> names.put(id, n)));
        return names;
    }
}
