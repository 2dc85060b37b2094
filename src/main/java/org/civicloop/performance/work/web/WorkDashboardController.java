package org.civicloop.performance.work.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.performance.work.domain.WorkKind;
import org.civicloop.performance.work.domain.WorkQueries;
import org.civicloop.shared.Rag;
import org.civicloop.shared.spreadsheet.Column;
import org.civicloop.shared.spreadsheet.StreamingWorkbookWriter;
import org.civicloop.shared.web.Downloads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The dashboard of tracked work (the three rates of investment projects, counted by SQL, with their
 * definitions; the colours of every kind of item) and the ledger as a streamed Excel workbook. For
 * the evaluation office and leaders.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@PreAuthorize("hasAnyRole('EVALUATION_OFFICE', 'LEADER')")
class WorkDashboardController {

    private final WorkQueries queries;
    private final Names names;
    private final MessageSource messages;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    @GetMapping("/performance/work/dashboard")
    String dashboard(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("rates", queries.rates(year));
        model.addAttribute("stages", queries.stageCounts(year));
        Map<WorkKind, Map<Rag, Long>> colours = new EnumMap<>(WorkKind.class);
        for (WorkKind k : WorkKind.values()) {
            Map<Rag, Long> c = new EnumMap<>(Rag.class);
            for (Rag r : Rag.values()) {
                c.put(r, 0L);
            }
            colours.put(k, c);
        }
        for (var r : queries.list(user, new WorkQueries.Filter(List.of(), year, null, null), Instant.now())) {
            colours.get(r.kind()).merge(r.rag(), 1L, Long::sum);
        }
        model.addAttribute("colours", colours);
        model.addAttribute("year", year);
        model.addAttribute("years", queries.years());
        return "performance/work/dashboard";
    }

    /**
     * The ledger as .xlsx: exactly the items the list it is exported from shows, under the same filters (kinds,
     * year, colour, owner unit); no kind means every kind (the dashboard's export). The tracked-work list passes
     * its three kinds, the projects list the investment kind, so neither exports the other's items.
     */
    @GetMapping("/performance/work/ledger.xlsx")
    ResponseEntity<StreamingResponseBody> ledger(@RequestParam(required = false) List<WorkKind> kind,
                                                 @RequestParam(required = false) Integer year,
                                                 @RequestParam(required = false) Rag rag,
                                                 @RequestParam(required = false) Long unitId) {
        Locale locale = LocaleContextHolder.getLocale(); // the body is written on another thread
        Map<Long, String> units = names.units();
        Map<Long, String> leaders = new java.util.HashMap<>();
        List<Column> columns = List.of(
                Column.text(m("performance.work.field.kind", locale)), Column.whole(m("performance.work.field.year", locale)),
                Column.text(m("performance.work.field.title", locale), 40), Column.text(m("performance.work.field.ownerUnit", locale)),
                Column.text(m("performance.work.field.leader", locale)), Column.text(m("performance.work.field.rag", locale)),
                Column.text(m("performance.work.field.nextMilestone", locale), 30), Column.date(m("performance.work.field.dueOn", locale)),
                Column.whole(m("performance.work.field.overdue", locale)), Column.date(m("performance.work.field.lastReport", locale))
                        .withFormat(StreamingWorkbookWriter.CHINESE_MONTH),
                Column.text(m("performance.work.field.stage", locale)), Column.text(m("performance.work.field.investor", locale), 30),
                Column.decimal(m("performance.work.field.contractValue", locale)), Column.date(m("performance.work.field.signedOn", locale)),
                Column.decimal(m("performance.work.field.funds", locale)));
        String title = m("performance.work.ledger.sheet", locale);
        var filter = new WorkQueries.Filter(kind == null ? List.of() : List.copyOf(kind), year, unitId, rag);
        Instant now = Instant.now();
        StreamingResponseBody body = out -> {
            try (StreamingWorkbookWriter sheet = StreamingWorkbookWriter.builder(columns).sheetName(title).title(title).locale(locale)
                    .zone(zone).open(out)) {
                queries.stream(null, filter, now, r -> sheet.row(m("performance.work.kind." + r.kind().name(), locale), (long) r.year(),
                        r.title(), units.getOrDefault(r.ownerUnitId(), ""),
                        leaders.computeIfAbsent(r.leaderAccountId(), id -> names.accounts(List.of(id)).get(id)),
                        m("performance.work.rag." + r.rag().name(), locale), r.nextMilestone(), r.nextDueOn(), (long) r.overdue(),
                        r.lastReport() == null ? null : r.lastReport().atDay(1),
                        r.stage() == null ? null : m("performance.work.stage." + r.stage().name(), locale), r.investor(),
                        r.contractValue(), r.signedOn(), r.stage() == null ? null : r.funds()));
                sheet.finish();
            }
        };
        return Downloads.workbook("tracked-work", title, LocalDate.now(zone), body);
    }

    private String m(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
