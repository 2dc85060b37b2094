package org.civicloop.suggestions.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.Directory;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.domain.SuggestionQueries.PublishedReply;
import org.civicloop.suggestions.domain.SuggestionQueries.PublishedRow;
import org.civicloop.suggestions.domain.SuggestionQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 建议答复公开: the replies to closed deputy suggestions, for anyone, without signing in and without
 * JavaScript. A confidential (涉密) suggestion, or one not closed yet, does not exist here (404).
 * Deputies' and units' names are public; nothing about the voters whose opinions a suggestion took
 * up is shown.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicSuggestionController {

    private static final int PAGE_SIZE = 20;
    private static final int EXCERPT = 240;

    private final SuggestionQueries queries;
    private final Deputies deputies;
    private final Directory directory;

    /** One published suggestion with its replies and the names to show. */
    record Published(PublishedRow row, String leadDeputy, List<PublishedReply> replies) {
    }

    @GetMapping("/public/suggestions")
    String list(@RequestParam(required = false) Instant beforeAt, @RequestParam(required = false) Long beforeId, Model model) {
        List<PublishedRow> rows = queries.published(beforeAt, beforeId, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<PublishedRow> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        List<Published> items = published(page, EXCERPT);
        model.addAttribute("items", items);
        model.addAttribute("next", more ? page.get(PAGE_SIZE - 1) : null);
        model.addAttribute("excerpt", EXCERPT);
        names(model, items);
        return "suggestions/public/list";
    }

    @GetMapping("/public/suggestions/{id}")
    String detail(@PathVariable long id, Model model) {
        PublishedRow row = queries.published(id).orElseThrow(() -> new NotFoundException("suggestion", id));
        List<Published> items = published(List.of(row), 0);
        model.addAttribute("item", items.get(0));
        names(model, items);
        return "suggestions/public/detail";
    }

    private List<Published> published(List<PublishedRow> rows, int maxChars) {
        Map<Long, List<PublishedReply>> replies = new LinkedHashMap<>();
        for (PublishedReply r : queries.publishedReplies(rows.stream().map(PublishedRow::id).toList(), maxChars)) {
            replies.computeIfAbsent(r.suggestionId(), k -> new java.util.ArrayList<>()).add(r);
        }
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(r -> new Published(r,
                names.computeIfAbsent(r.leadDeputyId(), d -> deputies.find(d).map(DeputySummary::name).orElse("")),
                replies.getOrDefault(r.id(), List.of()))).toList();
    }

    private void names(Model model, List<Published> items) {
        Map<Long, String> units = new HashMap<>();
        items.forEach(i -> i.replies().forEach(r -> units.computeIfAbsent(r.unitId(), u -> directory.unitName(u).orElse(""))));
        model.addAttribute("unitNames", units);
        model.addAttribute("categories", queries.categories());
        model.addAttribute("resultClasses", queries.resultClasses());
    }
}
