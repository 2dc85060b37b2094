package org.civicloop.performance.evaluation.web;

import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.performance.evaluation.domain.EvaluationService;
import org.civicloop.performance.evaluation.domain.Scheme;
import org.civicloop.performance.evaluation.domain.SchemeStatus;
import org.civicloop.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 评价结果公示: the published periods and, for each, the districts' composite scores, ranks, change
 * and marks, plus each indicator's weight and method. Tables only (public pages carry no
 * JavaScript); nothing about people. A period not published is not found.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicEvaluationController {

    private final EvaluationService service;
    private final EvaluationViews views;

    record Published(long id, String title) {
    }

    @GetMapping("/public/performance")
    String list(Model model, Locale locale) {
        model.addAttribute("published", published(locale));
        return "performance/evaluation/public/list";
    }

    @GetMapping("/public/performance/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        Scheme s = service.schemes().stream().filter(x -> x.id() == id && x.status() == SchemeStatus.PUBLISHED).findFirst()
                .orElseThrow(() -> new NotFoundException("performanceScheme", id));
        model.addAttribute("scheme", s);
        model.addAttribute("schemeTitle", views.title(s, locale));
        model.addAttribute("ranking", views.ranking(s, service.frozen(id).orElseThrow()));
        model.addAttribute("rules", service.rules(id));
        model.addAttribute("published", published(locale));
        return "performance/evaluation/public/scheme";
    }

    private List<Published> published(Locale locale) {
        return service.schemes().stream().filter(s -> s.status() == SchemeStatus.PUBLISHED)
                .map(s -> new Published(s.id(), views.title(s, locale))).toList();
    }
}
