package org.civicloop.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.web.FormErrors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: every staff member changes their own password here. */
@Controller
@RequestMapping("/account/password")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PasswordController {

    private final AccountService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword, @NotBlank String confirmPassword) {
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        return "organization/password";
    }

    @PostMapping
    String change(@Valid @ModelAttribute PasswordForm passwordForm, BindingResult result,
                  @AuthenticationPrincipal CivicUser user, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes flash) {
        if (!result.hasErrors() && !passwordForm.newPassword().equals(passwordForm.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.error.mismatch");
        }
        if (result.hasErrors()) {
            return "organization/password";
        }
        try {
            String hash = accounts.changeOwnPassword(user.accountId(), passwordForm.currentPassword(), passwordForm.newPassword());
            CivicUser updated = user.withPasswordChanged(hash);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            flash.addFlashAttribute("passwordChanged", true);
            return "redirect:/workbench";
        } catch (BusinessException e) {
            FormErrors.reject(result, e);
            return "organization/password";
        }
    }
}
