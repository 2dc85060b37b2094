package org.civicloop.suggestions.supervision.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.ActionOutcome;
import org.civicloop.suggestions.domain.Suggestion;
import org.civicloop.suggestions.domain.SuggestionQueries;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.domain.SuggestionStatus;
import org.civicloop.suggestions.supervision.domain.ContinuousSupervisionService;
import org.civicloop.suggestions.supervision.domain.LeadSupervisionService.ActivityDraft;
import org.civicloop.suggestions.supervision.domain.LeadSupervisionService;
import org.civicloop.suggestions.supervision.domain.Resolution.ResolutionDraft;
import org.civicloop.suggestions.supervision.domain.ResolutionService;
import org.civicloop.suggestions.supervision.domain.SupervisionPermissions;
import org.civicloop.suggestions.supervision.domain.SupervisionProperties;
import org.civicloop.suggestions.supervision.domain.SupervisionQueries;
import org.civicloop.suggestions.supervision.domain.TrackingService.TrackingDraft;
import org.civicloop.suggestions.supervision.domain.TrackingService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervision pages of one thing: a suggestion's supervision (lead supervisor, activities,
 * tracking), a continuous item's history, a tracking item, a resolution; and their actions. Deputies
 * have none of these (403); a unit sees only its own unit's items (another's: 404).
 */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER', 'ADMIN', 'HANDLING_UNIT')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SupervisionItemController {

    private static final String TRACKING = "tracking";
    /** The message of each follow-up action done, by kind and action as in the path. */
    private static final Map<String, String> FOLLOW_UP_DONE = Map.of(
            "tracking/reports", "supervision.done.reportFiled", "tracking/close", "supervision.done.trackingClosed",
            "resolutions/reports", "supervision.done.followUpReported", "resolutions/close", "supervision.done.resolutionClosed");

    private final SuggestionService suggestions;
    private final SuggestionQueries suggestionQueries;
    private final SupervisionQueries queries;
    private final LeadSupervisionService lead;
    private final ContinuousSupervisionService continuous;
    private final TrackingService tracking;
    private final ResolutionService resolutions;
    private final People people;
    private final SupervisionProperties properties;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    private final SupervisionPermissions permissions = new SupervisionPermissions();

    // ---- a suggestion's supervision

    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER', 'ADMIN')")
    @GetMapping("/supervision/suggestions/{id}")
    String suggestion(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        Suggestion s = suggestions.visible(id, user);
        var currentLead = queries.lead(id).orElse(null);
        Long leadId = currentLead == null ? null : currentLead.leaderAccountId();
        boolean office = permissions.isOffice(user);
        model.addAttribute("s", s);
        model.addAttribute("lead", currentLead);
        model.addAttribute("key", queries.keySuggestion(id).orElse(null));
        var activities = queries.activities(id);
        model.addAttribute("activities", activities);
        model.addAttribute("kinds", queries.activityKinds());
        model.addAttribute("continuousItem", queries.continuousItemOf(id).orElse(null));
        model.addAttribute("trackings", queries.trackingOf(id));
        model.addAttribute("resolutions", queries.resolutionsCovering(id));
        model.addAttribute("leaderNames", people.leaderNames(java.util.Arrays.asList(leadId)));
        model.addAttribute("recorderNames", people.leaderNames(activities.stream().map(SupervisionQueries.Activity::recordedByAccount).toList()));
        model.addAttribute("unitNames", people.units());
        // the units that handled the suggestion come first, none chosen: which one is tracked is the office's call
        List<Long> handled = s.assignments().stream().map(a -> a.unitId()).distinct().toList();
        model.addAttribute("units", people.unitList().stream()
                .sorted(Comparator.comparing((Directory.UnitRef u) -> !handled.contains(u.id()))).toList());
        model.addAttribute("canNameLeader", office && s.keySuggestion());
        model.addAttribute("canRecord", leadId != null && permissions.canRecordActivity(user, leadId));
        model.addAttribute("canTrack", office && s.status() == SuggestionStatus.CLOSED);
        model.addAttribute("defaultInterval", properties.trackingIntervalMonths());
        model.addAttribute("today", LocalDate.now(zone));
        return "suggestions/supervision/suggestion";
    }

    @PostMapping("/supervision/suggestions/{id}/lead")
    String nameLeader(@PathVariable long id, @RequestParam(required = false) Long leaderAccountId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextMilestone,
                      @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/supervision/suggestions/" + id, flash, "supervision.done.leaderNamed",
                () -> lead.nameLeader(id, leaderAccountId, nextMilestone, user));
    }

    @PostMapping("/supervision/suggestions/{id}/activities")
    String recordActivity(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                          @RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String participants,
                          @RequestParam(defaultValue = "") String summary,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextMilestone,
                          @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/supervision/suggestions/" + id, flash, "supervision.done.activityRecorded",
                () -> lead.recordActivity(id, new ActivityDraft(kind, heldOn, place, participants, summary, nextMilestone), user));
    }

    @PostMapping("/supervision/suggestions/{id}/tracking")
    String startTracking(@PathVariable long id, @RequestParam(required = false) Long unitId,
                         @RequestParam(required = false) Integer intervalMonths,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                         @RequestParam(required = false) Long leaderAccountId, @RequestParam(defaultValue = "") String note,
                         @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        long[] started = {0};
        String back = ActionOutcome.run("/supervision/suggestions/" + id, flash, "supervision.done.trackingStarted",
                () -> started[0] = tracking.start(id, new TrackingDraft(unitId, intervalMonths, startsOn, leaderAccountId, note), user));
        return started[0] > 0 ? "redirect:/supervision/tracking/" + started[0] : back;
    }

    // ---- continuous items

    @GetMapping("/supervision/continuous/{itemId}")
    String continuousItem(@PathVariable long itemId, @AuthenticationPrincipal CivicUser user, Model model) {
        var item = queries.continuousItem(itemId).orElseThrow(() -> new NotFoundException("continuous-item", itemId));
        if (!permissions.seesAll(user) && !permissions.isUnitStaff(user, item.unitId())) {
            throw new NotFoundException("continuous-item", itemId);
        }
        List<SupervisionQueries.YearRow> history = queries.continuousHistory(itemId);
        model.addAttribute("item", item);
        model.addAttribute("history", history);
        model.addAttribute("latestYear", history.isEmpty() ? null : history.get(history.size() - 1).year());
        model.addAttribute("unitName", people.units().getOrDefault(item.unitId(), ""));
        model.addAttribute("canReport", item.solvedOn() == null
                && (permissions.isOffice(user) || permissions.isUnitStaff(user, item.unitId())));
        model.addAttribute("canSolve", item.solvedOn() == null && permissions.isOffice(user));
        model.addAttribute("resultClasses", suggestionQueries.resultClasses());
        model.addAttribute("today", LocalDate.now(zone));
        return "suggestions/supervision/continuous";
    }

    @PostMapping("/supervision/continuous/{itemId}/reports")
    String reportProgress(@PathVariable long itemId, @RequestParam(defaultValue = "0") int year,
                          @RequestParam(defaultValue = "") String report, @AuthenticationPrincipal CivicUser user,
                          RedirectAttributes flash) {
        return ActionOutcome.run("/supervision/continuous/" + itemId, flash, "supervision.done.progressReported",
                () -> continuous.reportProgress(itemId, year, report, user));
    }

    @PostMapping("/supervision/continuous/{itemId}/solved")
    String solved(@PathVariable long itemId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate solvedOn,
                  @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/supervision/continuous/" + itemId, flash, "supervision.done.solved",
                () -> continuous.markSolved(itemId, solvedOn, note, user));
    }

    // ---- tracking

    @GetMapping("/supervision/tracking/{id}")
    String trackingItem(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        var t = queries.trackingDetail(id).orElseThrow(() -> new NotFoundException("tracking", id));
        if (!permissions.seesAll(user) && !permissions.isUnitStaff(user, t.unitId())) {
            throw new NotFoundException("tracking", id);
        }
        boolean open = "OPEN".equals(t.status());
        model.addAttribute("t", t);
        model.addAttribute("reports", queries.trackingReports(id));
        model.addAttribute("unitName", people.units().getOrDefault(t.unitId(), ""));
        model.addAttribute("leaderName", people.account(t.leaderAccountId()));
        model.addAttribute("canReport", open && permissions.isUnitStaff(user, t.unitId()));
        model.addAttribute("canClose", open && permissions.isOffice(user));
        return "suggestions/supervision/tracking";
    }

    // ---- resolutions

    /** The resolution form as typed, kept when it comes back with an error. */
    record ResolutionForm(String number, String title, LocalDate adoptedOn, String text, List<Long> suggestionIds,
                          String followUp, LocalDate dueOn, List<Long> unitIds, Long leaderAccountId) {

        static ResolutionForm empty() {
            return new ResolutionForm("", "", null, "", List.of(), "", null, List.of(), null);
        }

        ResolutionDraft toDraft() {
            return new ResolutionDraft(number, title, adoptedOn, text, suggestionIds, followUp, dueOn, unitIds, leaderAccountId);
        }
    }

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @GetMapping("/supervision/resolutions/new")
    String newResolution(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String text,
                         Model model) {
        // filled in from a link (a hot spot of the opinions ledger proposes a topic); nothing is recorded
        ResolutionForm empty = ResolutionForm.empty();
        model.addAttribute("form", new ResolutionForm(empty.number(), prefill(title, 200), null, prefill(text, 5000),
                List.of(), "", null, List.of(), null));
        return resolutionForm(model);
    }

    /** A form's text handed in by a link: at most {@code max} characters, without control characters. */
    private static String prefill(String text, int max) {
        String t = text.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
        return t.codePointCount(0, t.length()) > max ? t.substring(0, t.offsetByCodePoints(0, max)) : t;
    }

    private String resolutionForm(Model model) {
        model.addAttribute("suggestionChoices", queries.registeredSuggestions(500));
        model.addAttribute("units", people.unitList());
        model.addAttribute("leaders", people.leaders());
        return "suggestions/supervision/resolution-form";
    }

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @PostMapping("/supervision/resolutions")
    String recordResolution(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String title,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
                            @RequestParam(defaultValue = "") String text, @RequestParam(required = false) List<Long> suggestionIds,
                            @RequestParam(defaultValue = "") String followUp,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                            @RequestParam(required = false) List<Long> unitIds, @RequestParam(required = false) Long leaderAccountId,
                            @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        ResolutionForm form = new ResolutionForm(number, title, adoptedOn, text, suggestionIds == null ? List.of() : suggestionIds,
                followUp, dueOn, unitIds == null ? List.of() : unitIds, leaderAccountId);
        try {
            long id = resolutions.record(form.toDraft(), user);
            flash.addFlashAttribute("done", "supervision.done.resolutionRecorded");
            return "redirect:/supervision/resolutions/" + id;
        } catch (BusinessException e) {
            model.addAttribute("form", form);
            model.addAttribute("failed", e.messageKey());
            model.addAttribute("failedArgs", e.arguments());
            return resolutionForm(model);
        }
    }

    @GetMapping("/supervision/resolutions/{id}")
    String resolution(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        var r = queries.resolution(id).orElseThrow(() -> new NotFoundException("resolution", id));
        var units = queries.resolutionUnits(id);
        boolean named = user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null
                && units.stream().anyMatch(u -> u.unitId() == user.unitId());
        if (!permissions.seesAll(user) && !named) {
            throw new NotFoundException("resolution", id);
        }
        boolean open = "OPEN".equals(r.status());
        model.addAttribute("r", r);
        model.addAttribute("covered", queries.resolutionSuggestions(id));
        model.addAttribute("followUps", units);
        model.addAttribute("reports", queries.resolutionReports(id));
        model.addAttribute("unitNames", people.units());
        model.addAttribute("leaderName", people.account(r.leaderAccountId()));
        model.addAttribute("today", LocalDate.now(zone));
        model.addAttribute("canReport", open && named);
        model.addAttribute("canClose", open && permissions.isOffice(user));
        model.addAttribute("seesAll", permissions.seesAll(user));
        return "suggestions/supervision/resolution";
    }

    // ---- a report on, or the close of, a tracking item or a resolution

    @PostMapping("/supervision/{kind:tracking|resolutions}/{id}/{action:reports|close}")
    String followUp(@PathVariable String kind, @PathVariable long id, @PathVariable String action,
                    @RequestParam(defaultValue = "") String report, @RequestParam(defaultValue = "") String note,
                    @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        boolean tracked = TRACKING.equals(kind);
        Runnable act = switch (action) {
            case "close" -> tracked ? () -> tracking.close(id, note, user) : () -> resolutions.close(id, note, user);
            default -> tracked ? () -> tracking.report(id, report, user) : () -> resolutions.report(id, report, user);
        };
        return ActionOutcome.run("/supervision/" + kind + "/" + id, flash, FOLLOW_UP_DONE.get(kind + "/" + action), act);
    }
}
