package org.civicloop.legislation.adoption;

import org.civicloop.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public's view of adoption fed back: which drafts have their feedback out, and for each the comments received,
 * the suggestions reported and adopted, and how each article changed. No session, no JavaScript, no personal data.
 */
@Controller
class PublicFeedbackController {

    private final Adoption adoption;

    PublicFeedbackController(Adoption adoption) {
        this.adoption = adoption;
    }

    @GetMapping("/public/drafts/feedback")
    String list(Model model) {
        model.addAttribute("drafts", adoption.published());
        return "legislation/public-feedbacks";
    }

    @GetMapping("/public/drafts/{draftId}/feedback")
    String show(@PathVariable long draftId, Model model) {
        model.addAttribute("f", adoption.publicFeedback(draftId).orElseThrow(() -> new NotFoundException("legislation-draft", draftId)));
        return "legislation/public-feedback";
    }
}
