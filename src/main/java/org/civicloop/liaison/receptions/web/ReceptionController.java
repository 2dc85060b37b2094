package org.civicloop.liaison.receptions.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.Receptions;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.receptions.Reception;
import org.civicloop.liaison.receptions.ReceptionQueries;
import org.civicloop.liaison.receptions.ReceptionService;
import org.civicloop.liaison.receptions.web.ReceptionForms.CancelForm;
import org.civicloop.liaison.receptions.web.ReceptionForms.FromRulesForm;
import org.civicloop.liaison.receptions.web.ReceptionForms.HoldForm;
import org.civicloop.liaison.receptions.web.ReceptionForms.PlanForm;
import org.civicloop.liaison.receptions.web.ReceptionForms.RosterForm;
import org.civicloop.liaison.receptions.web.ReceptionForms.RuleForm;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.FormErrors;
import org.civicloop.shared.web.PagingLinks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 接待与值班 for station staff and the office: a site's receptions (overdue, upcoming, past), planning
 * one or the fixed days of the coming weeks, the fixed days themselves and the duty roster; a
 * reception's page to hold or cancel it and to record the opinions heard. Phone first.
 */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'STATION_STAFF')")
class ReceptionController {

    private static final int PAST_PAGE = 20;
    private static final int ROSTER_WEEKS = 8;

    private final ReceptionService service;
    private final ReceptionQueries queries;
    private final Receptions receptions;
    private final LiaisonSites sites;
    private final Deputies deputies;
    private final DeputyRoster roster;

    ReceptionController(ReceptionService service, ReceptionQueries queries, Receptions receptions, LiaisonSites sites,
                        Deputies deputies, DeputyRoster roster) {
        this.service = service;
        this.queries = queries;
        this.receptions = receptions;
        this.sites = sites;
        this.deputies = deputies;
        this.roster = roster;
    }

    /** Today's receptions at the user's sites (all sites for the office), each a tap from its page. */
    @GetMapping("/liaison/receptions")
    String today(@AuthenticationPrincipal CivicUser user, Model model) {
        LocalDate today = service.today();
        Long unit = user.dataScope().allUnits() ? null : user.unitId();
        model.addAttribute("today", today);
        model.addAttribute("receptions", unit == null && !user.dataScope().allUnits() ? List.of() : receptions.openFor(unit, today));
        model.addAttribute("sites", user.dataScope().allUnits() ? List.of()
                : user.unitId() == null ? List.of() : sites.forStaffUnit(user.unitId()));
        return "liaison/receptions/today";
    }

    @GetMapping("/liaison/sites/{siteId}/receptions")
    String site(@PathVariable long siteId, @RequestParam(defaultValue = "0") int page,
                @AuthenticationPrincipal CivicUser user, Model model) {
        return sitePage(siteId, Math.max(0, page), user, model);
    }

    @PostMapping("/liaison/sites/{siteId}/receptions")
    String plan(@PathVariable long siteId, @Valid @ModelAttribute("planForm") PlanForm planForm, BindingResult result,
                @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        service.runnable(siteId, user);
        if (!result.hasErrors()) {
            try {
                long id = service.plan(siteId, planForm.plan(), user);
                flash.addFlashAttribute("planned", true);
                return "redirect:/liaison/receptions/" + id;
            } catch (BusinessException e) {
                rethrowNotFound(e);
                FormErrors.reject(result, e, PLAN_FIELDS);
            }
        }
        model.addAttribute("openForm", "plan");
        return sitePage(siteId, 0, user, model);
    }

    @PostMapping("/liaison/sites/{siteId}/receptions/from-rules")
    String planFromRules(@PathVariable long siteId, @Valid @ModelAttribute("fromRulesForm") FromRulesForm fromRulesForm,
                         BindingResult result, @AuthenticationPrincipal CivicUser user, Model model,
                         RedirectAttributes flash) {
        service.runnable(siteId, user);
        if (!result.hasErrors()) {
            try {
                int n = service.planFromRules(siteId, fromRulesForm.from(), fromRulesForm.weeks(), user);
                flash.addFlashAttribute("plannedFromRules", n);
                return "redirect:/liaison/sites/" + siteId + "/receptions";
            } catch (BusinessException e) {
                rethrowNotFound(e);
                FormErrors.reject(result, e, Map.of("reception.error.weeksRange", "weeks"));
            }
        }
        model.addAttribute("openForm", "fromRules");
        return sitePage(siteId, 0, user, model);
    }

