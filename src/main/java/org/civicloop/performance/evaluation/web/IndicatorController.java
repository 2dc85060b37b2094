package org.civicloop.performance.evaluation.web;

import java.time.Instant;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.performance.evaluation.domain.Direction;
import org.civicloop.performance.evaluation.domain.EvaluationPermissions;
import org.civicloop.performance.evaluation.domain.EvaluationService;
import org.civicloop.performance.evaluation.domain.IndicatorCategory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 指标库: every indicator with its unit, category, direction and source; the evaluation office adds to it. */
@Controller
@PreAuthorize("hasAnyRole('EVALUATION_OFFICE', 'LEADER')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class IndicatorController {

    private final EvaluationService service;
    private final EvaluationViews views;
    private final Directory directory;

    @GetMapping("/performance/indicators")
    String list(@AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("indicatorForm", Forms.IndicatorForm.empty());
        return page(user, model);
    }

    @PostMapping("/performance/indicators")
    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    String create(@ModelAttribute Forms.IndicatorForm indicatorForm, BindingResult result, @AuthenticationPrincipal CivicUser user,
                  Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                service.createIndicator(user, indicatorForm.draft(), Instant.now());
                flash.addFlashAttribute("done", "performance.eval.indicator.created");
                return "redirect:/performance/indicators";
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            } catch (BusinessException e) {
                FormErrors.reject(result, e, Map.of());
            }
        }
        return page(user, model);
    }

    private String page(CivicUser user, Model model) {
        model.addAttribute("indicators", service.indicators());
        model.addAttribute("sources", service.indicators().stream().filter(i -> i.sourceUnitId() != null)
                .collect(java.util.stream.Collectors.toMap(i -> i.id(), i -> views.unitName(i.sourceUnitId()))));
        model.addAttribute("mayManage", EvaluationPermissions.mayManage(user));
        model.addAttribute("categories", IndicatorCategory.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("units", directory.handlingUnits());
        return "performance/evaluation/indicators";
    }
}
