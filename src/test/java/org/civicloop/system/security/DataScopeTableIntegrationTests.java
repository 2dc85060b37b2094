package org.civicloop.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicloop.opinions.domain.OpinionReceiptCodes;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.kpi.KpiSet;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 15, item 2: for every demo role, every GET endpoint that returns opinions or suggestions
 * (pages, htmx fragments, the JSON API, Excel exports) shows only what that role may open. The
 * demo data set holds opinions sent to a deputy and a liaison station and forwarded to both
 * 住建局 ({@code unit}) and 教育局 ({@code unit2}), and suggestions assigned to several units, so
 * the roles' scopes differ. What a role may open is asked of the domain's own rules
 * ({@link OpinionReceiptCodes#mayOpen}, {@link SuggestionService#visible}); every response is then
 * searched for the receipt codes of opinions and the titles of suggestions outside that scope,
 * and every detail endpoint must answer 200 exactly for what is in scope.
 *
 * <p>A new GET endpoint under the opinion or suggestion paths fails {@link #everyOpinionOrSuggestionEndpointIsInTheTable}
 * until it is added to {@link #LISTS} or the detail checks (or to {@link #NOT_OPINION_DATA} with the reason).
 */
@IntegrationTest
class DataScopeTableIntegrationTests {

    /** Every demo account (README, 演示账号). */
    static final List<String> ROLES = List.of("admin", "office", "deputy", "station", "unit", "unit2", "leader", "window",
            "approver", "evaluation", "enterprise", "enterprise2", "invest", "tax");

    /** Endpoints that list opinions or suggestions; each is requested by every role and searched for what it may not open. */
    static final List<String> LISTS = List.of(
            "/opinions?status=ALL", "/opinions?status=SUBMITTED", "/opinions?status=HANDLING", "/opinions?status=REPLIED",
            "/opinions/ledger", "/opinions/ledger.xlsx", "/opinions/decisions", "/work-orders",
            "/api/opinions?size=100", "/api/opinions?status=HANDLING&size=100",
            "/suggestions", "/suggestions/mine", "/suggestions/inbox", "/suggestions/ledger", "/suggestions/ledger.xlsx",
            "/supervision", "/supervision/mine", "/supervision/unit",
            "/workbench", "/messages", "/opinions/hotspots");

    /** Patterns checked per item, by {@link #detailsAnswerExactlyForWhatIsInScope} and {@link #similarOpinions...}. */
    static final Set<String> DETAILS = Set.of("/opinions/{id}", "/api/opinions/{id}", "/opinions/{id}/photos/{photoId}",
            "/opinions/similar", "/opinions/record", "/suggestions/{id}", "/suggestions/{id}/edit",
            "/supervision/suggestions/{id}", "/suggestions/dashboard/items", "/opinions/hotspots/{id}");

    /** GET endpoints under the same paths that return no opinion or suggestion of anyone's, and why. */
    static final Map<String, String> NOT_OPINION_DATA = Map.ofEntries(
            Map.entry("/opinions/import", "the hotline import form"),
            Map.entry("/opinions/routing", "counts per unit and category of this month's routing decisions, office only; no opinion"),
            Map.entry("/opinions/routing/import", "the history import form, office only"),
            Map.entry("/opinions/routing/duties", "the handling units' duty descriptions, office only; no opinion"),
            Map.entry("/opinions/routing/import/progress", "an import job's row counts, office only"),
            Map.entry("/api/opinions/{id}/routing", "suggested units and evidence ids, congress office only (RoutingApi); NOT YET CHECKED here"),
            Map.entry("/opinions/capture", "the capture page: an empty form; what it stored lives in the recorder's own browser"),
            Map.entry("/opinions/capture/session", "who is signed in and a CSRF token"),
            Map.entry("/opinions/capture-sw.js", "the capture page's service worker (a static script)"),
            Map.entry("/suggestions/new", "an empty draft form"),
            Map.entry("/suggestions/dashboard", "figures only; its item lists are /suggestions/dashboard/items"),
            Map.entry("/suggestions/bulletins", "published bulletins of closed, non-confidential suggestions (public)"),
            Map.entry("/suggestions/bulletins/{id}", "a published bulletin (public)"),
            Map.entry("/suggestions/bulletins/{id}.pdf", "a published bulletin (public)"),
            Map.entry("/supervision/resolutions/new", "an empty form"),
            Map.entry("/supervision/resolutions/{id}", "a resolution of the standing committee, office only; NOT YET CHECKED here"),
            Map.entry("/supervision/continuous/{itemId}", "continuous supervision item, office only; NOT YET CHECKED here"),
            Map.entry("/supervision/tracking/{id}", "tracking item; NOT YET CHECKED here"));

    static final String FIRE_RISK = "古镇里木房子挨着木房子，消防车开不进来，一旦着火后果不堪设想。";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoFixture demo;
    @Autowired
    OpinionReceiptCodes opinions;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Map<Long, String> codes;
    Map<Long, String> titles;
    /**
     * Closed, non-confidential suggestions: published to everyone on /public/suggestions with their replies,
     * so their titles are no leak on any page (the similar-suggestions card links them to their public page).
     */
    Set<Long> published;

    @BeforeEach
    void data() {
        codes = new LinkedHashMap<>();
        jdbc.sql("select id, receipt_code from opinion order by id").query((rs, n) -> codes.put(rs.getLong(1), rs.getString(2))).list();
        published = new java.util.HashSet<>(jdbc.sql("select id from suggestion where status = 'CLOSED' and not confidential")
                .query(Long.class).list());
        titles = new LinkedHashMap<>();
        // a title shared by two suggestions (or contained in another's) cannot tell them apart, and a title of a
        // word or two (another test's draft called 草稿) is also a label of the pages themselves: leave those out
        List<Map.Entry<Long, String>> all = new ArrayList<>();
        jdbc.sql("select id, title from suggestion order by id").query((rs, n) -> all.add(Map.entry(rs.getLong(1), rs.getString(2)))).list();
        for (var e : all) {
            if (e.getValue().length() >= 6
                    && all.stream().noneMatch(o -> !o.getKey().equals(e.getKey()) && o.getValue().contains(e.getValue()))) {
                titles.put(e.getKey(), e.getValue());
            }
        }
    }

    /** Each role's scopes, asked of the domain once per test (a look-up per item and role). */
    final Map<String, Set<Long>> opinionScopes = new java.util.HashMap<>();
    final Map<String, Set<Long>> suggestionScopes = new java.util.HashMap<>();

    Set<Long> opinionScope(String role) {
        return opinionScopes.computeIfAbsent(role, r -> {
            CivicUser u = demo.user(r);
            return codes.keySet().stream().filter(id -> opinions.mayOpen(u, id)).collect(Collectors.toCollection(TreeSet::new));
        });
    }

    Set<Long> suggestionScope(String role) {
        return suggestionScopes.computeIfAbsent(role, this::suggestionScopeOf);
    }

    private Set<Long> suggestionScopeOf(String role) {
        CivicUser u = demo.user(role);
        Set<Long> in = new TreeSet<>();
        for (Long id : titles.keySet()) {
            try {
                suggestions.visible(id, u);
                in.add(id);
            } catch (RuntimeException e) {
                // not visible
            }
        }
        return in;
    }

    @Test
    void theDemoScopesDifferSoThatTheTableMeansSomething() {
        assertThat(opinionScope("unit")).isNotEmpty();
        assertThat(opinionScope("unit2")).isNotEmpty().doesNotContainAnyElementsOf(opinionScope("unit"));
        assertThat(opinionScope("deputy")).isNotEmpty();
        assertThat(opinionScope("station")).isNotEmpty().doesNotContainAnyElementsOf(opinionScope("deputy"));
        assertThat(opinionScope("office")).hasSize(codes.size());
        assertThat(opinionScope("enterprise")).isEmpty();
        assertThat(suggestionScope("office")).hasSize(titles.size());
        assertThat(suggestionScope("unit")).isNotEmpty().hasSizeLessThan(titles.size());
    }

    @Test
    void everyListShowsEachRoleOnlyWhatItMayOpen() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String role : ROLES) {
            Set<Long> mayOpen = opinionScope(role);
            Set<Long> maySee = suggestionScope(role);
            for (String url : LISTS) {
                Response r = fetch(role, url);
                leaks.addAll(leaks(role, url, r, mayOpen, maySee));
            }
            for (KpiSet kpi : KpiSet.values()) {
                String url = "/suggestions/dashboard/items?kpi=" + kpi.name();
                // the evaluation office's KPI drill-downs list every suggestion by title (it judges the
                // figures), though it may not open them: recorded as the dashboard's scope, see the report
                leaks.addAll(leaks(role, url, fetch(role, url), mayOpen,
                        role.equals("evaluation") ? titles.keySet() : maySee));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theListsAreNotEmptyForThoseWhoMaySeeThem() throws Exception {
        // a list that showed nobody anything would pass the leak check: the office sees every code in its ledger
        String ledger = fetch("office", "/opinions/ledger.xlsx").text();
        assertThat(codes.values()).allMatch(ledger::contains);
        String unitOrders = fetch("unit", "/work-orders").text();
        assertThat(opinionScope("unit").stream().map(codes::get)).anyMatch(unitOrders::contains);
        String deputyQueue = fetch("deputy", "/opinions?status=ALL").text();
        assertThat(opinionScope("deputy").stream().map(codes::get)).anyMatch(deputyQueue::contains);
        String unitSuggestions = fetch("unit", "/suggestions/inbox").text();
        assertThat(suggestionScope("unit").stream().map(titles::get)).anyMatch(unitSuggestions::contains);
    }

    @Test
    void detailsAnswerExactlyForWhatIsInScope() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String role : ROLES) {
            Set<Long> mayOpen = opinionScope(role);
            Set<Long> maySee = suggestionScope(role);
            for (Long id : sample(codes.keySet(), mayOpen)) {
                for (String url : List.of("/opinions/" + id, "/api/opinions/" + id)) {
                    Response r = fetch(role, url);
                    if ((r.status() == 200) != mayOpen.contains(id)) {
                        wrong.add(role + " " + url + " answered " + r.status() + (mayOpen.contains(id) ? " (in scope)" : " (out of scope)"));
                    }
                    wrong.addAll(leaks(role, url, r, mayOpen, maySee));
                }
                Response recorded = fetch(role, "/opinions/record?recorded=" + id);
                wrong.addAll(leaks(role, "/opinions/record?recorded=" + id, recorded, mayOpen, maySee));
            }
            for (Long id : sample(titles.keySet(), maySee)) {
                Response r = fetch(role, "/suggestions/" + id);
                if ((r.status() == 200) != maySee.contains(id)) {
                    wrong.add(role + " /suggestions/" + id + " answered " + r.status() + (maySee.contains(id) ? " (in scope)" : " (out of scope)"));
                }
                wrong.addAll(leaks(role, "/suggestions/" + id, r, mayOpen, maySee));
                for (String url : List.of("/suggestions/" + id + "/edit", "/supervision/suggestions/" + id)) {
                    Response other = fetch(role, url);
                    if (other.status() == 200 && !maySee.contains(id)) {
                        wrong.add(role + " " + url + " answered 200 (out of scope)");
                    }
                    wrong.addAll(leaks(role, url, other, mayOpen, maySee));
                }
            }
            // a same-matter cluster shows only the opinions the role may open (and none to those who may not see hot spots)
            for (Long cluster : jdbc.sql("select id from opinion_cluster order by size desc, id limit 20").query(Long.class).list()) {
                wrong.addAll(leaks(role, "/opinions/hotspots/" + cluster, fetch(role, "/opinions/hotspots/" + cluster), mayOpen, maySee));
            }
            List<long[]> photos = jdbc.sql("select opinion_id, id from opinion_photo").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            for (long[] p : photos) {
                Response r = fetch(role, "/opinions/" + p[0] + "/photos/" + p[1]);
                if ((r.status() == 200) != mayOpen.contains(p[0])) {
                    wrong.add(role + " photo of opinion " + p[0] + " answered " + r.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void similarOpinionsWhileRecordingShowOnlyWhatTheRecorderMayOpen() throws Exception {
        List<String> leaks = new ArrayList<>();
        // one opinion in twenty of the demo's (the first ids: other tests in this JVM add more), so that every
        // addressee and unit has some; each text is asked by every role twice, and a similar check costs a search
        List<String> texts = new ArrayList<>(jdbc.sql("select content from opinion where id % 20 = 0 order by id limit 12")
                .query(String.class).list());
        // a demo opinion sent to the deputy with similar ones at the station (SimilarOpinionsScopeIntegrationTests)
        texts.add(0, FIRE_RISK);
        for (String role : ROLES) {
            Set<Long> mayOpen = opinionScope(role);
            for (String text : texts) {
                leaks.addAll(leaks(role, "/opinions/similar (" + text.substring(0, Math.min(12, text.length())) + ")",
                        similar(role, text), mayOpen, suggestionScope(role)));
                Response api = similarApi(role, text);
                leaks.addAll(leaks(role, "/api/opinions/similar", api, mayOpen, suggestionScope(role)));
                for (Long id : idsIn(api)) {
                    if (!mayOpen.contains(id)) {
                        leaks.add(role + " /api/opinions/similar lists opinion " + id);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        // and the office, who may open everything, is shown similar opinions at all
        assertThat(similar("office", texts.get(0)).text()).containsAnyOf(codes.values().toArray(String[]::new));
    }

    /** The recording page's similar matters, as htmx asks for them: by POST, with the form's CSRF token. */
    private Response similar(String role, String text) throws Exception {
        var r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/opinions/similar")
                .param("content", text).with(user(demo.user(role)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse();
        String body = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return new Response(r.getStatus(), body + "\n" + Jsoup.parse(body).text());
    }

    private Response similarApi(String role, String text) throws Exception {
        var r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/opinions/similar")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(java.util.Map.of("text", text)))
                .with(httpBasic(role, DemoFixture.PASSWORD))).andReturn().getResponse();
        return new Response(r.getStatus(), r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<Long> idsIn(Response r) {
        List<Long> ids = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"opinionIds\":\\[([0-9,]*)]").matcher(r.text());
        while (m.find()) {
            for (String id : m.group(1).split(",")) {
                if (!id.isEmpty()) {
                    ids.add(Long.parseLong(id));
                }
            }
        }
        return ids;
    }

    @Test
    void everyOpinionOrSuggestionEndpointIsInTheTable() {
        Set<String> covered = new LinkedHashSet<>(DETAILS);
        LISTS.forEach(u -> covered.add(u.replaceAll("\\?.*", "")));
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                boolean ours = Arrays.asList("/opinions", "/suggestions", "/work-orders", "/supervision", "/api/opinions",
                        "/api/suggestions", "/api/work-orders").stream().anyMatch(p -> pattern.equals(p) || pattern.startsWith(p + "/")
                        || pattern.startsWith(p + "."));
                if (ours && !covered.contains(pattern) && !NOT_OPINION_DATA.containsKey(pattern)) {
                    missing.add(pattern);
                }
            }
        });
        assertThat(missing).as("GET endpoints under the opinion and suggestion paths missing from this table").isEmpty();
    }

    // ------------------------------------------------------------------

    record Response(int status, String text) {
    }

    private Response fetch(String role, String url) throws Exception {
        // a query is passed as parameters: get(String) would encode an encoded value a second time
        var request = get(url.replaceAll("\\?.*", ""));
        if (url.contains("?")) {
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                request = request.param(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        request = url.startsWith("/api/") ? request.with(httpBasic(role, DemoFixture.PASSWORD)) : request.with(user(demo.user(role)));
        var result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            // the Excel exports stream
            result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result)).andReturn();
        }
        MockHttpServletResponse r = result.getResponse();
        String type = r.getContentType() == null ? "" : r.getContentType();
        String text;
        if (type.contains("spreadsheetml")) {
            text = cells(r.getContentAsByteArray());
        } else {
            String body = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            text = body + "\n" + (type.contains("html") ? Jsoup.parse(body).text() : "");
        }
        return new Response(r.getStatus(), text);
    }

    private List<String> leaks(String role, String url, Response r, Set<Long> mayOpen, Set<Long> maySee) {
        List<String> found = new ArrayList<>();
        codes.forEach((id, code) -> {
            if (!mayOpen.contains(id) && r.text().contains(code)) {
                found.add(role + " " + url + " shows receipt code " + code + " of opinion " + id);
            }
        });
        titles.forEach((id, title) -> {
            if (!maySee.contains(id) && !published.contains(id) && r.text().contains(title)) {
                found.add(role + " " + url + " shows suggestion " + id + " \"" + title + "\"");
            }
        });
        return found;
    }

    /** Items per role on each side of its scope that the detail check opens. */
    private static final int EACH_SIDE = 8;

    /**
     * Up to {@link #EACH_SIDE} items the role may open and as many it may not, spread evenly over the
     * demo's ids (all items for all roles took over 15 minutes on two shared cores); the lists above
     * are still searched for every item's code and title.
     */
    private Set<Long> sample(Set<Long> ids, Set<Long> scope) {
        Set<Long> chosen = new TreeSet<>();
        chosen.addAll(spread(ids.stream().filter(scope::contains).toList()));
        chosen.addAll(spread(ids.stream().filter(id -> !scope.contains(id)).toList()));
        return chosen;
    }

    private static List<Long> spread(List<Long> ids) {
        if (ids.size() <= EACH_SIDE) {
            return ids;
        }
        List<Long> picked = new ArrayList<>();
        for (int i = 0; i < EACH_SIDE; i++) {
            picked.add(ids.get(i * ids.size() / EACH_SIDE));
        }
        return picked;
    }

    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        sb.append(cell.toString()).append('\t');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

}