    @PostMapping("/liaison/sites/{siteId}/rules")
    String addRule(@PathVariable long siteId, @Valid @ModelAttribute("ruleForm") RuleForm ruleForm, BindingResult result,
                   @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        service.runnable(siteId, user);
        SortedSet<Integer> days = result.hasFieldErrors("days") ? null : parseDays(ruleForm.days());
        if (days == null && !result.hasFieldErrors("days")) {
            FormErrors.rejectValue(result, "days", "reception.error.ruleDaysFormat", null, null);
        }
        if (!result.hasErrors()) {
            try {
                service.addRule(siteId, ruleForm.kind(), days, ruleForm.startsAt(), ruleForm.endsAt(), ruleForm.place(), user);
                flash.addFlashAttribute("ruleAdded", true);
                return "redirect:/liaison/sites/" + siteId + "/receptions#rules";
            } catch (BusinessException e) {
                rethrowNotFound(e);
                FormErrors.reject(result, e, RULE_FIELDS);
            }
        }
        model.addAttribute("openForm", "rule");
        return sitePage(siteId, 0, user, model);
    }

    @PostMapping("/liaison/sites/{siteId}/rules/{ruleId}/delete")
    String removeRule(@PathVariable long siteId, @PathVariable long ruleId, @AuthenticationPrincipal CivicUser user) {
        service.removeRule(siteId, ruleId, user);
        return "redirect:/liaison/sites/" + siteId + "/receptions#rules";
    }

    @PostMapping("/liaison/sites/{siteId}/roster")
    String addRoster(@PathVariable long siteId, @Valid @ModelAttribute("rosterForm") RosterForm rosterForm,
                     BindingResult result, @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        service.runnable(siteId, user);
        if (!result.hasErrors()) {
            try {
                service.addRosterEntry(siteId, rosterForm.dutyDate(), rosterForm.deputyId(), user);
                flash.addFlashAttribute("rosterAdded", true);
                return "redirect:/liaison/sites/" + siteId + "/receptions#roster";
            } catch (BusinessException e) {
                rethrowNotFound(e);
                FormErrors.reject(result, e, ROSTER_FIELDS);
            }
        }
        model.addAttribute("openForm", "roster");
        return sitePage(siteId, 0, user, model);
    }

    @PostMapping("/liaison/sites/{siteId}/roster/{entryId}/delete")
    String removeRoster(@PathVariable long siteId, @PathVariable long entryId, @AuthenticationPrincipal CivicUser user) {
        service.removeRosterEntry(siteId, entryId, user);
        return "redirect:/liaison/sites/" + siteId + "/receptions#roster";
    }

    @GetMapping("/liaison/receptions/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        return receptionPage(id, user, model);
    }

    @PostMapping("/liaison/receptions/{id}/hold")
    String hold(@PathVariable long id, @Valid @ModelAttribute("holdForm") HoldForm holdForm, BindingResult result,
                @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        service.get(id, user);
        if (!result.hasErrors()) {
            try {
                service.hold(id, holdForm.deputyIds(), holdForm.visitors(), holdForm.notes(), user);
                flash.addFlashAttribute("held", true);
                return "redirect:/liaison/receptions/" + id;
            } catch (BusinessException e) {
                rethrowNotFound(e);
                FormErrors.reject(result, e, HOLD_FIELDS);
            }
        }
        model.addAttribute("openForm", "hold");
        return receptionPage(id, user, model);
    }

    @PostMapping("/liaison/receptions/{id}/cancel")
    String cancel(@PathVariable long id, @Valid @ModelAttribute("cancelForm") CancelForm cancelForm, BindingResult result,
                  @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        service.get(id, user);
        if (!result.hasErrors()) {
            try {
                service.cancel(id, cancelForm.reason(), user);
                flash.addFlashAttribute("cancelled", true);
                return "redirect:/liaison/receptions/" + id;
            } catch (BusinessException e) {
                rethrowNotFound(e);
                FormErrors.reject(result, e, CANCEL_FIELDS);
            }
        }
        model.addAttribute("openForm", "cancel");
        return receptionPage(id, user, model);
    }

