package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signs in as every demo role (and visits the public pages anonymously), in Chinese and in English,
 * and follows every same-origin link, htmx GET and GET form (submitted with its default values)
 * reachable from the workbench and the menus, breadth first. Fails listing every URL that answered
 * 5xx or rendered the error page, with the page that led there. URLs that differ only in ids or
 * tokens count as one pattern, of which at most {@value #PER_PATTERN} are visited, so that the
 * crawl stays fast.
 */
@IntegrationTest
class CrawlIntegrationTests {

    static final String PASSWORD = "Huaxi@2026";
    static final List<String> ROLES = List.of("admin", "office", "deputy", "station", "unit", "unit2", "leader",
            "window", "approver", "evaluation", "enterprise");
    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    static final int PER_PATTERN = 3;
    static final int MAX_PAGES = 400;
    /** Anonymous visitors start from the pages the public reaches from outside: the home page, a duty QR code, the look-up,
     * the list of liaison sites, the typical-deputy campaigns, the drafts open for comment, a legislative contact point's
     * QR code and the drafts whose adoption feedback is out. */
    static final List<String> PUBLIC_STARTS = List.of("/", "/login", "/public/opinions/new", "/o/wangjg2026hx",
            "/o/qingyan2026z", "/public/opinions/track", "/public/network", "/public/campaigns", "/public/drafts",
            "/public/drafts/points/huaxilf2026a", "/public/drafts/feedback");

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** A path segment that is an id or a token: digits, or a mix of letters and digits of 6 or more characters. */
    private static final Pattern TOKEN = Pattern.compile("(?=.*\\d)[A-Za-z0-9_-]{6,}|[0-9a-f]{8}-[0-9a-f-]{27}");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everyPageReachableFromTheMenusAnswersWithoutAServerErrorForEveryRoleInBothLanguages() throws Exception {
        List<Crawl> crawls = new ArrayList<>();
        for (String language : LANGUAGES) {
            crawls.add(new Crawl(null, language));
            for (String role : ROLES) {
                crawls.add(new Crawl(role, language));
            }
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Crawl>> done = new ArrayList<>();
            for (Crawl c : crawls) {
                done.add(pool.submit(() -> {
                    c.run();
                    return c;
                }));
            }
            for (Future<Crawl> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> failures = crawls.stream().flatMap(c -> c.failures.stream()).toList();
        int visited = crawls.stream().mapToInt(c -> c.visited).sum();
        System.out.printf("Crawl: %d identities x languages, %d pages in %d ms%n", crawls.size(), visited,
                (System.nanoTime() - started) / 1_000_000);
        crawls.forEach(c -> System.out.printf("  %s, %s: %d pages%n", c.who(), c.language, c.visited));
        assertThat(failures).as("pages that answered 5xx or showed the error page").isEmpty();
        // pages a role must reach from its menus (issue 11: the duty records)
        Map<String, List<String>> mustReach = Map.of(
                "office", List.of("/records/ranking", "/records/rules", "/records/review", "/records/entries/new",
                        "/opinions/hotspots", "/opinions/routing", "/opinions/routing/import", "/opinions/routing/duties"),
                "leader", List.of("/records/ranking", "/opinions/hotspots"),
                "admin", List.of("/admin/language"),
                "deputy", List.of("/records/mine", "/records/mine/entries/new"));
        crawls.stream().filter(c -> c.username != null && mustReach.containsKey(c.username)).forEach(c -> assertThat(c.reached)
                .as("pages %s reaches in %s", c.who(), c.language).containsAll(mustReach.get(c.username)));
        // every identity got past its start pages (the workbench, or the public pages)
        crawls.forEach(c -> assertThat(c.visited).as("pages reached by %s in %s", c.who(), c.language)
                .isGreaterThan(c.username == null ? PUBLIC_STARTS.size() : 2).isLessThanOrEqualTo(MAX_PAGES));
    }

    /** One identity in one language: its own cookies, its own queue. */
    final class Crawl {

        final String username;
        final String language;
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int visited;
        /** The paths visited, without their queries. */
        final Set<String> reached = Collections.synchronizedSet(new HashSet<>());
        private final HttpClient http;
        private final Set<String> seen = new HashSet<>();
        private final Map<String, Integer> perPattern = new HashMap<>();
        private final Deque<String[]> queue = new ArrayDeque<>();

        Crawl(String username, String language) {
            this.username = username;
            this.language = language;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        }

        String who() {
            return username == null ? "anonymous" : username;
        }

        void run() throws Exception {
            // the language switch the pages offer (a cookie), then the sign-in form as a person uses it
            HttpResponse<String> switched = get("/locale?lang=" + language + "&back=/login");
            assertThat(switched.statusCode()).as("language switch").isEqualTo(200);
            if (username != null) {
                signIn();
                enqueue("/workbench", "(start)");
                // no menu leads to a briefing's sign-in page: a phone's camera opens it from the door's QR code
                if (username.equals("deputy")) {
                    jdbc.sql("select sign_in_token from briefing order by starts_at desc limit 2").query(String.class).list()
                            .forEach(token -> enqueue("/briefings/sign-in/" + token, "(door QR code)"));
                }
            } else {
                PUBLIC_STARTS.forEach(p -> enqueue(p, "(start)"));
            }
            while (!queue.isEmpty() && visited < MAX_PAGES) {
                String[] next = queue.poll();
                visit(next[0], next[1]);
            }
        }

        private void signIn() throws Exception {
            Document login = Jsoup.parse(get("/login").body());
            String csrf = login.select("input[name=_csrf]").attr("value");
            String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.uri().getPath()).as("%s signs in", username).isEqualTo("/workbench");
        }

        private void visit(String path, String from) {
            visited++;
            reached.add(path.replaceAll("\\?.*$", ""));
            HttpResponse<byte[]> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*")
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | InterruptedException | IllegalArgumentException e) {
                failures.add(describe(-1, path, from, e.toString()));
                return;
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean html = type.startsWith("text/html");
            String body = html ? new String(response.body(), StandardCharsets.UTF_8) : "";
            if (response.statusCode() >= 500) {
                failures.add(describe(response.statusCode(), path, from, reference(body)));
                return;
            }
            if (!html) {
                return; // a download (xlsx, pdf, png, csv): fetched, not parsed
            }
            Document page = Jsoup.parse(body, uri(path).toString());
            if (page.getElementById("error-title") != null) {
                failures.add(describe(response.statusCode(), path, from, "error page: "
                        + page.select("#error-detail").text() + " " + reference(body)));
                return;
            }
            if (username != null && response.uri().getPath().equals("/login")) {
                failures.add(describe(response.statusCode(), path, from, "signed out"));
                return;
            }
            String here = pathAndQuery(response.uri());
            for (Element a : page.select("a[href]")) {
                enqueue(a.absUrl("href"), here);
            }
            for (Element x : page.select("[hx-get]")) {
                if (!x.hasAttr("hx-trigger") || !x.attr("hx-trigger").contains("keyup")) {
                    enqueue(x.absUrl("hx-get"), here);
                }
            }
            for (Element form : page.select("form")) {
                if (form.attr("method").isEmpty() || form.attr("method").equalsIgnoreCase("get")) {
                    String action = form.hasAttr("action") && !form.attr("action").isEmpty() ? form.absUrl("action")
                            : response.uri().toString();
                    String query = defaults(form);
                    enqueue(action.replaceAll("\\?.*$", "") + (query.isEmpty() ? "" : "?" + query), here);
                }
            }
        }

        /** What a person submitting the form untouched would send. */
        private String defaults(Element form) {
            List<String> pairs = new ArrayList<>();
            for (Element field : form.select("input[name], select[name], textarea[name]")) {
                if (field.hasAttr("disabled")) {
                    continue;
                }
                String name = field.attr("name");
                String value;
                if (field.tagName().equals("select")) {
                    Element chosen = field.selectFirst("option[selected]");
                    if (chosen == null) {
                        chosen = field.selectFirst("option");
                    }
                    if (chosen == null) {
                        continue;
                    }
                    value = chosen.hasAttr("value") ? chosen.attr("value") : chosen.text();
                } else if (field.tagName().equals("textarea")) {
                    value = field.text();
                } else {
                    String type = field.attr("type").toLowerCase();
                    if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
                        continue;
                    }
                    if (type.equals("submit") || type.equals("button") || type.equals("file") || type.equals("image")) {
                        continue;
                    }
                    value = field.hasAttr("value") ? field.attr("value") : (type.equals("checkbox") ? "on" : "");
                }
                pairs.add(enc(name) + "=" + enc(value));
            }
            return String.join("&", pairs);
        }

        private void enqueue(String url, String from) {
            String path = sameOrigin(url);
            if (path == null || skipped(path) || !seen.add(path)) {
                return;
            }
            String pattern = pattern(path);
            int count = perPattern.merge(pattern, 1, Integer::sum);
            if (count <= PER_PATTERN) {
                queue.add(new String[] {path, from});
            }
        }

        private String sameOrigin(String url) {
            if (url == null || url.isBlank()) {
                return null;
            }
            URI u;
            try {
                u = URI.create(url.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                failures.add(describe(-1, url, "?", "malformed link"));
                return null;
            }
            if (u.getScheme() != null && !(u.getScheme().equals("http") && "localhost".equals(u.getHost())
                    && u.getPort() == port)) {
                return null;
            }
            if (u.getRawPath() == null || !u.getRawPath().startsWith("/")) {
                return null;
            }
            return pathAndQuery(u);
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private String describe(int status, String path, String from, String what) {
            return "[" + who() + ", " + language + "] " + status + " GET " + path + " (linked from " + from + ") " + what;
        }
    }

    /** Leaves out what is not a page of ours to crawl: sign-out, the language switch, static files, the API. */
    static boolean skipped(String path) {
        return path.startsWith("/logout") || path.startsWith("/locale") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/")
                || path.startsWith("/favicon") || path.startsWith("/actuator") || path.startsWith("/swagger-ui")
                || path.startsWith("/v3/");
    }

    /** The path with ids and tokens replaced, plus the names (not the values) of the query's parameters. */
    static String pattern(String pathAndQuery) {
        String[] parts = pathAndQuery.split("\\?", 2);
        String path = java.util.Arrays.stream(parts[0].split("/", -1))
                .map(s -> NUMBER.matcher(s).matches() || TOKEN.matcher(s).matches() ? "{id}" : s)
                .collect(Collectors.joining("/"));
        if (parts.length == 1) {
            return path;
        }
        Set<String> names = new TreeSet<>();
        for (String pair : parts[1].split("&")) {
            names.add(pair.split("=", 2)[0]);
        }
        return path + "?" + String.join("&", names);
    }

    static String pathAndQuery(URI u) {
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    static String reference(String body) {
        Element ref = Jsoup.parse(body).selectFirst("#error-reference");
        return ref == null ? "" : ref.text();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
