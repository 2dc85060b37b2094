package org.civicloop.organization.web;

import java.util.Arrays;
import jakarta.validation.Valid;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.DataScope;
import org.civicloop.organization.domain.OrganizationQueries;
import org.civicloop.organization.domain.UnitKind;
import org.civicloop.organization.domain.UnitService;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.FormErrors;
import org.civicloop.shared.web.PagingLinks;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** 单位管理: the administrator's list and forms for organisation units. */
@Controller
@RequestMapping("/admin/units")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UnitAdminController {

    private static final int PAGE_SIZE = 20;

    private final OrganizationQueries queries;
    private final UnitService units;

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", Arrays.asList(UnitKind.values()));
        model.addAttribute("regions", queries.regionsAtLevels(java.util.List.of("city", "district", "street", "town")));
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("page", queries.units(q, kind, DataScope.all(), Math.max(0, page), PAGE_SIZE));
        model.addAttribute("pagingBase", PagingLinks.base("/admin/units", "q", q, "kind", kind));
        return "organization/units";
    }

    @GetMapping("/new")
    String newUnit(Model model) {
        model.addAttribute("unitForm", UnitForm.empty());
        model.addAttribute("parents", queries.allUnits());
        return "organization/unit-form";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute UnitForm unitForm, BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = units.create(unitForm.details());
                flash.addFlashAttribute("saved", unitForm.name());
                return "redirect:/admin/units?q=" + java.net.URLEncoder.encode(unitForm.name(), java.nio.charset.StandardCharsets.UTF_8) + "#unit-" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("parents", queries.allUnits());
        return "organization/unit-form";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var row = queries.unit(id, DataScope.all()).orElseThrow(() -> new NotFoundException("unit", id));
        model.addAttribute("unitId", id);
        model.addAttribute("unitForm", UnitForm.of(row));
        model.addAttribute("parents", queries.allUnits().stream().filter(u -> u.id() != id).toList());
        return "organization/unit-form";
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute UnitForm unitForm, BindingResult result, Model model,
                  RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                units.update(id, unitForm.details());
                flash.addFlashAttribute("saved", unitForm.name());
                return "redirect:/admin/units";
            } catch (BusinessException e) {
                if (e instanceof NotFoundException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("unitId", id);
        model.addAttribute("parents", queries.allUnits().stream().filter(u -> u.id() != id).toList());
        return "organization/unit-form";
    }
}