    private String sitePage(long siteId, int page, CivicUser user, Model model) {
        SiteSummary site = service.runnable(siteId, user);
        LocalDate today = service.today();
        model.addAttribute("site", site);
        model.addAttribute("today", today);
        model.addAttribute("overdue", queries.overdue(siteId, today));
        model.addAttribute("upcoming", queries.upcoming(siteId, today, 50));
        long pastTotal = queries.pastCount(siteId);
        model.addAttribute("past", queries.past(siteId, page, PAST_PAGE));
        model.addAttribute("pastPage", new PastPage(page, PAST_PAGE, pastTotal));
        model.addAttribute("pagingBase", PagingLinks.base("/liaison/sites/" + siteId + "/receptions"));
        model.addAttribute("totals", queries.totals(siteId, today.withDayOfYear(1), today));
        model.addAttribute("rules", service.rules(siteId));
        var entries = queries.roster(siteId, today, today.plusWeeks(ROSTER_WEEKS));
        model.addAttribute("roster", entries);
        model.addAttribute("deputyNames", names(entries.stream().map(ReceptionQueries.RosterRow::deputyId).toList()));
        model.addAttribute("candidates", roster.active());
        model.addAttribute("ruleKinds", List.of(org.civicloop.liaison.receptions.ReceptionRule.Kind.values()));
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", PlanForm.empty());
        }
        if (!model.containsAttribute("fromRulesForm")) {
            model.addAttribute("fromRulesForm", FromRulesForm.empty());
        }
        if (!model.containsAttribute("ruleForm")) {
            model.addAttribute("ruleForm", RuleForm.empty());
        }
        if (!model.containsAttribute("rosterForm")) {
            model.addAttribute("rosterForm", RosterForm.empty());
        }
        return "liaison/receptions/site";
    }

    private String receptionPage(long id, CivicUser user, Model model) {
        Reception r = service.get(id, user);
        SiteSummary site = service.runnable(r.siteId(), user);
        model.addAttribute("reception", r);
        model.addAttribute("site", site);
        model.addAttribute("mayCapture", org.civicloop.liaison.receptions.ReceptionPermissions.mayRecordOpinions(user, site));
        model.addAttribute("today", service.today());
        model.addAttribute("present", names(new ArrayList<>(new TreeSet<>(r.deputyIds()))));
        // the site's duty deputies that day, then its resident deputies, then everyone serving: never preselected
        Map<Long, DeputySummary> candidates = new LinkedHashMap<>();
        queries.roster(site.id(), r.heldOn(), r.heldOn()).forEach(e -> deputies.find(e.deputyId())
                .ifPresent(d -> candidates.put(d.id(), d)));
        roster.active().forEach(d -> candidates.putIfAbsent(d.id(), d));
        model.addAttribute("onDuty", queries.roster(site.id(), r.heldOn(), r.heldOn()).stream()
                .map(ReceptionQueries.RosterRow::deputyId).toList());
        model.addAttribute("candidates", candidates.values());
        if (!model.containsAttribute("holdForm")) {
            model.addAttribute("holdForm", HoldForm.empty());
        }
        if (!model.containsAttribute("cancelForm")) {
            model.addAttribute("cancelForm", CancelForm.empty());
        }
        return "liaison/receptions/reception";
    }

    private Map<Long, String> names(List<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        ids.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> deputies.find(id).ifPresent(d -> names.put(id, d.name())));
        return names;
    }

    /** "2,5" or "5、15、25" into numbers; null when anything else is there. */
    static SortedSet<Integer> parseDays(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        SortedSet<Integer> days = new TreeSet<>();
        for (String part : text.strip().split("[,，、\\s]+")) {
            if (!part.matches("[0-9]{1,2}")) {
                return null;
            }
            days.add(Integer.valueOf(part));
        }
        return days.isEmpty() ? null : days;
    }

    private static void rethrowNotFound(BusinessException e) {
        if (e instanceof NotFoundException) {
            throw e;
        }
    }

    /** The past receptions' paging, in the shape the pager fragment reads. */
    record PastPage(int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private static final Map<String, String> PLAN_FIELDS = Map.of(
            "reception.error.dateRequired", "heldOn",
            "reception.error.dateOutOfRange", "heldOn",
            "reception.error.endBeforeStart", "endsAt",
            "reception.error.placeRequired", "place",
            "reception.error.placeTooLong", "place",
            "reception.error.controlCharacters", "place");
    private static final Map<String, String> RULE_FIELDS = Map.of(
            "reception.error.ruleDaysRequired", "days",
            "reception.error.ruleDaysRange", "days",
            "reception.error.endBeforeStart", "endsAt",
            "reception.error.placeTooLong", "place",
            "reception.error.controlCharacters", "place");
    private static final Map<String, String> ROSTER_FIELDS = Map.of(
            "reception.error.rosterDateRange", "dutyDate",
            "reception.error.unknownDeputy", "deputyId",
            "reception.error.alreadyOnDuty", "deputyId");
    private static final Map<String, String> HOLD_FIELDS = Map.of(
            "reception.error.deputiesRequired", "deputyIds",
            "reception.error.unknownDeputy", "deputyIds",
            "reception.error.visitorsRequired", "visitors",
            "reception.error.visitorsRange", "visitors",
            "reception.error.notesTooLong", "notes",
            "reception.error.controlCharacters", "notes");
    private static final Map<String, String> CANCEL_FIELDS = Map.of(
            "reception.error.reasonRequired", "reason",
            "reception.error.reasonTooLong", "reason",
            "reception.error.controlCharacters", "reason");
}
