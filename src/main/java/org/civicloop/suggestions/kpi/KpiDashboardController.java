package org.civicloop.suggestions.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.web.ListPage;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 统计分析: the KPIs per handling unit and for the district, for a period, with each definition
 * beside its figure, charts over the table (the table alone without JavaScript), and every number
 * a link to the assignments it counts ({@code /suggestions/dashboard/items}).
 */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER', 'EVALUATION_OFFICE')")
class KpiDashboardController {

    /** The most rows a click-through list shows; the figure beside it says how many there are. */
    static final int ITEMS_LIMIT = 500;
    /** Units per page of the dashboard's table and charts. */
    static final int UNITS_PER_PAGE = 50;

    private final SuggestionKpis kpis;
    private final MessageSource messages;

    KpiDashboardController(SuggestionKpis kpis, MessageSource messages) {
        this.kpis = kpis;
        this.messages = messages;
    }

    @GetMapping("/suggestions/dashboard")
    String dashboard(@RequestParam(required = false) String period,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Instant now = Instant.now();
        KpiPeriod p = period(period, from, to, now, model);
        KpiReport report = kpis.compute(p, now);
        // a province's hundreds of units: the table and the charts show them 50 at a time
        ListPage<UnitKpis> units = ListPage.of(report.units(), page, UNITS_PER_PAGE);
        Links links = new Links(p);
        model.addAttribute("report", report);
        model.addAttribute("units", units);
        model.addAttribute("pagingBase", links.dashboard());
        model.addAttribute("links", links);
        String none = msg("kpi.none", locale);
        model.addAttribute("rows", units.items().stream().map(u -> Row.of(u, report, links, none)).toList());
        model.addAttribute("districtRow", Row.of(report.district(), report, links, none));
        model.addAttribute("chart", chart(report, units.items(), locale));
        model.addAttribute("cards", Rate.of(report.district(), report, msg("common.listSeparator", locale)));
        return "suggestions/kpi/dashboard";
    }

    /**
     * One rate of the dashboard: its message key ({@code kpi.<key>}, definition {@code kpi.<key>.definition}
     * with {@code definitionArg}), the ratio and the sets behind its numerator and denominator.
     */
    record Rate(String key, Ratio ratio, KpiSet numerator, KpiSet denominator, String definitionArg) {

        /** {@code separator}: the list separator of the page's language (A、B in Chinese, A, B in English). */
        static List<Rate> of(UnitKpis u, KpiReport report, String separator) {
            String solved = String.join(separator, report.solvedClasses());
            String implemented = String.join(separator, report.implementedClasses());
            return List.of(
                    new Rate("replyRate", u.replyRate(), KpiSet.REPLIED, KpiSet.ASSIGNED, null),
                    new Rate("onTimeRate", u.onTimeRate(), KpiSet.ON_TIME, KpiSet.REPLIED, null),
                    new Rate("satisfactionRate", u.satisfactionRate(), KpiSet.SATISFIED, KpiSet.EVALUATED, null),
                    new Rate("solvedRate", u.solvedRate(), KpiSet.SOLVED, KpiSet.CLASSIFIED, solved),
                    new Rate("implementedRate", u.implementedRate(), KpiSet.IMPLEMENTED, KpiSet.CLASSIFIED, implemented),
                    new Rate("meetRate", u.meetRate(), KpiSet.MET, KpiSet.ASSIGNED, null));
        }

        public String definitionKey() {
            return "kpi." + key + ".definition";
        }

        /**
         * The definition's arguments: none for most. A null argument would be formatted, and MessageFormat would
         * read an apostrophe of the text as the start of a quotation ("deputy's" lost its letter s).
         */
        public Object[] definitionArgs() {
            return definitionArg == null ? new Object[0] : new Object[] {definitionArg};
        }
    }

    /**
     * One row of the dashboard's table, its cells in the columns' order: a count links to the rows it counts; a
     * rate links to its numerator's rows, with its numerator and denominator below it, each a link. Built here
     * rather than by a fragment per cell: 50 units' rows of fragments were two thirds of the page's time.
     */
    record Row(Long unitId, String name, List<Cell> cells) {

        static Row of(UnitKpis u, KpiReport report, Links links, String none) {
            Long id = u.unitId();
            List<Cell> cells = new ArrayList<>(9 + report.classes().size());
            cells.add(Cell.count(u.assigned(), links.items(id, "ASSIGNED")));
            cells.add(Cell.rate(u.replyRate(), links.items(id, "REPLIED"), links.items(id, "ASSIGNED"), none));
            cells.add(Cell.rate(u.onTimeRate(), links.items(id, "ON_TIME"), links.items(id, "REPLIED"), none));
            cells.add(Cell.count(u.overdue(), links.items(id, "OVERDUE")));
            cells.add(Cell.rate(u.satisfactionRate(), links.items(id, "SATISFIED"), links.items(id, "EVALUATED"), none));
            for (KpiReport.ResultClass c : report.classes()) {
                cells.add(Cell.count(u.classCount(c.code()), links.items(id, "CLASSIFIED", c.code())));
            }
            cells.add(Cell.rate(u.solvedRate(), links.items(id, "SOLVED"), links.items(id, "CLASSIFIED"), none));
            cells.add(Cell.rate(u.implementedRate(), links.items(id, "IMPLEMENTED"), links.items(id, "CLASSIFIED"), none));
            cells.add(Cell.rate(u.meetRate(), links.items(id, "MET"), links.items(id, "ASSIGNED"), none));
            return new Row(id, u.unitName(), cells);
        }
    }

    /** A cell: its figure and link; for a rate ({@code rate} true) also the numerator and denominator with theirs. */
    record Cell(String text, String href, boolean rate, long numerator, long denominator, String denominatorHref) {

