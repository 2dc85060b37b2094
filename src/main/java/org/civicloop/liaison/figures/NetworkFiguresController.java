package org.civicloop.liaison.figures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicloop.liaison.domain.SitePermissions;
import org.civicloop.liaison.domain.SiteType;
import org.civicloop.liaison.figures.NetworkFigures.Counts;
import org.civicloop.liaison.figures.NetworkFigures.Period;
import org.civicloop.liaison.figures.NetworkFigures.SiteFigures;
import org.civicloop.liaison.figures.NetworkFigures.TownFigures;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Directory.Place;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * 网络运行数据: the liaison network's figures for the congress office and the district's leaders — sites
 * per town and type, receptions, visitors and opinions per month and per site, the busiest sites, the
 * park rooms' enterprise matters and disputes, the activities' visitors and income — over a year or one
 * month of it. Tables say everything; ECharts (static/js/network-figures.js, reading the page's JSON)
 * and the schematic town map (SVG drawn here, no JavaScript) show the same numbers.
 */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'LEADER')")
class NetworkFiguresController {

    static final List<String> MEASURES = List.of("visitors", "receptions", "opinions", "sites");
    private static final int BUSIEST = 10;

    private final NetworkFigures figures;
    private final Directory directory;
    private final MessageSource messages;
    private final JsonMapper json;
    private final ZoneId zone;

