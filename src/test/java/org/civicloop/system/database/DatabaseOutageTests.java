package org.civicloop.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicloop.CivicLoopApplication;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running CivicLoop and comes back (issue 15, item 5). A CivicLoop of
 * its own, started as production starts it (its own embedded PostgreSQL under a temporary data
 * directory), not the suite's shared context and database, so that stopping the database touches no
 * other test. Prints what it measures: how long a request takes during the outage, how soon after the
 * database is back requests succeed again.
 */
class DatabaseOutageTests {

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext app;
    static HttpClient http;
    static int port;

    @BeforeAll
    static void start() {
        // as arguments: they must win over application.properties, as they do on a real command line
        app = new SpringApplicationBuilder(CivicLoopApplication.class).run(
                "--server.port=0", "--civicloop.data-dir=" + dataDir, "--civicloop.demo=false",
                "--civicloop.scheduler.enabled=false", "--civicloop.embedded-db.early-start=false",
                "--server.tomcat.basedir=target/tomcat", "--spring.main.banner-mode=off");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aDatabaseOutageAnswers503QuicklyKeepsTheVotersTextTurnsReadinessDownAndRecoversByItself() throws Exception {
        EmbeddedDatabase database = app.getBean(EmbeddedDatabase.class);
        Path pgdata = EmbeddedDatabaseEarlyStart.pgdata(dataDir.toString());
        assertThat(get("/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
        Document form = Jsoup.parse(get("/public/opinions/new", "text/html").body());
        String csrf = form.select("input[name=_csrf]").attr("value");
        assertThat(csrf).isNotBlank();
        String text = "村口的路灯坏了三个月，晚上孩子放学看不见路 " + UUID.randomUUID();

        database.close(); // the outage: PostgreSQL stops under the running application
        EmbeddedDatabase restarted = null;
        try {
            // the voter's form, filled in, to send during the outage: it must come back ready to be sent again
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", csrf);
            fields.put("addressee", "");
            fields.put("content", text);
            fields.put("category", "TRAFFIC");
            fields.put("voterName", "张三");
            fields.put("voterPhone", "13800000000");
            fields.put("consent", "true");
            // every request below waits for the pool's connection timeout before it answers: sent at once,
            // each still measured on its own, they cost the suite one wait instead of five
            HttpClient englishVisitor = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            englishVisitor.cookieHandler().ifPresent(c -> ((CookieManager) c).getCookieStore()
                    .add(URI.create("http://localhost:" + port), english()));
            ExecutorService pool = Executors.newFixedThreadPool(5);
            Future<Timed> pageCall;
            Future<Timed> postCall;
            Future<Timed> englishCall;
            Future<Timed> apiCall;
            Future<Timed> readinessCall;
            try {
                pageCall = timed(pool, () -> get(http, "/public/opinions/new", "text/html"));
                postCall = timed(pool, () -> postMultipart("/public/opinions", fields));
                englishCall = timed(pool, () -> get(englishVisitor, "/public/opinions/new", "text/html"));
                apiCall = timed(pool, () -> get(http, "/public/api/opinions/ABCDE-23456", "application/json"));
                readinessCall = timed(pool, () -> get(http, "/actuator/health/readiness", "application/json"));
                pageCall.get();
                postCall.get();
                englishCall.get();
                apiCall.get();
                readinessCall.get();
            } finally {
                pool.shutdownNow();
            }

            HttpResponse<String> page = pageCall.get().response();
            long pageMillis = pageCall.get().millis();
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
            Document outage = Jsoup.parse(page.body());
            assertThat(outage.select("#error-detail").text()).contains("数据库").contains("30");
            assertThat(outage.select("#error-reference").text()).containsPattern("[0-9a-f]{8}");

            // the voter sends the form: it comes back filled in, ready to be sent again
            HttpResponse<String> sent = postCall.get().response();
            long postMillis = postCall.get().millis();
            assertThat(sent.statusCode()).isEqualTo(503);
            assertThat(sent.headers().firstValue("Retry-After")).hasValue("30");
            Document kept = Jsoup.parse(sent.body());
            Element keptForm = kept.getElementById("kept-form");
            assertThat(keptForm).as("the form sent, given back").isNotNull();
            assertThat(keptForm.attr("action")).isEqualTo("/public/opinions");
            assertThat(keptForm.attr("enctype")).isEqualTo("multipart/form-data");
            assertThat(keptForm.select("input[type=hidden][name=content]").attr("value")).isEqualTo(text);
            assertThat(keptForm.select("input[type=hidden][name=voterPhone]").attr("value")).isEqualTo("13800000000");
            assertThat(keptForm.select("input[type=hidden][name=_csrf]").attr("value")).isEqualTo(csrf);
            assertThat(kept.getElementById("kept-text").text()).isEqualTo(text);

            // in English for a visitor who chose English
            HttpResponse<String> en = englishCall.get().response();
            assertThat(en.statusCode()).isEqualTo(503);
            assertThat(Jsoup.parse(en.body()).select("#error-detail").text()).contains("cannot reach its database");

            // programs get a ProblemDetail
            HttpResponse<String> api = apiCall.get().response();
            long apiMillis = apiCall.get().millis();
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(api.body()).contains("\"status\":503").contains("errorId");

            HttpResponse<String> readiness = readinessCall.get().response();
            long readinessMillis = readinessCall.get().millis();
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(get("/actuator/health/liveness", "application/json").statusCode()).isEqualTo(200);

            System.out.printf("OUTAGE: page %d ms, form post %d ms, API %d ms, readiness %d ms%n",
                    pageMillis, postMillis, apiMillis, readinessMillis);
            assertThat(pageMillis).as("a page during the outage").isLessThan(10_000);
            assertThat(postMillis).as("a form post during the outage").isLessThan(10_000);

            // the database comes back: nothing to do by hand
            long t0 = System.nanoTime();
            restarted = EmbeddedDatabase.startOrAttach(pgdata, database.port(), "");
            long restartMillis = millis(t0);
            t0 = System.nanoTime();
            int status = 0;
            while (millis(t0) < 30_000 && (status = get("/public/opinions/new", "text/html").statusCode()) != 200) {
                Thread.sleep(50);
            }
            long recoveryMillis = millis(t0);
            assertThat(status).as("a page after the database came back").isEqualTo(200);
            assertThat(get("/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
            System.out.printf("RECOVERY: database restarted in %d ms, first page served %d ms after that%n",
                    restartMillis, recoveryMillis);

            // the kept form, sent again as the voter would: no longer a 503, and the text arrives
            Map<String, String> again = new LinkedHashMap<>();
            keptForm.select("input[type=hidden]").forEach(i -> again.put(i.attr("name"), i.attr("value")));
            HttpResponse<String> resent = postMultipart(keptForm.attr("action"), again);
            assertThat(resent.statusCode()).as(resent.body()).isIn(302, 303, 400);
            if (resent.statusCode() == 400) {
                assertThat(Jsoup.parse(resent.body()).select("textarea[name=content]").text()).isEqualTo(text);
            }
        } finally {
            if (restarted == null) {
                restarted = EmbeddedDatabase.startOrAttach(pgdata, database.port(), "");
            }
            app.close(); // the application closes its pool while the database still runs
            app = null;
            restarted.close();
        }
    }

    private static HttpCookie english() {
        HttpCookie cookie = new HttpCookie("civicloop-lang", "en");
        cookie.setPath("/");
        cookie.setVersion(0); // a version 1 cookie would be sent quoted
        return cookie;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** A response and how long it took to arrive. */
    record Timed(HttpResponse<String> response, long millis) {
    }

    private static Future<Timed> timed(ExecutorService pool, Callable<HttpResponse<String>> call) {
        return pool.submit(() -> {
            long t0 = System.nanoTime();
            HttpResponse<String> response = call.call();
            return new Timed(response, millis(t0));
        });
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return get(http, path, accept);
    }

    private static HttpResponse<String> get(HttpClient client, String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postMultipart(String path, Map<String, String> fields) throws Exception {
        String boundary = "----civicloop" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
