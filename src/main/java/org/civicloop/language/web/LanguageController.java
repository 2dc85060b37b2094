package org.civicloop.language.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.civicloop.language.TextVectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 语义模型: whether the sentence model is loaded and how far the vectors are, per kind of text, as a page
 * for the administrator and as JSON that a script can poll until nothing remains.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "language")
class LanguageController {

    private final TextVectors vectors;

    LanguageController(TextVectors vectors) {
        this.vectors = vectors;
    }

    /** The model and each kind's progress. */
    public record Status(String model, boolean ready, List<TextVectors.Progress> kinds) {
    }

    @GetMapping("/admin/language")
    String page(Model model) {
        model.addAttribute("status", status());
        return "language/status";
    }

    @GetMapping("/api/language/progress")
    @ResponseBody
    @Operation(summary = "Whether the sentence model is loaded, and vectors done and remaining per kind of text")
    Status status() {
        return new Status(vectors.model(), vectors.ready(), vectors.progress());
    }
}
