package org.civicloop.services.guide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.services.catalogue.DefinitionView;
import org.civicloop.services.catalogue.ServiceCatalogue;
import org.civicloop.services.catalogue.ServiceCatalogue.StoredDefinition;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 一次告知: the public guide to the combined services on offer. The scenario questions are a plain
 * GET form (no JavaScript, no account, nothing personal asked or kept); each answer may bring the
 * next question, and once all are answered the page says exactly which departments take part, which
 * fields the one form asks, which materials to bring and which are waived and why, the time limit and
 * the trips.
 */
@Controller
@RequestMapping("/public/services")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicGuideController {

    /** Answers come as {@code q.<question code>=<option code>}. */
    static final String ANSWER = "q.";

    private final ServiceCatalogue catalogue;

    @GetMapping
    String list(Model model) {
        model.addAttribute("services", catalogue.all().stream().filter(s -> !s.withdrawn())
                .map(StoredDefinition::definition).toList());
        return "services/guide/list";
    }

    @GetMapping("/{code}")
    String guide(@PathVariable String code, @RequestParam Map<String, String> params, Model model) {
        ServiceDefinition d = catalogue.offered(code).map(StoredDefinition::definition)
                .orElseThrow(() -> new NotFoundException("service-definition", code));
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(ANSWER) && value != null && !value.isBlank()) {
                answers.put(name.substring(ANSWER.length()), value);
            }
        });
        // an answer that is not one of the question's options counts as no answer
        answers.entrySet().removeIf(e -> d.questions().stream().noneMatch(q -> q.code().equals(e.getKey())
                && q.options().stream().anyMatch(o -> o.code().equals(e.getValue()))));
        ServiceDefinition.Applicable applicable = d.applicableTo(answers);
        List<ServiceDefinition.Part> notApplying = d.parts().stream().filter(p -> !applicable.parts().contains(p)).toList();
        model.addAttribute("d", d);
        model.addAttribute("view", new DefinitionView(d));
        model.addAttribute("questions", d.questionsFor(applicable.answers()));
        model.addAttribute("answers", applicable.answers());
        model.addAttribute("answered", !answers.isEmpty() || d.questions().isEmpty());
        model.addAttribute("applicable", applicable);
        model.addAttribute("notApplying", notApplying);
        model.addAttribute("longestPart", applicable.parts().stream().mapToInt(ServiceDefinition.Part::workingDays).max().orElse(0));
        model.addAttribute("departments", applicable.parts().stream().map(ServiceDefinition.Part::unit).distinct().toList());
        return "services/guide/service";
    }
}
