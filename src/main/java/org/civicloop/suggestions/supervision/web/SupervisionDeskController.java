package org.civicloop.suggestions.supervision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.Rag;
import org.civicloop.shared.web.ActionOutcome;
import org.civicloop.suggestions.supervision.domain.ContinuousSupervisionService;
import org.civicloop.suggestions.supervision.domain.RagRule;
import org.civicloop.suggestions.supervision.domain.SupervisionProperties;
import org.civicloop.suggestions.supervision.domain.SupervisionQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The supervision desk of the office (leaders and administrators read it), a leader's own supervised
 * items, and a handling unit's items to report on.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SupervisionDeskController {

    private static final int PAGE_SIZE = 25;
    static final List<String> TABS = List.of("key", "continuous", "tracking", "resolutions");

    private final SupervisionQueries queries;
    private final ContinuousSupervisionService continuous;
    private final People people;
    private final SupervisionProperties properties;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    private final SupervisionRag rag;

    LocalDate today() {
        return LocalDate.now(zone);
    }

    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER', 'ADMIN')")
    @GetMapping("/supervision")
    String desk(@RequestParam(defaultValue = "key") String tab, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "false") boolean withoutLeader, @RequestParam(required = false) Integer year,
                @RequestParam(defaultValue = "0") long unitId, @RequestParam(defaultValue = "") String state,
                @RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "false") boolean overdueOnly,
                @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CivicUser user, Model model) {
        String t = TABS.contains(tab) ? tab : "key";
        String query = q.strip();
        int p = Math.max(0, page);
        LocalDate today = today();
        var uri = UriComponentsBuilder.fromPath("/supervision").queryParam("tab", t);
        if (!query.isEmpty()) {
            uri.queryParam("q", query);
        }
        switch (t) {
            case "key" -> {
                var rows = queries.keySuggestions(query, withoutLeader, p, PAGE_SIZE);
                model.addAttribute("page", rows);
                model.addAttribute("withoutLeader", withoutLeader);
                model.addAttribute("leaderNames", people.leaderNames(rows.items().stream().map(SupervisionQueries.KeyRow::leaderAccountId).toList()));
                if (withoutLeader) {
                    uri.queryParam("withoutLeader", true);
                }
            }
            case "continuous" -> {
                List<Integer> years = queries.continuousYears();
                int y = year != null ? year : years.isEmpty() ? today.getYear() : years.get(0);
                String st = List.of("OPEN", "SOLVED").contains(state) ? state : "";
                model.addAttribute("page", queries.continuous(y, unitId, query, st, p, PAGE_SIZE));
                model.addAttribute("counts", queries.continuousCounts(y));
                model.addAttribute("years", years);
                model.addAttribute("year", y);
                model.addAttribute("state", st);
                uri.queryParam("year", y);
                if (!st.isEmpty()) {
                    uri.queryParam("state", st);
                }
            }
            case "tracking" -> {
                String st = List.of("OPEN", "CLOSED").contains(status) ? status : "";
                model.addAttribute("page", queries.tracking(st, unitId, overdueOnly, today, p, PAGE_SIZE));
                model.addAttribute("status", st);
                model.addAttribute("overdueOnly", overdueOnly);
                uri.queryParam("status", st);
                if (overdueOnly) {
                    uri.queryParam("overdueOnly", true);
                }
            }
            default -> {
                String st = List.of("OPEN", "CLOSED").contains(status) ? status : "";
                model.addAttribute("page", queries.resolutions(st, query, p, PAGE_SIZE));
                model.addAttribute("status", st);
                uri.queryParam("status", st);
            }
        }
        if (unitId != 0) {
            uri.queryParam("unitId", unitId);
        }
        model.addAttribute("tab", t);
        model.addAttribute("tabs", TABS);
        model.addAttribute("q", query);
        model.addAttribute("unitId", unitId);
        model.addAttribute("units", people.unitList());
        model.addAttribute("unitNames", people.units());
        model.addAttribute("today", today);
        model.addAttribute("warningDays", properties.warningDays());
        model.addAttribute("office", user.hasRole(Role.CONGRESS_OFFICE));
        model.addAttribute("pagingBase", uri.build().toUriString());
        return "suggestions/supervision/desk";
    }

    /** Carries year Y's unsolved items into Y+1's list (idempotent) and shows Y+1's list. */
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER', 'ADMIN')")
    @PostMapping("/supervision/continuous/carry-forward")
    String carryForward(@RequestParam int year, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        int[] carried = {0};
        String back = ActionOutcome.run("/supervision?tab=continuous&year=" + (year + 1), flash, "supervision.done.carriedForward",
                () -> carried[0] = continuous.carryForward(year, user));
        flash.addFlashAttribute("carried", carried[0]);
        return back;
    }

    /**
     * One line of a leader's list: what, where, when next, which colour; for a key suggestion also its
     * running reply deadline, whose state colours the line when it is worse than the milestone's.
     */
    record MineItem(String kind, String title, String link, LocalDate next, Rag rag, String detail, Instant replyDueAt,
                    String replyState) {
    }

    @PreAuthorize("hasRole('LEADER')")
    @GetMapping("/supervision/mine")
    String mine(@AuthenticationPrincipal CivicUser user, Model model) {
        LocalDate today = today();
        int w = properties.warningDays();
        List<MineItem> items = new ArrayList<>();
        for (var k : queries.keySuggestionsLedBy(user.accountId())) {
            items.add(new MineItem("key", k.title(), "/supervision/suggestions/" + k.suggestionId(), k.nextMilestone(),
                    rag.ofKey(k), "suggestion.status." + k.status(), k.replyDueAt(), rag.replyState(k)));
        }
        for (var t : queries.trackingLedBy(user.accountId())) {
            items.add(new MineItem("tracking", t.title(), "/supervision/tracking/" + t.id(), t.nextDueOn(),
                    RagRule.of(t.nextDueOn(), today, w), null, null, null));
        }
        for (var r : queries.resolutionsLedBy(user.accountId())) {
            LocalDate next = r.allReported() ? null : r.dueOn();
            items.add(new MineItem("resolution", r.number() + " " + r.title(), "/supervision/resolutions/" + r.id(), next,
                    RagRule.of(next, today, w), null, null, null));
        }
        items.sort(Comparator.comparing(MineItem::rag).thenComparing(MineItem::next, Comparator.nullsLast(Comparator.naturalOrder())));
        model.addAttribute("items", items);
        model.addAttribute("red", items.stream().filter(i -> i.rag() == Rag.RED).count());
        model.addAttribute("yellow", items.stream().filter(i -> i.rag() == Rag.YELLOW).count());
        model.addAttribute("green", items.stream().filter(i -> i.rag() == Rag.GREEN).count());
        return "suggestions/supervision/mine";
    }

    @PreAuthorize("hasRole('HANDLING_UNIT')")
    @GetMapping("/supervision/unit")
    String unit(@AuthenticationPrincipal CivicUser user, Model model) {
        if (user.unitId() == null) {
            throw new NotFoundException("unit", user.accountId());
        }
        LocalDate today = today();
        model.addAttribute("tracking", queries.trackingOfUnit(user.unitId()));
        model.addAttribute("resolutions", queries.resolutionsOfUnit(user.unitId()));
        model.addAttribute("continuous", queries.continuousOfUnit(user.unitId()));
        model.addAttribute("today", today);
        model.addAttribute("warningDays", properties.warningDays());
        return "suggestions/supervision/unit";
    }
}
