package org.civicloop.performance.evaluation.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.performance.evaluation.domain.AdjustmentKind;
import org.civicloop.performance.evaluation.domain.Districts;
import org.civicloop.performance.evaluation.domain.EvaluationPermissions;
import org.civicloop.performance.evaluation.domain.EvaluationService;
import org.civicloop.performance.evaluation.domain.EvaluationService.ImportProblem;
import org.civicloop.performance.evaluation.domain.EvaluationService.ImportResult;
import org.civicloop.performance.evaluation.domain.Indicator;
import org.civicloop.performance.evaluation.domain.PeriodKind;
import org.civicloop.performance.evaluation.domain.Scheme;
import org.civicloop.performance.evaluation.domain.ScoringMethod;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.ActionOutcome;
import org.civicloop.shared.web.FormErrors;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 评价方案: the schemes per period, one scheme's indicators, figures, items and moves, the entry form
 * of one indicator and the import of a sheet. The office manages; leaders read; a department sees
 * the schemes open for entry and enters the indicators it is the source of (EvaluationPermissions).
 */
@Controller
@PreAuthorize("hasAnyRole('EVALUATION_OFFICE', 'LEADER', 'HANDLING_UNIT')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SchemeController {

    private final EvaluationService service;
    private final EvaluationViews views;
    private final Districts districts;

    /** A scheme in a list: its title, status, and whether this viewer has figures to enter in it. */
    record SchemeRow(Scheme scheme, String title, int toEnter) {
    }

    @GetMapping("/performance/schemes")
    String list(@AuthenticationPrincipal CivicUser user, Model model, Locale locale) {
        model.addAttribute("schemeForm", Forms.SchemeForm.empty());
        return listPage(user, model, locale);
    }

    @PostMapping("/performance/schemes")
    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    String create(@ModelAttribute Forms.SchemeForm schemeForm, BindingResult result, @AuthenticationPrincipal CivicUser user,
                  Model model, Locale locale, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                Scheme s = service.createScheme(user, schemeForm.draft(), Instant.now());
                flash.addFlashAttribute("done", "performance.eval.scheme.created");
                return "redirect:/performance/schemes/" + s.id();
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            } catch (BusinessException e) {
                FormErrors.reject(result, e, Map.of());
            }
        }
        return listPage(user, model, locale);
    }

    private String listPage(CivicUser user, Model model, Locale locale) {
        boolean reader = EvaluationPermissions.mayRead(user);
        List<SchemeRow> rows = service.schemes().stream()
                .map(s -> new SchemeRow(s, views.title(s, locale), service.enterable(user, s.id()).size()))
                .filter(r -> reader || r.toEnter() > 0).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("mayManage", EvaluationPermissions.mayManage(user));
        model.addAttribute("kinds", PeriodKind.values());
        model.addAttribute("previousOptions", rows.stream().map(r -> new RankingController.Option(r.scheme().id(), r.title())).toList());
        return "performance/evaluation/schemes";
    }

    @GetMapping("/performance/schemes/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model, Locale locale) {
        model.addAttribute("ruleForm", Forms.RuleForm.empty());
        model.addAttribute("adjustmentForm", Forms.AdjustmentForm.empty());
        return detail(id, user, model, locale);
    }

    private String detail(long id, CivicUser user, Model model, Locale locale) {
        Scheme s = service.scheme(id);
        List<Indicator> enterable = service.enterable(user, id);
        if (!EvaluationPermissions.mayRead(user) && enterable.isEmpty()) {
            throw new AccessDeniedException("performance");
        }
        model.addAttribute("scheme", s);
        model.addAttribute("schemeTitle", views.title(s, locale));
        model.addAttribute("can", EvaluationPermissions.actionsFor(user, s.status()));
        model.addAttribute("rules", service.rules(id));
        model.addAttribute("enterable", enterable.stream().map(Indicator::id).toList());
        model.addAttribute("figures", service.figures(id));
        model.addAttribute("districts", districts.all());
        Map<String, String> names = views.districtNames();
        model.addAttribute("districtNames", names);
        model.addAttribute("adjustments", service.adjustments(id));
        model.addAttribute("references", service.referenceIndicators(id));
        model.addAttribute("homeDistrict", names.get(service.homeDistrict()));
        model.addAttribute("homeCode", service.homeDistrict());
        model.addAttribute("libraryOptions", service.indicators().stream()
                .map(i -> new RankingController.Option(i.id(), i.name() + " (" + i.code() + ")")).toList());
        model.addAttribute("methods", ScoringMethod.values());
        model.addAttribute("kinds", AdjustmentKind.values());
        model.addAttribute("districtOptions", districts.all().stream().map(d -> new Code(d.code(), d.name())).toList());
        model.addAttribute("columns", service.columnNames(locale));
        model.addAttribute("previousTitle", s.previousSchemeId() == null ? null : views.title(service.scheme(s.previousSchemeId()), locale));
        return "performance/evaluation/scheme";
    }

    /** A code and its name, for selects of districts ({@code regionOptions}: value code, text "name (code)"). */
    record Code(String code, String name) {
    }

    @PostMapping("/performance/schemes/{id}/indicators")
    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    String addIndicator(@PathVariable long id, @ModelAttribute Forms.RuleForm ruleForm, BindingResult result,
                        @AuthenticationPrincipal CivicUser user, Model model, Locale locale, RedirectAttributes flash) {
        if (added(result, () -> service.addIndicator(user, id, ruleForm.draft()))) {
            flash.addFlashAttribute("done", "performance.eval.rule.added");
            return "redirect:/performance/schemes/" + id;
        }
        model.addAttribute("adjustmentForm", Forms.AdjustmentForm.empty());
        return detail(id, user, model, locale);
    }

    @PostMapping("/performance/schemes/{id}/adjustments")
    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    String addAdjustment(@PathVariable long id, @ModelAttribute Forms.AdjustmentForm adjustmentForm, BindingResult result,
                         @AuthenticationPrincipal CivicUser user, Model model, Locale locale, RedirectAttributes flash) {
        if (added(result, () -> service.addAdjustment(user, id, adjustmentForm.draft(), Instant.now()))) {
            flash.addFlashAttribute("done", "performance.eval.adjustment.added");
            return "redirect:/performance/schemes/" + id;
        }
        model.addAttribute("ruleForm", Forms.RuleForm.empty());
        return detail(id, user, model, locale);
    }

    /**
     * Runs an addition to a scheme when the form bound cleanly; a refusal goes onto the form (each
     * problem beside its field) and answers false, a missing scheme stays a 404.
     */
    private static boolean added(BindingResult result, Runnable addition) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            addition.run();
            return true;
        } catch (InvalidInput e) {
            FormErrors.reject(result, e.problems());
        } catch (NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            FormErrors.reject(result, e, Map.of());
        }
        return false;
    }

    @PostMapping("/performance/schemes/{id}/review")
    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    String review(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/performance/schemes/" + id, flash, "performance.eval.scheme.reviewed", () -> service.review(user, id));
    }

    @PostMapping("/performance/schemes/{id}/reopen")
    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    String reopen(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/performance/schemes/" + id, flash, "performance.eval.scheme.reopened", () -> service.reopen(user, id));
    }

    @PostMapping("/performance/schemes/{id}/lock")
    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    String lock(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/performance/schemes/" + id, flash, "performance.eval.scheme.locked",
                () -> service.lock(user, id, Instant.now()));
    }

    @PostMapping("/performance/schemes/{id}/publish")
    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    String publish(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/performance/schemes/" + id, flash, "performance.eval.scheme.published",
                () -> service.publish(user, id, Instant.now()));
    }

    @PostMapping("/performance/schemes/{id}/import")
    String importFigures(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                         @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("importErrors", List.of(new ImportProblem(0, "performance.eval.import.error.noFile")));
            return "redirect:/performance/schemes/" + id;
        }
        try (InputStream in = file.getInputStream()) {
            ImportResult result = service.importFigures(user, id, in, Instant.now());
            if (result.ok()) {
                flash.addFlashAttribute("imported", result.imported());
            } else {
                flash.addFlashAttribute("importErrors", result.problems());
            }
        } catch (IOException e) {
            flash.addFlashAttribute("importErrors", List.of(new ImportProblem(0, "performance.eval.import.error.read")));
        } catch (NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("failed", e.messageKey());
            flash.addFlashAttribute("failedArgs", e.arguments());
        }
        return "redirect:/performance/schemes/" + id;
    }

    @GetMapping("/performance/schemes/{id}/figures/{indicatorId}")
    String figuresForm(@PathVariable long id, @PathVariable long indicatorId, @AuthenticationPrincipal CivicUser user, Model model,
                       Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        var current = service.figures(id).getOrDefault(indicatorId, Map.of());
        districts.all().forEach(d -> values.put(d.code(), current.get(d.code()) == null ? "" : current.get(d.code()).stripTrailingZeros().toPlainString()));
        return figuresPage(id, indicatorId, user, values, List.of(), model, locale);
    }

    @PostMapping("/performance/schemes/{id}/figures/{indicatorId}")
    String enterFigures(@PathVariable long id, @PathVariable long indicatorId, @RequestParam Map<String, String> params,
                        @AuthenticationPrincipal CivicUser user, Model model, Locale locale, RedirectAttributes flash) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("d_")) {
                values.put(k.substring(2), v);
            }
        });
        try {
            service.enterFigures(user, id, indicatorId, values, Instant.now());
            flash.addFlashAttribute("done", "performance.eval.figures.saved");
            return "redirect:/performance/schemes/" + id;
        } catch (InvalidInput e) {
            return figuresPage(id, indicatorId, user, values, e.problems(), model, locale);
        } catch (NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("failed", e.messageKey());
            flash.addFlashAttribute("failedArgs", e.arguments());
            return "redirect:/performance/schemes/" + id;
        }
    }

    private String figuresPage(long id, long indicatorId, CivicUser user, Map<String, String> values, List<InvalidInput.Problem> problems,
                               Model model, Locale locale) {
        Scheme s = service.scheme(id);
        Indicator indicator = service.indicator(indicatorId).filter(i -> service.rules(id).stream().anyMatch(r -> r.indicatorId() == indicatorId))
                .orElseThrow(() -> new NotFoundException("performanceIndicator", indicatorId));
        if (!EvaluationPermissions.mayEnter(user, indicator, s.status())) {
            throw new AccessDeniedException("performance");
        }
        model.addAttribute("scheme", s);
        model.addAttribute("schemeTitle", views.title(s, locale));
        model.addAttribute("indicator", indicator);
        model.addAttribute("districts", districts.all());
        model.addAttribute("values", values);
        model.addAttribute("problems", problems.stream().map(p -> new InvalidInput.Problem("d_" + p.field(), p.messageKey(), p.arguments())).toList());
        Map<String, InvalidInput.Problem> wrong = new LinkedHashMap<>();
        problems.forEach(p -> wrong.putIfAbsent(p.field(), p));
        model.addAttribute("wrong", wrong);
        return "performance/evaluation/figures";
    }
}
