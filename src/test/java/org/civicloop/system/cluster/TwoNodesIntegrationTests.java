package org.civicloop.system.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.CivicLoopApplication;
import org.civicloop.opinions.domain.OpinionLedger;
import org.civicloop.testing.TestDatabase;
import org.civicloop.testing.TestReplica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, item 3: two CivicLoop nodes (two application contexts, each with its own web server on a random
 * port and its own connection pool, scheduler and beans) on the suite's one real PostgreSQL, as behind a load
 * balancer. A sign-in on one is valid on the other; a rate limit holds across both; a recurring task runs once
 * per due time; one public submission sent to both with one idempotency key is stored once.
 */
class TwoNodesIntegrationTests {

    static final String TICK = "two-nodes-test-tick";
    static final ConcurrentLinkedQueue<Tick> TICKS = new ConcurrentLinkedQueue<>();
    static final int LOOKUPS_PER_MINUTE = 4;

    static TestReplica replica;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static JdbcClient jdbc;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Tick(String node, Instant due) {
    }

    @BeforeAll
    static void startTwoNodes() throws Exception {
        long started = System.nanoTime();
        replica = TestReplica.start();
        System.out.printf("Streaming replica made and started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        // the second node waits for the first's migrations and demo data, as a rolling start would
        nodeA = node("a", null);
        nodeB = node("b", replica);
        jdbc = nodeA.getBean(JdbcClient.class);
        System.out.printf("Two nodes started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopTwoNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
        if (replica != null) {
            replica.close();
        }
        if (jdbc != null) {
            try (var c = TestDatabase.connection(); var s = c.createStatement()) {
                s.executeUpdate("delete from scheduled_tasks where task_name = '" + TICK + "'");
            } catch (java.sql.SQLException ignored) {
                // the next JVM starts on a fresh database anyway
            }
        }
    }

    /** A node; {@code replica}: its reports read from that replica. */
    static ConfigurableApplicationContext node(String name, TestReplica replica) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", TestDatabase.jdbcUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("civicloop.audit.checkpoint-file", TestDatabase.auditCheckpointFile().toString());
        properties.put("civicloop.embedded-db.early-start", "false");
        properties.put("civicloop.demo", "true");
        properties.put("civicloop.data-dir", TestDatabase.dataDir());
        properties.put("civicloop.language.index-dir", TestDatabase.vectorIndexDir("node-" + name));
        properties.put("server.port", "0");
        properties.put("server.tomcat.basedir", "target/tomcat-node-" + name);
        properties.put("civicloop.public-base-url", "http://localhost:8080");
        properties.put("civicloop.security.sign-in-throttle.trusted-addresses", "127.0.0.1,0:0:0:0:0:0:0:1");
        // the client address from X-Forwarded-For (loopback is a trusted proxy): each test its own address
        properties.put("server.forward-headers-strategy", "native");
        properties.put("civicloop.opinions.lookups-per-ip-per-minute", String.valueOf(LOOKUPS_PER_MINUTE));
        properties.put("civicloop.scheduler.enabled", "true");
        properties.put("civicloop.scheduler.polling-interval", "100ms");
        properties.put("civicloop.two-nodes.name", name);
        properties.put("spring.main.banner-mode", "off");
        if (replica != null) {
            properties.put("civicloop.datasource.replica.url", replica.jdbcUrl());
            properties.put("civicloop.datasource.replica.username", "postgres");
            properties.put("civicloop.datasource.replica.password", "");
        }
        return new SpringApplicationBuilder(CivicLoopApplication.class, NodeTestTask.class)
                .initializers(context -> context.addBeanFactoryPostProcessor(TwoNodesIntegrationTests::onlyTheTestsRecurringTask))
                // as command-line arguments: above application.properties, as a deployment's own settings are
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /**
     * The application's own recurring tasks (the deadline scan, ...) would run at the real time on the suite's
     * shared database and race the other tests, which drive time themselves: the nodes run only this test's.
     */
    static void onlyTheTestsRecurringTask(ConfigurableListableBeanFactory factory) {
        for (String bean : factory.getBeanNamesForType(RecurringTask.class, true, false)) {
            if (!bean.equals("twoNodesTickTask")) {
                ((BeanDefinitionRegistry) factory).removeBeanDefinition(bean);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NodeTestTask {

        @Bean
        RecurringTask<Void> twoNodesTickTask(org.springframework.core.env.Environment environment) {
            String node = environment.getProperty("civicloop.two-nodes.name");
            return Tasks.recurring(TICK, FixedDelay.of(Duration.ofMillis(200)))
                    .execute((instance, context) -> {
                        TICKS.add(new Tick(node, context.getExecution().executionTime));
                        try {
                            Thread.sleep(50); // long enough for the other node to poll meanwhile
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
    }

    static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void aSignInOnOneNodeIsValidOnTheOther() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base(nodeA) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookies = cookies(form);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();

        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base(nodeA) + "/login"))
                        .header("Cookie", cookies)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "office", "password", "Huaxi@2026",
                                "_csrf", csrf.group(1)))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("login");
        String signedIn = cookie(signIn, "SESSION");

        HttpResponse<String> onB = http.send(HttpRequest.newBuilder(URI.create(base(nodeB) + "/opinions"))
                .header("Cookie", "SESSION=" + signedIn).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).as("node B knows node A's session").isEqualTo(200);
        HttpResponse<String> anonymousOnB = http.send(HttpRequest.newBuilder(URI.create(base(nodeB) + "/opinions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousOnB.statusCode()).as("without it: sign in first").isEqualTo(302);
    }

    @Test
    void aRateLimitHoldsAcrossBothNodes() throws Exception {
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        jdbc.sql("delete from rate_limit_bucket where bucket_key = :k").param("k", address).update();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < LOOKUPS_PER_MINUTE; i++) {
            statuses.add(lookup(i % 2 == 0 ? nodeA : nodeB, address).statusCode());
        }
        assertThat(statuses).doesNotContain(429);
        // the N+1st, on the node that served only half of them
        HttpResponse<String> refused = lookup(nodeB, address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After").orElseThrow()).matches("[1-9]\\d*");
        assertThat(lookup(nodeA, address).statusCode()).isEqualTo(429);
        // another address is not affected
        assertThat(lookup(nodeA, "198.51.100.251").statusCode()).isNotEqualTo(429);
    }

    @Test
    void aRecurringTaskRunsOncePerDueTimeAcrossBothNodes() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (TICKS.size() < 8 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(20);
        }
        List<Tick> ticks = List.copyOf(TICKS);
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(8);
        assertThat(ticks.stream().map(Tick::due).distinct().count()).as("every due time ran once: " + ticks).isEqualTo(ticks.size());
        System.out.printf("Recurring task: %d runs, by node %s%n", ticks.size(),
                ticks.stream().collect(java.util.stream.Collectors.groupingBy(Tick::node, java.util.stream.Collectors.counting())));
    }

    @Test
    void oneSubmissionSentToBothNodesWithOneKeyIsStoredOnce() throws Exception {
        long draft = jdbc.sql("select id from legislation_draft where title = :t")
                .param("t", "贵州省物业管理条例（修订草案征求意见稿）").query(Long.class).single();
        String key = UUID.randomUUID().toString();
        Map<String, String> fields = Map.of("articleId", "", "body", "两个节点同时收到的同一条意见：小区电梯维保记录应当公示。",
                "idempotencyKey", key, "_csrf", "two-nodes-csrf");
        CompletableFuture<HttpResponse<String>> toA = CompletableFuture.supplyAsync(() -> comment(nodeA, draft, fields));
        CompletableFuture<HttpResponse<String>> toB = CompletableFuture.supplyAsync(() -> comment(nodeB, draft, fields));
        HttpResponse<String> a = toA.join();
        HttpResponse<String> b = toB.join();

        assertThat(a.statusCode()).isEqualTo(302);
        assertThat(b.statusCode()).isEqualTo(302);
        assertThat(URI.create(a.headers().firstValue("Location").orElseThrow()).getPath())
                .as("both receipts name the one comment").isEqualTo(URI.create(b.headers().firstValue("Location").orElseThrow()).getPath());
        assertThat(jdbc.sql("select count(*) from legislation_comment where idempotency_key = :k::uuid").param("k", key)
                .query(Long.class).single()).isOne();
    }

    @Test
    void oneOpinionSentToBothNodesWithOneIdempotencyKeyIsStoredOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1").query(String.class).single();
        String body = "{\"category\":\"URBAN\",\"content\":\"两个节点同时收到的同一条意见：青岩镇南门的路灯坏了。\",\"placeCode\":\"" + village + "\"}";
        CompletableFuture<HttpResponse<String>> toA = CompletableFuture.supplyAsync(() -> opinion(nodeA, key, body));
        CompletableFuture<HttpResponse<String>> toB = CompletableFuture.supplyAsync(() -> opinion(nodeB, key, body));
        HttpResponse<String> a = toA.join();
        HttpResponse<String> b = toB.join();
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
        assertThat(a.headers().firstValue("Location")).as("both receipts name the one opinion").isEqualTo(b.headers().firstValue("Location"));
        assertThat(jdbc.sql("select count(*) from opinion_submission_key where submission_key = :k::uuid").param("k", key)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from opinion where content = '两个节点同时收到的同一条意见：青岩镇南门的路灯坏了。'")
                .query(Long.class).single()).isOne();
        // and sent a third time, later, the first receipt again, marked as replayed
        HttpResponse<String> again = opinion(nodeB, key, body);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Location")).isEqualTo(a.headers().firstValue("Location"));
        assertThat(opinion(nodeA, "not-a-uuid", body).statusCode()).isEqualTo(400);
    }

    @Test
    void nodeBsLedgerIsServedFromTheReplica() throws Exception {
        OpinionLedger.Filter year2001 = new OpinionLedger.Filter(java.time.LocalDate.of(2001, 1, 1), java.time.LocalDate.of(2002, 1, 1),
                null, null, null, null, null);
        OpinionLedger onReplica = nodeB.getBean(OpinionLedger.class);
        OpinionLedger onPrimary = nodeA.getBean(OpinionLedger.class);
        long opinion = jdbc.sql("select min(id) from opinion").query(Long.class).single();
        java.sql.Timestamp submitted = jdbc.sql("select submitted_at from opinion where id = :id").param("id", opinion)
                .query(java.sql.Timestamp.class).single();
        assertThat(onReplica.counts(year2001).total()).isZero();
        try (var c = replica.connection(); var s = c.createStatement()) {
            try (var rs = s.executeQuery("select pg_is_in_recovery()")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("a standby").isTrue();
            }
            // replay paused: the replica stays where it is while the primary moves on
            s.execute("select pg_wal_replay_pause()");
            try {
                jdbc.sql("update opinion set submitted_at = timestamptz '2001-06-01 08:00:00+08' where id = :id").param("id", opinion).update();
                assertThat(onPrimary.counts(year2001).total()).as("node A, no replica: the primary").isOne();
                assertThat(nodeB.getBean(JdbcClient.class).sql("select count(*) from opinion where submitted_at < '2002-01-01'")
                        .query(Long.class).single()).as("node B outside a report: the primary").isOne();
                assertThat(onReplica.counts(year2001).total()).as("node B's ledger: the replica, paused").isZero();
            } finally {
                s.execute("select pg_wal_replay_resume()");
            }
            long resumed = System.nanoTime();
            long deadline = resumed + Duration.ofSeconds(20).toNanos();
            while (onReplica.counts(year2001).total() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(onReplica.counts(year2001).total()).as("node B's ledger once replayed").isOne();
            System.out.printf("Replica caught up %d ms after replay resumed%n", (System.nanoTime() - resumed) / 1_000_000);

            // the lag of one commit in normal streaming
            jdbc.sql("update opinion set submitted_at = :at where id = :id").param("at", submitted).param("id", opinion).update();
            long written = System.nanoTime();
            while (onReplica.counts(year2001).total() == 1 && System.nanoTime() < written + Duration.ofSeconds(20).toNanos()) {
                Thread.onSpinWait();
            }
            assertThat(onReplica.counts(year2001).total()).isZero();
            System.out.printf("Replica lag of one commit, as node B's ledger sees it: %.1f ms%n", (System.nanoTime() - written) / 1e6);
        } finally {
            jdbc.sql("update opinion set submitted_at = :at where id = :id").param("at", submitted).param("id", opinion).update();
        }
    }

    private static HttpResponse<String> comment(ConfigurableApplicationContext node, long draft, Map<String, String> fields) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base(node) + "/public/drafts/" + draft + "/comments"))
                    .header("Cookie", "XSRF-TOKEN=two-nodes-csrf")
                    .header("X-Forwarded-For", "198.51.100.252")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> opinion(ConfigurableApplicationContext node, String key, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base(node) + "/public/api/opinions"))
                    .header("Idempotency-Key", key).header("X-Forwarded-For", "198.51.100.253")
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> lookup(ConfigurableApplicationContext node, String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base(node) + "/public/api/opinions/ZZZZZ-ZZZZZ"))
                .header("Accept", "application/json").header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookies(HttpResponse<?> response) {
        return String.join("; ", response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.indexOf(';') < 0 ? c : c.substring(0, c.indexOf(';'))).toList());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
