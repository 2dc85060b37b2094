package org.civicloop.opinions.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.OpinionLedger;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.organization.Directory;
import org.civicloop.shared.spreadsheet.Column;
import org.civicloop.shared.spreadsheet.StreamingWorkbookWriter;
import org.civicloop.shared.web.Downloads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** 民意台账: the office's ledger with its counts; the export gives exactly the rows the filters show. */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LedgerController {

    /** Units listed by name in the ledger's count by unit; the others are summed in one line. */
    static final int UNITS_LISTED = 50;

    private final OpinionLedger ledger;
    private final OpinionQueries queries;
    private final Directory directory;
    private final OpinionsProperties rules;
    private final MessageSource messages;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    @GetMapping("/opinions/ledger")
    String ledger(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "") String channel, @RequestParam(required = false) Long unitId,
                  @RequestParam(defaultValue = "") String town, Model model) {
        var filter = new OpinionLedger.Filter(from, to, status, category, channel, unitId, town);
        model.addAttribute("filter", filter);
        OpinionLedger.Counts counts = ledger.counts(filter);
        model.addAttribute("total", counts.total());
        model.addAttribute("byChannel", counts.byChannel());
        model.addAttribute("byCategory", counts.byCategory());
        // a province's ledger counts hundreds of units: the most counted are listed, the rest summed in one line
        // (the export has every opinion with its unit)
        List<OpinionLedger.Count> byUnit = counts.byUnit();
        model.addAttribute("byUnit", byUnit.size() <= UNITS_LISTED ? byUnit : byUnit.subList(0, UNITS_LISTED));
        model.addAttribute("otherUnitCount", Math.max(0, byUnit.size() - UNITS_LISTED));
        model.addAttribute("otherUnits", byUnit.size() <= UNITS_LISTED ? null
                : byUnit.subList(UNITS_LISTED, byUnit.size()).stream().reduce(new OpinionLedger.Count("", 0, 0, 0, 0),
                        OpinionLedger.Count::plus));
        model.addAttribute("byMonth", counts.byMonth());
        model.addAttribute("categories", queries.categories());
        model.addAttribute("units", directory.handlingUnits());
        model.addAttribute("towns", directory.placesUnder(rules.districtCode()));
        return "opinions/staff/ledger";
    }

    /**
     * The rows behind the counts, as .xlsx, streamed from the database to the browser: a window of
     * rows in memory at a time, however long the ledger.
     */
    @GetMapping("/opinions/ledger.xlsx")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String channel, @RequestParam(required = false) Long unitId,
            @RequestParam(defaultValue = "") String town) {
        var filter = new OpinionLedger.Filter(from, to, status, category, channel, unitId, town);
        Locale locale = LocaleContextHolder.getLocale(); // the body is written on another thread
        Map<String, String> categoryNames = new HashMap<>();
        queries.categories().forEach(c -> categoryNames.put(c.code(), c.label(locale)));
        List<Column> columns = Stream.of("receiptCode", "submittedAt", "channel", "category", "town", "place", "content",
                        "status", "unit", "repliedAt", "reply", "rating", "reopenCount")
                .map(k -> {
                    String header = messages.getMessage("ledger.column." + k, null, locale);
                    return switch (k) {
                        case "submittedAt", "repliedAt" -> Column.dateTime(header);
                        case "reopenCount" -> Column.whole(header);
                        case "content", "reply" -> Column.text(header, 60);
                        default -> Column.text(header);
                    };
                }).toList();
        String title = messages.getMessage("ledger.sheet", null, locale);
        StreamingResponseBody body = out -> {
            try (StreamingWorkbookWriter sheet = StreamingWorkbookWriter.builder(columns).sheetName(title).title(title).locale(locale)
                    .zone(zone).open(out)) {
                ledger.stream(filter, r -> sheet.row(r.receiptCode(), r.submittedAt(),
                        label("opinion.channel." + r.channel(), locale), categoryNames.getOrDefault(r.category(), r.category()),
                        r.town(), r.place(), r.content(), label("opinion.state." + r.status(), locale), r.unit(),
                        r.repliedAt(), r.reply(), r.rating() == null ? null : label("opinion.rating." + r.rating(), locale),
                        (long) r.reopenCount()));
                sheet.finish();
            }
        };
        return Downloads.workbook("ledger", title, LocalDate.now(zone), body);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
