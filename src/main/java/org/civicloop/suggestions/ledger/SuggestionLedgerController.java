package org.civicloop.suggestions.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.civicloop.shared.spreadsheet.Column;
import org.civicloop.shared.spreadsheet.StreamingWorkbookWriter;
import org.civicloop.shared.web.Downloads;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.SuggestionQueries;
import org.civicloop.suggestions.domain.SuggestionStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * 建议台账: the office's (and, read-only, the leaders') ledger of suggestions with its filters; the
 * export streams exactly the rows the filters select, as .xlsx, from the database to the browser.
 */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SuggestionLedgerController {

    private static final int PAGE_SIZE = 50;

    private final SuggestionLedger ledger;
    private final SuggestionQueries queries;
    private final LedgerNames names;
    private final DueDates due;
    private final Directory directory;
    private final MessageSource messages;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /** A ledger row with the names and the deadline state filled in. */
    record Line(SuggestionLedger.Row row, String leadDeputy, String leadUnits, String coUnits, String dueState, Long days) {
    }

    @GetMapping("/suggestions/ledger")
    String ledger(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String period,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String category,
                  @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "false") boolean keyOnly,
                  @RequestParam(defaultValue = "false") boolean overdueOnly, @RequestParam(defaultValue = "") String resultClass,
                  @RequestParam(defaultValue = "") String evaluation, @RequestParam(required = false) Long beforeId, Model model) {
        var filter = new SuggestionLedger.Filter(year, period, status, category, unitId, keyOnly, overdueOnly, resultClass, evaluation);
        ledger.check(filter, queries);
        Instant now = Instant.now();
        List<SuggestionLedger.Row> rows = ledger.page(filter, beforeId, PAGE_SIZE + 1, now);
        boolean more = rows.size() > PAGE_SIZE;
        List<SuggestionLedger.Row> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        Locale locale = LocaleContextHolder.getLocale();
        LedgerNames.Lookup lookup = names.lookup();
        String separator = messages.getMessage("ledger.suggestions.unitSeparator", null, locale);
        model.addAttribute("filter", filter);
        model.addAttribute("lines", page.stream().map(r -> line(r, lookup, separator, now)).toList());
        model.addAttribute("nextBeforeId", more ? page.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("total", ledger.count(filter, now));
        model.addAttribute("years", years());
        model.addAttribute("periods", SubmissionPeriod.values());
        model.addAttribute("statuses", SuggestionStatus.values());
        model.addAttribute("evaluations", Evaluation.values());
        model.addAttribute("categories", queries.categories());
        model.addAttribute("resultClasses", queries.resultClasses());
        model.addAttribute("units", directory.handlingUnits());
        return "suggestions/ledger/ledger";
    }

    /** The rows the filters select (all of them, not one page), as .xlsx. */
    @GetMapping("/suggestions/ledger.xlsx")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "") String period, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String category, @RequestParam(required = false) Long unitId,
            @RequestParam(defaultValue = "false") boolean keyOnly, @RequestParam(defaultValue = "false") boolean overdueOnly,
            @RequestParam(defaultValue = "") String resultClass, @RequestParam(defaultValue = "") String evaluation) {
        var filter = new SuggestionLedger.Filter(year, period, status, category, unitId, keyOnly, overdueOnly, resultClass, evaluation);
        ledger.check(filter, queries);
        Instant now = Instant.now();
        Locale locale = LocaleContextHolder.getLocale(); // the body is written on another thread
        Map<String, String> categoryNames = new HashMap<>();
        queries.categories().forEach(c -> categoryNames.put(c.code(), c.label(locale)));
        LedgerNames.Lookup lookup = names.lookup();
        String separator = messages.getMessage("ledger.suggestions.unitSeparator", null, locale);
        String yes = messages.getMessage("ledger.suggestions.yes", null, locale);
        List<Column> columns = Stream.of("id", "title", "leadDeputy", "category", "leadUnits", "coUnits", "status", "key",
                        "submittedAt", "dueAt", "daysLeft", "dueState", "resultClass", "evaluation")
                .map(k -> {
                    String header = messages.getMessage("ledger.suggestions.column." + k, null, locale);
                    return switch (k) {
                        case "id", "daysLeft" -> Column.whole(header);
                        case "submittedAt", "dueAt" -> Column.date(header);
                        case "title" -> Column.text(header, 40);
                        default -> Column.text(header);
                    };
                }).toList();
        String title = messages.getMessage("ledger.suggestions.sheet", null, locale);
        StreamingResponseBody body = out -> {
            try (StreamingWorkbookWriter sheet = StreamingWorkbookWriter.builder(columns).sheetName(title).title(title).locale(locale)
                    .zone(zone).open(out)) {
                ledger.stream(filter, now, r -> {
                    Line l = line(r, lookup, separator, now);
                    sheet.row(r.id(), r.title(), l.leadDeputy(), categoryNames.getOrDefault(r.category(), r.category()),
                            l.leadUnits(), l.coUnits(), label("suggestion.status." + r.status(), locale),
                            r.keySuggestion() ? yes : null, r.submittedAt(), r.dueAt(),
                            l.days() == null ? null : "OVERDUE".equals(l.dueState()) ? -l.days() : l.days(),
                            dueText(l, locale), r.resultClasses(),
                            r.evaluation() == null ? null : label("suggestion.evaluation." + r.evaluation(), locale));
                });
                sheet.finish();
            }
        };
        return Downloads.workbook("suggestion-ledger", title, LocalDate.now(zone), body);
    }

    private Line line(SuggestionLedger.Row r, LedgerNames.Lookup lookup, String separator, Instant now) {
        String state = DueDates.state(r.dueAt(), r.warnAt(), now);
        Long days = r.dueAt() == null ? null
                : "OVERDUE".equals(state) ? due.overdueDays(r.dueAt(), now) : due.daysLeft(r.dueAt(), now);
        return new Line(r, lookup.deputy(r.leadDeputyId()), lookup.units(r.leadUnitIds(), separator),
                lookup.units(r.coUnitIds(), separator), state, days);
    }

    private String dueText(Line l, Locale locale) {
        if (l.dueState() == null) {
            return null;
        }
        return switch (l.dueState()) {
            case "OVERDUE" -> messages.getMessage("clock.daysOverdue", new Object[] {l.days()}, locale);
            case "WARNING" -> messages.getMessage("ledger.due.warning", null, locale);
            default -> messages.getMessage("clock.daysLeft", new Object[] {l.days()}, locale);
        };
    }

    /** From the first year any suggestion was submitted to this one (found through the index, not a scan). */
    private List<Integer> years() {
        int current = LocalDate.now(zone).getYear();
        Instant first = ledger.firstSubmitted();
        int from = first == null ? current : Math.min(current, first.atZone(zone).getYear());
        List<Integer> years = new ArrayList<>(IntStream.rangeClosed(from, current).boxed().toList());
        Collections.reverse(years);
        return years;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
