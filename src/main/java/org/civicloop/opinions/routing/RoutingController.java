package org.civicloop.opinions.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.civicloop.shared.spreadsheet.TableReader;
import org.civicloop.shared.web.ActionOutcome;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's routing pages: one click that forwards an opinion as suggested, this month's share of
 * suggestions taken unchanged (a tab of 待决事项, with the automatic rule), the units' duty descriptions
 * (another tab there), and the history import (a tab of 导入 12345 工单) with its progress bar.
 */
@Controller
@PreAuthorize("hasRole('CONGRESS_OFFICE')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RoutingController {

    private final RoutingDecisions decisions;
    private final RoutingShare share;
    private final RoutingImport imports;
    private final RoutingDuties duties;
    private final RoutingSuggestions suggestions;
    private final OpinionQueries queries;

    @PostMapping("/opinions/{id}/routing/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) Long unitId,
                  @RequestParam(defaultValue = "") String category, @AuthenticationPrincipal CivicUser user,
                  RedirectAttributes flash) {
        return ActionOutcome.run("/opinions/" + id, flash, "routing.done.accepted",
                () -> decisions.accept(id, unitId, category.isBlank() ? null : category, user));
    }

    @GetMapping("/opinions/routing")
    String share(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") java.time.YearMonth month,
                 java.util.Locale locale, Model model) {
        java.time.YearMonth m = month == null ? java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")) : month;
        model.addAttribute("month", m);
        model.addAttribute("byUnit", share.byUnit(m));
        model.addAttribute("byCategory", share.byCategory(m, locale));
        model.addAttribute("total", share.total(m));
        model.addAttribute("rule", decisions.rule());
        model.addAttribute("categories", queries.categories());
        return "opinions/staff/routing-share";
    }

    @PostMapping("/opinions/routing/rule")
    String rule(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String threshold,
                @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/opinions/routing", flash, "routing.done.rule", () -> {
            Double t;
            try {
                t = threshold == null || threshold.isBlank() || threshold.length() > 10 ? null : Double.valueOf(threshold.strip());
            } catch (NumberFormatException e) {
                t = null;
            }
            if (t == null) {
                throw BusinessException.invalid("routing.error.threshold");
            }
            decisions.changeRule(enabled, t, user);
        });
    }

    @GetMapping("/opinions/routing/duties")
    String duties(Model model) {
        return dutiesPage(model);
    }

    /** The longest text the try-out reads: an opinion's worth; it only shows where such a text would go. */
    static final int TRY_MAX_LENGTH = 2_000;

    /**
     * 试一试: where a text would be suggested to go now, so that the office sees what its descriptions do. Reads
     * only; nothing is stored or remembered as shown.
     */
    @PostMapping("/opinions/routing/duties/try")
    String tryText(@RequestParam(required = false) String text, Model model) {
        model.addAttribute("tryText", text);
        var problem = TextRules.text("text", TRY_MAX_LENGTH).required().problem(text);
        if (problem != null) {
            model.addAttribute("tryProblem", problem);
        } else {
            model.addAttribute("tried", suggestions.forText(text.strip(), null));
        }
        return dutiesPage(model);
    }

    private String dutiesPage(Model model) {
        model.addAttribute("duties", duties.all());
        model.addAttribute("categories", queries.categories());
        model.addAttribute("maxDuty", RoutingDuties.MAX_DUTY);
        model.addAttribute("tryMax", TRY_MAX_LENGTH);
        return "opinions/staff/routing-duties";
    }

    /** What the office typed for a unit, shown again when it was refused. */
    record DutyDraft(long unitId, String category, String duty) implements java.io.Serializable {
    }

    @PostMapping("/opinions/routing/duties/{unitId}")
    String writeDuty(@PathVariable long unitId, @RequestParam(required = false) String category,
                     @RequestParam(required = false) String duty, @AuthenticationPrincipal CivicUser user,
                     RedirectAttributes flash) {
        flash.addFlashAttribute("draft", new DutyDraft(unitId, category, duty));
        return ActionOutcome.run("/opinions/routing/duties#duty-" + unitId, flash, "routing.duty.done",
                () -> duties.write(unitId, category, duty, user));
    }

    @GetMapping("/opinions/routing/import")
    String importForm(@RequestParam(required = false) String job, @AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("columns", imports.columns());
        model.addAttribute("maxRows", RoutingImport.MAX_ROWS);
        model.addAttribute("maxSize", TableReader.humanSize(imports.maxBytes()));
        model.addAttribute("maxExcelSize", TableReader.humanSize(RoutingImport.MAX_EXCEL_BYTES));
        if (job != null) {
            RoutingImport.Job j = imports.job(job, user.accountId()).orElseThrow(() -> new NotFoundException("routing-import", 0));
            model.addAttribute("job", j);
        }
        return "opinions/staff/routing-import";
    }

    @PostMapping("/opinions/routing/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, @AuthenticationPrincipal CivicUser user,
                  RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("result", new RoutingImport.Result(0,
                    List.of(new RoutingImport.LineProblem(0, "routing.import.error.noFile")), 0));
            return "redirect:/opinions/routing/import";
        }
        Path temp = Files.createTempFile("routing-import-", ".upload");
        file.transferTo(temp);
        RoutingImport.Job job = imports.start(temp, user.accountId());
        return "redirect:/opinions/routing/import?job=" + job.id();
    }

    @GetMapping("/opinions/routing/import/progress")
    ResponseEntity<Map<String, Object>> progress(@RequestParam String job, @AuthenticationPrincipal CivicUser user) {
        RoutingImport.Job j = imports.job(job, user.accountId()).orElseThrow(() -> new NotFoundException("routing-import", 0));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("percent", j.percent(), "finished", j.finished()));
    }
}
