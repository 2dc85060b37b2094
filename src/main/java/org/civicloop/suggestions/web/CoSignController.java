package org.civicloop.suggestions.web;

import java.time.Instant;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.CoSignLinks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page a co-signer opens from the SMS: the suggestion's title, text and lead deputy, and one
 * button to confirm. Works on a phone without JavaScript and without an account; the link is the
 * proof that the phone is the deputy's.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CoSignController {

    private final CoSignLinks links;

    @GetMapping("/public/cosign/{secret}")
    String open(@PathVariable String secret, Model model, HttpServletResponse response) {
        var invitation = links.open(secret, Instant.now());
        if (invitation.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("secret", secret);
        return "suggestions/public/cosign";
    }

    @PostMapping("/public/cosign/{secret}")
    String confirm(@PathVariable String secret, Model model, HttpServletResponse response) {
        try {
            links.confirm(secret, Instant.now());
        } catch (BusinessException e) {
            return invalid(model, response);
        }
        model.addAttribute("confirmed", true);
        return "suggestions/public/cosign";
    }

    /** 410 Gone: the link existed or may have, and works no more; the page says what to do. */
    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("invalid", true);
        return "suggestions/public/cosign";
    }
}