    NetworkFiguresController(NetworkFigures figures, Directory directory, MessageSource messages, JsonMapper json,
                             @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.figures = figures;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/liaison/figures")
    String page(@RequestParam(required = false) String year, @RequestParam(required = false) String month,
                @RequestParam(required = false) String measure, @AuthenticationPrincipal CivicUser user,
                Locale locale, Model model) {
        int currentYear = LocalDate.now(zone).getYear();
        Integer y = parse(year, 2000, 2100);
        Integer m = parse(month, 1, 12);
        boolean badPeriod = (year != null && !year.isBlank() && y == null) || (month != null && !month.isBlank() && m == null);
        Period period = new Period(y == null ? currentYear : y, m);
        String shown = measure != null && MEASURES.contains(measure) ? measure : MEASURES.get(0);

        Map<String, String> townNames = new LinkedHashMap<>();
        townNames.put(NetworkFigures.DISTRICT, directory.place(NetworkFigures.DISTRICT).map(Place::name).orElse(NetworkFigures.DISTRICT));
        for (Place p : directory.placesUnder(NetworkFigures.DISTRICT)) {
            townNames.put(p.code(), p.name());
        }
        List<SiteFigures> sites = figures.sites(period);
        List<TownFigures> towns = figures.towns(period);
        Map<String, TownFigures> byTown = towns.stream().collect(Collectors.toMap(TownFigures::townCode, t -> t));
        Counts network = figures.network(period);
        Map<String, Map<String, Integer>> byType = figures.openSitesByTownAndType();

        boolean manager = SitePermissions.mayManage(user);
        Function<String, String> townHref = code -> manager
                ? UriComponentsBuilder.fromPath("/liaison/sites").queryParam("region", code).build().toUriString()
                : "/public/network#town-" + code;
        Function<String, Long> value = code -> {
            TownFigures t = byTown.get(code);
            if (t == null) {
                return 0L;
            }
            return switch (shown) {
                case "receptions" -> t.counts().receptions();
                case "opinions" -> t.counts().opinions();
                case "sites" -> (long) t.sites();
                default -> t.counts().visitors();
            };
        };

        model.addAttribute("years", figures.years(currentYear));
        model.addAttribute("year", period.year());
        model.addAttribute("month", period.month());
        model.addAttribute("measure", shown);
        model.addAttribute("measures", MEASURES);
        model.addAttribute("badPeriod", badPeriod);
        model.addAttribute("network", network);
        model.addAttribute("openSites", sites.stream().filter(SiteFigures::active).count());
        model.addAttribute("townNames", townNames);
        model.addAttribute("tiles", TownMap.tiles(townNames, value, townHref));
        model.addAttribute("mapWidth", TownMap.width());
        model.addAttribute("mapHeight", TownMap.height());
        model.addAttribute("legend", legend(towns.stream().map(t -> value.apply(t.townCode())).max(Long::compare).orElse(0L)));
        model.addAttribute("towns", towns);
        model.addAttribute("townHrefs", towns.stream().collect(Collectors.toMap(TownFigures::townCode,
                t -> townHref.apply(t.townCode()), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("types", Arrays.stream(SiteType.values()).map(Enum::name).toList());
        model.addAttribute("byType", byType);
        model.addAttribute("typeTotals", Arrays.stream(SiteType.values()).map(Enum::name).collect(Collectors.toMap(t -> t,
                t -> byType.values().stream().mapToInt(r -> r.getOrDefault(t, 0)).sum(), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("months", figures.months(period.year()));
        model.addAttribute("sites", sites);
        List<SiteFigures> busiest = sites.stream().filter(s -> s.counts().visitors() > 0 || s.counts().receptions() > 0)
                .limit(BUSIEST).toList();
        model.addAttribute("busiest", busiest);
        List<SiteFigures> parks = sites.stream().filter(s -> s.type().equals(SiteType.PARK_ROOM.name())
                || s.counts().mattersOpened() + s.counts().mattersSolved() + s.counts().disputesClosed() > 0).toList();
        model.addAttribute("parks", parks);
        List<SiteFigures> activities = sites.stream().filter(s -> s.counts().activities() > 0)
                .sorted((a, b) -> Long.compare(b.counts().activityVisitors(), a.counts().activityVisitors())).toList();
        model.addAttribute("activities", activities);
        model.addAttribute("mayManage", manager);
        model.addAttribute("chartJson", chartJson(period, busiest, parks, activities, locale));
        return "liaison/figures";
    }

    /** The colour steps with the values each stands for. */
    private static List<Map<String, Object>> legend(long max) {
        List<Map<String, Object>> legend = new ArrayList<>();
        for (int step = 0; step < TownMap.FILLS.size(); step++) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("fill", TownMap.FILLS.get(step));
            l.put("from", step == 0 ? 0 : (long) Math.floor(max * (step - 1) / 4.0) + 1);
            l.put("to", step == 0 ? 0 : (long) Math.floor(max * step / 4.0));
            if (step == 0 || max > 0) {
                legend.add(l);
            }
        }
        return legend;
    }

    private String chartJson(Period period, List<SiteFigures> busiest, List<SiteFigures> parks,
                             List<SiteFigures> activities, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        var months = figures.months(period.year());
        chart.put("months", months.stream().map(mf -> msg("network.figures.monthShort", locale, mf.month())).toList());
        chart.put("receptionsName", msg("network.figures.receptions", locale));
        chart.put("visitorsName", msg("network.figures.visitors", locale));
        chart.put("opinionsName", msg("network.figures.opinions", locale));
        chart.put("receptions", months.stream().map(mf -> mf.counts().receptions()).toList());
        chart.put("visitors", months.stream().map(mf -> mf.counts().visitors()).toList());
        chart.put("opinions", months.stream().map(mf -> mf.counts().opinions()).toList());
        chart.put("busiestSites", busiest.stream().map(SiteFigures::name).toList());
        chart.put("busiestVisitors", busiest.stream().map(s -> s.counts().visitors()).toList());
        chart.put("parkSites", parks.stream().map(SiteFigures::name).toList());
        chart.put("mattersOpenedName", msg("network.figures.mattersOpened", locale));
        chart.put("mattersSolvedName", msg("network.figures.mattersSolved", locale));
        chart.put("disputesClosedName", msg("network.figures.disputesClosed", locale));
        chart.put("disputesAgreedName", msg("network.figures.disputesAgreed", locale));
        chart.put("mattersOpened", parks.stream().map(s -> s.counts().mattersOpened()).toList());
        chart.put("mattersSolved", parks.stream().map(s -> s.counts().mattersSolved()).toList());
        chart.put("disputesClosed", parks.stream().map(s -> s.counts().disputesClosed()).toList());
        chart.put("disputesAgreed", parks.stream().map(s -> s.counts().disputesAgreed()).toList());
        chart.put("activitySites", activities.stream().map(SiteFigures::name).toList());
        chart.put("activityVisitorsName", msg("network.figures.activityVisitors", locale));
        chart.put("incomeName", msg("network.figures.incomeYuan", locale));
        chart.put("activityVisitors", activities.stream().map(s -> s.counts().activityVisitors()).toList());
        chart.put("income", activities.stream().map(s -> s.counts().incomeYuan()).toList());
        // in a <script type="application/json">: nothing in it may close the element
        return json.writeValueAsString(chart).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static Integer parse(String value, int min, int max) {
        if (value == null || value.isBlank() || value.length() > 4 || !value.strip().chars().allMatch(Character::isDigit)) {
            return null;
        }
        int v = Integer.parseInt(value.strip());
        return v < min || v > max ? null : v;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
