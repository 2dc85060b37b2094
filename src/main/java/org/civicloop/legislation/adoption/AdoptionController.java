package org.civicloop.legislation.adoption;

import org.civicloop.legislation.drafts.LegislationPermissions;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 采纳反馈 for the office: the final text, the differences, each suggestion judged, the feedback published. */
@Controller
@RequestMapping("/legislation/adoption")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'LEADER')")
class AdoptionController {

    private final Adoption adoption;
    private final MessageSource messages;

    AdoptionController(Adoption adoption, MessageSource messages) {
        this.adoption = adoption;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("drafts", adoption.drafts());
        return "legislation/adoptions";
    }

    @GetMapping("/{draftId}")
    String show(@PathVariable long draftId, @AuthenticationPrincipal CivicUser user, Model model) {
        Adoption.Feedback f = adoption.feedback(draftId);
        model.addAttribute("f", f);
        model.addAttribute("mayFeedBack", LegislationPermissions.mayFeedBack(user) && !f.draft().published());
        model.addAttribute("outcomes", Adoption.OUTCOMES);
        model.addAttribute("finalTextMax", Adoption.FINAL_TEXT_MAX);
        model.addAttribute("reasonMax", Adoption.REASON_MAX);
        return "legislation/adoption";
    }

    @PostMapping("/{draftId}/final-text")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String finalText(@PathVariable long draftId, @RequestParam(required = false) String finalText,
                     @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String passedOn,
                     @AuthenticationPrincipal CivicUser user, Locale locale, RedirectAttributes flash) {
        return act(draftId, locale, flash, () -> {
            String text = finalText;
            if (file != null && !file.isEmpty()) {
                try {
                    text = Adoption.readDocx(file.getBytes());
                } catch (IOException e) {
                    throw BusinessException.invalid("legislation.adoption.error.notDocx");
                }
            }
            adoption.enterFinalText(user, draftId, text, date(passedOn));
        });
    }

    @PostMapping("/{draftId}/suggestions/{suggestionId}")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String judge(@PathVariable long draftId, @PathVariable long suggestionId, @RequestParam(required = false) String outcome,
                 @RequestParam(required = false) String reason, @AuthenticationPrincipal CivicUser user, Locale locale,
                 RedirectAttributes flash) {
        return act(draftId, locale, flash, () -> adoption.judge(user, draftId, suggestionId, outcome, reason, Instant.now()));
    }

    @PostMapping("/{draftId}/publish")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String publish(@PathVariable long draftId, @AuthenticationPrincipal CivicUser user, Locale locale, RedirectAttributes flash) {
        return act(draftId, locale, flash, () -> adoption.publish(user, draftId, Instant.now()));
    }

    /** An unreadable date counts as none given: the service then says it is required. */
    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String act(long draftId, Locale locale, RedirectAttributes flash, Runnable action) {
        String page = "redirect:/legislation/adoption/" + draftId;
        try {
            action.run();
            flash.addFlashAttribute("saved", true);
            return page;
        } catch (InvalidInput e) {
            ArrayList<String> errors = new ArrayList<>();
            for (InvalidInput.Problem p : e.problems()) {
                errors.add(messages.getMessage("legislation.adoption.field." + p.field(), null, p.field(), locale) + ": "
                        + messages.getMessage(p.messageKey(), p.arguments(), locale));
            }
            flash.addFlashAttribute("errors", errors);
        } catch (NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            ArrayList<String> errors = new ArrayList<>();
            errors.add(messages.getMessage(e.messageKey(), e.arguments(), locale));
            flash.addFlashAttribute("errors", errors);
        }
        return page + "#error-summary";
    }
}
