package org.civicloop.legislation.figures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.legislation.figures.LegislationFigures.ArticleCount;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 立法联系点数据: per contact point and year, and comments per article of each draft as a chart. */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'LEADER')")
class LegislationFiguresController {

    private final LegislationFigures figures;
    private final MessageSource messages;
    private final ZoneId zone;

    LegislationFiguresController(LegislationFigures figures, MessageSource messages,
                                 @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.figures = figures;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/legislation/figures")
    String points(@RequestParam(required = false) String year, Model model) {
        int current = LocalDate.now(zone).getYear();
        Integer y = parseYear(year);
        int shown = y == null ? current : y;
        List<Integer> years = new ArrayList<>(figures.years());
        if (!years.contains(shown)) {
            years.add(0, shown);
        }
        var points = figures.points(shown);
        model.addAttribute("year", shown);
        model.addAttribute("years", years);
        model.addAttribute("badYear", year != null && !year.isBlank() && y == null);
        model.addAttribute("points", points);
        model.addAttribute("drafts", figures.drafts(shown));
        long reported = points.stream().mapToLong(LegislationFigures.PointYear::reported).sum();
        long adopted = points.stream().mapToLong(p -> p.adopted() + p.partly()).sum();
        model.addAttribute("total", new LegislationFigures.PointYear(0, "", points.stream().mapToLong(LegislationFigures.PointYear::drafts).sum(),
                points.stream().mapToLong(LegislationFigures.PointYear::consultations).sum(),
                points.stream().mapToLong(LegislationFigures.PointYear::participants).sum(),
                points.stream().mapToLong(LegislationFigures.PointYear::comments).sum(), reported,
                points.stream().mapToLong(LegislationFigures.PointYear::adopted).sum(),
                points.stream().mapToLong(LegislationFigures.PointYear::partly).sum()));
        return "legislation/figures";
    }

    @GetMapping("/legislation/figures/drafts/{draftId}")
    String draft(@PathVariable long draftId, Locale locale, Model model) {
        String title = figures.title(draftId).orElseThrow(() -> new NotFoundException("legislation-draft", draftId));
        List<ArticleCount> counts = figures.perArticle(draftId);
        List<String> labels = counts.stream().map(c -> c.articleNo() == null
                ? messages.getMessage("legislation.report.wholeDraft", null, locale)
                : c.heading()).toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("counts", counts.stream().map(ArticleCount::comments).toList());
        chart.put("seriesName", messages.getMessage("legislation.figures.comments", null, locale));
        model.addAttribute("title", title);
        model.addAttribute("counts", counts);
        model.addAttribute("labels", labels);
        model.addAttribute("chart", chart);
        return "legislation/figures-draft";
    }

    private static Integer parseYear(String value) {
        if (value == null || value.isBlank() || value.strip().length() != 4 || !value.strip().chars().allMatch(Character::isDigit)) {
            return null;
        }
        int y = Integer.parseInt(value.strip());
        return y < 2000 || y > 2100 ? null : y;
    }
}