        static Cell count(long n, String href) {
            return new Cell(String.valueOf(n), href, false, n, 0, null);
        }

        static Cell rate(Ratio r, String numeratorHref, String denominatorHref, String none) {
            return new Cell(r.defined() ? r.text() : none, numeratorHref, true, r.numerator(), r.denominator(), denominatorHref);
        }
    }

    @GetMapping("/suggestions/dashboard/items")
    String items(@RequestParam(required = false) String period,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) Long unit, @RequestParam KpiSet kpi,
                 @RequestParam(required = false) String cls,
                 @AuthenticationPrincipal CivicUser user, Model model, Locale locale) {
        Instant now = Instant.now();
        KpiPeriod p = period(period, from, to, now, model);
        List<KpiReport.ResultClass> classes = kpis.resultClasses(Set.of());
        if (cls != null && !cls.isBlank() && classes.stream().noneMatch(c -> c.code().equals(cls))) {
            throw BusinessException.invalid("kpi.error.resultClass");
        }
        List<SuggestionKpis.KpiItem> items = kpis.items(p, unit, kpi, cls, now, ITEMS_LIMIT + 1);
        boolean more = items.size() > ITEMS_LIMIT;
        List<SuggestionKpis.KpiItem> shown = more ? items.subList(0, ITEMS_LIMIT) : items;
        Set<Long> unitIds = shown.stream().map(SuggestionKpis.KpiItem::unitId).collect(Collectors.toSet());
        if (unit != null) {
            unitIds.add(unit);
        }
        model.addAttribute("items", shown);
        model.addAttribute("more", more);
        model.addAttribute("limit", ITEMS_LIMIT);
        model.addAttribute("kpi", kpi);
        model.addAttribute("cls", cls == null || cls.isBlank() ? null : cls);
        model.addAttribute("unit", unit);
        model.addAttribute("unitNames", kpis.unitNames(unitIds));
        model.addAttribute("classes", classes);
        model.addAttribute("links", new Links(p));
        // the suggestion pages are for the office and leaders; the evaluation office reads the list only
        model.addAttribute("openSuggestions", user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER));
        return "suggestions/kpi/items";
    }

    /** The period asked for; a wrong one is explained and this year is shown instead. */
    private KpiPeriod period(String code, LocalDate from, LocalDate to, Instant now, Model model) {
        LocalDate today = now.atZone(kpis.zone()).toLocalDate();
        KpiPeriod p;
        try {
            p = code == null && from == null && to == null ? KpiPeriod.yearOf(today) : KpiPeriod.of(code, from, to);
        } catch (BusinessException e) {
            model.addAttribute("failed", e.messageKey());
            model.addAttribute("failedArgs", e.arguments());
            p = KpiPeriod.yearOf(today);
        }
        Map<Integer, List<KpiPeriod>> presets = new LinkedHashMap<>();
        presets.put(today.getYear(), KpiPeriod.presets(today.getYear()));
        presets.put(today.getYear() - 1, KpiPeriod.presets(today.getYear() - 1));
        model.addAttribute("period", p);
        model.addAttribute("periodLabel", p.label(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("presets", presets);
        return p;
    }

    /** The chart's data for the units shown: rates per unit (percent, or null without a denominator) and classes per unit. */
    private Map<String, Object> chart(KpiReport report, List<UnitKpis> units, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("units", units.stream().map(UnitKpis::unitName).toList());
        List<Map<String, Object>> rates = new ArrayList<>();
        rates.add(series(msg("kpi.replyRate", locale), units.stream().map(u -> pct(u.replyRate())).toList()));
        rates.add(series(msg("kpi.onTimeRate", locale), units.stream().map(u -> pct(u.onTimeRate())).toList()));
        rates.add(series(msg("kpi.satisfactionRate", locale), units.stream().map(u -> pct(u.satisfactionRate())).toList()));
        rates.add(series(msg("kpi.meetRate", locale), units.stream().map(u -> pct(u.meetRate())).toList()));
        chart.put("rates", rates);
        List<Map<String, Object>> classes = new ArrayList<>();
        for (KpiReport.ResultClass c : report.classes()) {
            classes.add(series(msg("kpi.class", locale, c.code()), units.stream().map(u -> (Object) u.classCount(c.code())).toList()));
        }
        chart.put("classes", classes);
        chart.put("percentAxis", msg("kpi.chart.percentAxis", locale));
        chart.put("countAxis", msg("kpi.chart.countAxis", locale));
        return chart;
    }

    private static Map<String, Object> series(String name, List<Object> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        return s;
    }

    private static Object pct(Ratio r) {
        return r.defined() ? r.percent().doubleValue() : null;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /**
     * Links from a figure to the list behind it, keeping the period. A dashboard holds hundreds of
     * them, so they are concatenated from parts that need no encoding (dates, preset codes, ids,
     * set names) and the class code, which is encoded.
     */
    public static final class Links {

        private final String periodQuery;

        Links(KpiPeriod period) {
            this.periodQuery = period.code() != null ? "period=" + period.code() : "from=" + period.from() + "&to=" + period.to();
        }

        public String items(Long unit, String set) {
            return items(unit, set, null);
        }

        public String items(Long unit, String set, String cls) {
            StringBuilder b = new StringBuilder(96).append("/suggestions/dashboard/items?").append(periodQuery);
            if (unit != null) {
                b.append("&unit=").append(unit);
            }
            b.append("&kpi=").append(KpiSet.valueOf(set).name());
            if (cls != null) {
                b.append("&cls=").append(java.net.URLEncoder.encode(cls, java.nio.charset.StandardCharsets.UTF_8));
            }
            return b.toString();
        }

        public String dashboard() {
            return "/suggestions/dashboard?" + periodQuery;
        }
    }
}
