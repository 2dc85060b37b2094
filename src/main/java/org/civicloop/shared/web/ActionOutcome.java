package org.civicloop.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff action posted from an item's page: run it, then go back to the page with what happened
 * ({@code done}) or why not ({@code failed}, {@code failedArgs}), which the fragment
 * {@code fragments/outcome :: outcome} shows. A missing item stays a 404.
 *
 * <p>When it fails, what was typed comes back too: {@code failedAt}, the address the form posted to, and
 * {@code failedForm}, its fields by name (the CSRF token left out), so that the page can show the form
 * filled in as it was sent, with the reason beside it.
 */
public final class ActionOutcome {

    private ActionOutcome() {
    }

    public static String run(String backTo, RedirectAttributes flash, String doneKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", doneKey);
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("failed", e.messageKey());
            flash.addFlashAttribute("failedArgs", e.arguments());
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                flash.addFlashAttribute("failedAt", request.getRequestURI());
                flash.addFlashAttribute("failedForm", typed(request.getParameterMap()));
            }
        }
        return "redirect:" + backTo;
    }

    /** The fields as sent, each by its first value; not the CSRF token. */
    static Map<String, String> typed(Map<String, String[]> parameters) {
        Map<String, String> typed = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.equals("_csrf") && values.length > 0) {
                typed.put(name, values[0]);
            }
        });
        return typed;
    }
}
