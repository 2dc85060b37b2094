package org.civicloop.shared.web;

import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff action posted from an item's page: run it, then go back to the page with what happened
 * ({@code done}) or why not ({@code failed}, {@code failedArgs}), which the fragment
 * {@code fragments/outcome :: outcome} shows. A missing item stays a 404.
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
        }
        return "redirect:" + backTo;
    }
}
