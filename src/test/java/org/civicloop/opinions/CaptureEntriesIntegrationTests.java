package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicloop.liaison.LiaisonEvents.OpinionHeardAtSite;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.ReceptionDetails;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 现场记录's endpoint through the real server, its session store and CSRF: one opinion per key
 * however many resends arrive at once, every bad field refused with a message in the user's
 * language and nothing written, a lost session refused without storing, the reception's id kept,
 * and a site's opinion announced to the network's figures.
 */
@IntegrationTest
@RecordApplicationEvents
class CaptureEntriesIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpinionService service;
    @Autowired
    Addressing addressing;
    @Autowired
    ApplicationEvents events;

    @Test
    void tenConcurrentResendsOfOneKeyStoreOneOpinionAndAllGetItsReceiptCode() throws Exception {
        WebClient web = new WebClient(port).signIn("station");
        Map<String, String> csrf = csrf(web);
        String content = "十个并发重发：集市入口的护栏倒了 " + System.nanoTime();
        Map<String, Object> entry = entry(web, UUID.randomUUID().toString(), content);

        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return post(web, csrf, entry);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : sent) {
                answers.add(f.get());
            }
            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 201);
            assertThat(answers).filteredOn(a -> a.statusCode() == 201).as("stored by exactly one request").hasSize(1);
            String code = jdbc.sql("select receipt_code from opinion where content = :c").param("c", content)
                    .query(String.class).single();
            assertThat(answers).extracting(a -> JSON.readTree(a.body()).get("receiptCode").asString()).containsOnly(code);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(content)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from opinion_reception where submission_key = cast(:k as uuid)")
                .param("k", entry.get("key")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyBadFieldIsRefusedWithAClearMessageAndNothingIsWritten() throws Exception {
        WebClient web = new WebClient(port).signIn("station");
        Map<String, String> csrf = csrf(web);
        String content = "坏输入不应入库 " + System.nanoTime();
        Map<String, Object> good = entry(web, UUID.randomUUID().toString(), content);
        long opinionsBefore = jdbc.sql("select count(*) from opinion").query(Long.class).single();

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("channel=VISIT", "channel");
        cases.put("channel=", "channel");
        cases.put("addressee=SITE:999999", "addressee");
        cases.put("addressee=DEPUTY:1; drop table opinion", "addressee");
        cases.put("receptionId=abc", "receptionId");
        cases.put("receptionId=0", "receptionId");
        // a reception that does not exist, and one of a site the station's unit does not run
        cases.put("receptionId=999999999", "receptionId");
        cases.put("receptionId=" + receptionAt("贵筑街道人大代表联络站", false), "receptionId");
        cases.put("receivedAt=", "receivedAt");
        cases.put("receivedAt=2099-01-01T10:00", "receivedAt");
        cases.put("receivedAt=yesterday", "receivedAt");
        cases.put("receptionPlace=", "receptionPlace");
        cases.put("receptionPlace=" + "集".repeat(101), "receptionPlace");
        cases.put("receptionPlace=集市\u0007", "receptionPlace");
        cases.put("visitorCount=abc", "visitorCount");
        cases.put("visitorCount=0", "visitorCount");
        cases.put("content=", "content");
        cases.put("content=短", "content");
        cases.put("content=" + "长".repeat(20_001), "content");
        cases.put("content=路灯坏了很久了\u0007", "content");
        cases.put("category=", "category");
        cases.put("category=NOPE", "category");
        cases.put("placeCode=", "placeCode");
        cases.put("placeCode=110101", "placeCode");
        cases.put("placeDetail=" + "x".repeat(201), "placeDetail");
        cases.put("voterName=" + "名".repeat(51), "voterName");
        cases.put("voterPhone=12345", "voterPhone");
        cases.put("voterName=张三", "consent");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Map<String, Object> bad = new LinkedHashMap<>(good);
            bad.put("key", UUID.randomUUID().toString());
            String[] change = c.getKey().split("=", 2);
            bad.put(change[0], change[1]);
            HttpResponse<String> answer = post(web, csrf, bad);
            assertThat(answer.statusCode()).as(c.getKey()).isEqualTo(400);
            JsonNode errors = JSON.readTree(answer.body()).get("errors");
            List<String> fields = new ArrayList<>();
            errors.forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(c.getKey()).contains(c.getValue());
            errors.forEach(e -> assertThat(e.get("message").asString()).as(c.getKey())
                    .isNotBlank().doesNotContain("opinion.").doesNotContain("capture.").containsPattern("\\p{IsHan}"));
        }
        for (String key : List.of("", "not-a-uuid", "x".repeat(5000))) {
            Map<String, Object> bad = new LinkedHashMap<>(good);
            bad.put("key", key);
            HttpResponse<String> answer = post(web, csrf, bad);
            assertThat(answer.statusCode()).as(key).isEqualTo(400);
            assertThat(answer.body()).contains("\"field\":\"key\"");
        }
        HttpResponse<String> notJson = web.send(request(web, csrf).POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertThat(notJson.statusCode()).isEqualTo(400);

        assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single())
                .as("nothing written for any bad entry").isEqualTo(opinionsBefore);

        // in English for an English user
        WebClient english = new WebClient(port).signIn("station");
        english.get("/locale?lang=en&back=/workbench");
        Map<String, Object> bad = new LinkedHashMap<>(good);
        bad.put("key", UUID.randomUUID().toString());
        bad.put("voterPhone", "12345");
        HttpResponse<String> answer = post(english, csrf(english), bad);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("errors").get(0).get("message").asString())
                .doesNotContainPattern("\\p{IsHan}").containsIgnoringCase("mobile");
    }

    @Test
    void anEntryWithoutAValidSessionOrTokenIsRefusedAndNothingIsStored() throws Exception {
        WebClient web = new WebClient(port).signIn("station");
        String content = "会话过期时的意见 " + System.nanoTime();
        Map<String, Object> entry = entry(web, UUID.randomUUID().toString(), content);

        // no CSRF token (a page kept from another session)
        HttpResponse<String> noToken = web.send(request(web, Map.of())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(entry))).build());
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> staleToken = post(web, Map.of("header", "X-CSRF-TOKEN", "token", "stale"), entry);
        assertThat(staleToken.statusCode()).isEqualTo(403);

        // signed out: neither a session answer nor a stored entry, only the way to the sign-in page
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> session = anonymous.send(HttpRequest.newBuilder(web.uri("/opinions/capture/session"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isIn(302, 401);
        assertThat(count(content)).isZero();

        // signed in again, the same entry goes through
        HttpResponse<String> again = post(web, csrf(web), entry);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(count(content)).isEqualTo(1);
    }

    @Test
    void theReceptionsIdIsKeptWithTheOpinion() throws Exception {
        WebClient web = new WebClient(port).signIn("station");
        String content = "接待时记录，带接待编号 " + System.nanoTime();
        Map<String, Object> entry = entry(web, UUID.randomUUID().toString(), content);
        long reception = receptionAt("青岩镇人大代表联络站", false);
        entry.put("receptionId", Long.toString(reception));
        entry.put("channel", "RECEPTION");
        assertThat(post(web, csrf(web), entry).statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("""
                        select r.reception_id from opinion_reception r join opinion o on o.id = r.opinion_id
                         where o.content = :c""").param("c", content).query(Long.class).single()).isEqualTo(reception);
    }

    @Test
    void anOpinionAddressedToASiteOrHeardAtAReceptionIsAnnouncedForTheSite() {
        Addressing.Addressee site = addressing.byToken("qingyan2026z").orElseThrow();
        Addressing.Addressee deputy = addressing.byToken("wangjg2026hx").orElseThrow();
        long station = jdbc.sql("select id from account where username = 'station'").query(Long.class).single();
        long reception = receptionAt("青岩镇人大代表联络站", false);

        Opinion scanned = service.submit(SubmitOpinion.fromPublic(site, "127.0.0.1").category("TRAFFIC")
                .content("扫联络站二维码反映：路口缺红绿灯 " + System.nanoTime()).place(site.regionCode(), null).build(),
                List.of());
        ReceptionDetails heard = ReceptionDetails.of(LocalDateTime.now(ZONE).minusHours(3).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")), "青岩镇赶集点", "", ZONE);
        Opinion atReception = service.submit(SubmitOpinion.recorded(Channel.MARKET_DAY, site, station).category("RURAL")
                .content("赶集时听到：希望增加农技培训 " + System.nanoTime()).place(site.regionCode(), null)
                .reception(heard, UUID.randomUUID()).receptionId(reception).build(), List.of());
        Opinion toDeputy = service.submit(SubmitOpinion.fromPublic(deputy, "127.0.0.1").category("TRAFFIC")
                .content("扫代表二维码反映：公交班次太少 " + System.nanoTime()).place(deputy.regionCode(), null).build(),
                List.of());

        List<OpinionHeardAtSite> announced = events.stream(OpinionHeardAtSite.class).toList();
        assertThat(announced).filteredOn(e -> e.opinionId() == scanned.id()).singleElement()
                .isEqualTo(new OpinionHeardAtSite(scanned.id(), site.id(), null, scanned.submittedAt()));
        assertThat(announced).filteredOn(e -> e.opinionId() == atReception.id()).singleElement()
                .isEqualTo(new OpinionHeardAtSite(atReception.id(), site.id(), reception, heard.receivedAt()));
        assertThat(announced).as("a deputy's opinion is not a site's").noneMatch(e -> e.opinionId() == toDeputy.id());
    }

    // ---- helpers ----

    /** A demo reception of the named site, planned or held (or cancelled, when asked). */
    private long receptionAt(String siteName, boolean cancelled) {
        return jdbc.sql("""
                        select r.id from reception r join liaison_site s on s.id = r.site_id
                         where s.name = :name and (r.status = 'CANCELLED') = :cancelled order by r.id limit 1""")
                .param("name", siteName).param("cancelled", cancelled).query(Long.class).single();
    }

    private Map<String, Object> entry(WebClient web, String key, String content) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", key);
        e.put("channel", "MARKET_DAY");
        List<String> sites = jdbc.sql("""
                        select 'SITE:' || s.id from liaison_site s join account a on a.unit_id = s.staff_unit_id
                         where a.username = 'station' order by s.id""").query(String.class).list();
        e.put("addressee", sites.isEmpty() ? "" : sites.get(0));
        e.put("receivedAt", LocalDateTime.now(ZONE).minusHours(2).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        e.put("receptionPlace", "青岩镇赶集点");
        e.put("visitorCount", "20");
        e.put("category", "TRAFFIC");
        e.put("content", content);
        e.put("placeCode", jdbc.sql("select code from region where level = 'town' and code like '520111%' order by code limit 1")
                .query(String.class).single());
        e.put("consent", false);
        return e;
    }

    private static Map<String, String> csrf(WebClient web) throws Exception {
        HttpResponse<String> session = web.send(HttpRequest.newBuilder(web.uri("/opinions/capture/session"))
                .header("Accept", "application/json").GET().build());
        assertThat(session.statusCode()).isEqualTo(200);
        JsonNode s = JSON.readTree(session.body());
        return Map.of("header", s.get("csrfHeader").asString(), "token", s.get("csrfToken").asString());
    }

    private static HttpRequest.Builder request(WebClient web, Map<String, String> csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(web.uri("/opinions/capture/entries"))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        return csrf.isEmpty() ? b : b.header(csrf.get("header"), csrf.get("token"));
    }

    private static HttpResponse<String> post(WebClient web, Map<String, String> csrf, Map<String, Object> entry)
            throws Exception {
        return web.send(request(web, csrf).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(entry))).build());
    }

    private long count(String content) {
        return jdbc.sql("select count(*) from opinion where content = :c").param("c", content).query(Long.class).single();
    }
}
