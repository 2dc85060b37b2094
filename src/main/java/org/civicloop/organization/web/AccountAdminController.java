package org.civicloop.organization.web;

import java.util.Arrays;
import jakarta.validation.Valid;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.DataScope;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.organization.domain.OrganizationQueries;
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

/** 账号管理: the administrator's list and forms for staff accounts. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountAdminController {

    private static final int PAGE_SIZE = 20;

    private final OrganizationQueries queries;
    private final AccountService accounts;

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("allRoles", Arrays.asList(Role.values()));
        model.addAttribute("units", queries.allUnits());
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String role,
                @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("unitId", unitId);
        model.addAttribute("page", queries.accounts(q, role, unitId, DataScope.all(), Math.max(0, page), PAGE_SIZE));
        model.addAttribute("pagingBase", PagingLinks.base("/admin/accounts", "q", q, "role", role,
                "unitId", unitId == null ? null : unitId.toString()));
        return "organization/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        model.addAttribute("accountForm", AccountForm.empty());
        return "organization/account-form";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute AccountForm accountForm, BindingResult result, RedirectAttributes flash) {
        if (accountForm.username() == null || accountForm.username().isBlank()) {
            FormErrors.rejectValue(result, "username", "NotBlank", null, null);
        }
        if (!result.hasErrors()) {
            try {
                var created = accounts.create(accountForm.username(), accountForm.details());
                flash.addFlashAttribute("temporaryPassword", created.temporaryPassword());
                flash.addFlashAttribute("passwordFor", accountForm.username());
                return "redirect:/admin/accounts?q=" + java.net.URLEncoder.encode(accountForm.username(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (BusinessException e) {
                if (e instanceof NotFoundException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        return "organization/account-form";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var row = queries.account(id).orElseThrow(() -> new NotFoundException("account", id));
        model.addAttribute("accountId", id);
        model.addAttribute("account", row);
        model.addAttribute("accountForm", AccountForm.of(row));
        return "organization/account-form";
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute AccountForm accountForm, BindingResult result,
                  Model model, RedirectAttributes flash) {
        var row = queries.account(id).orElseThrow(() -> new NotFoundException("account", id));
        if (!result.hasErrors()) {
            try {
                accounts.update(id, accountForm.details());
                flash.addFlashAttribute("saved", row.username());
                return "redirect:/admin/accounts";
            } catch (BusinessException e) {
                if (e instanceof NotFoundException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("accountId", id);
        model.addAttribute("account", row);
        return "organization/account-form";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes flash) {
        accounts.unlock(id);
        flash.addFlashAttribute("unlocked", queries.account(id).map(a -> a.username()).orElse(""));
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, RedirectAttributes flash) {
        String temporary = accounts.resetPassword(id);
        flash.addFlashAttribute("temporaryPassword", temporary);
        flash.addFlashAttribute("passwordFor", queries.account(id).map(a -> a.username()).orElse(""));
        return "redirect:/admin/accounts/" + id + "/edit";
    }
}
