package org.civicloop.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.civicloop.deputies.domain.DeputyDetails;
import org.civicloop.deputies.domain.DeputyLevel;
import org.civicloop.deputies.domain.DeputyService;
import org.civicloop.deputies.domain.DeputyStatus;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A market morning at a deputy's QR code: three times as many voters as the pool has connections send an
 * opinion through the deputy's duty code at the same moment. Every one is answered 201 and becomes exactly
 * one line of the deputy's record. The request stores the opinion on one connection and leaves the record
 * to the background: were the line written after commit on the request's thread, in a transaction of its
 * own, each request would hold its first connection while waiting for a second, the pool would run dry
 * and the requests would be answered 503 after the connection time-out, their opinions stored.
 */
@IntegrationTest
class RecordsUnderLoadIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    DeputyService deputies;
    @Autowired
    DemoFixture demo;
    @Value("${spring.datasource.hikari.maximum-pool-size}")
    int poolSize;

    @Test
    void threeTimesThePoolsSubmissionsAtOnceThroughADeputysDutyCodeAreAllStoredAndEachIsOneLine() throws Exception {
        int clients = 3 * poolSize;
        // a deputy of this test alone, so that the record holds these opinions and nothing else
        long deputy = deputies.create(new DeputyDetails("压力测试代表" + ThreadLocalRandom.current().nextInt(1_000_000),
                DeputyLevel.DISTRICT, "测试选区", "520111101", "测试",
                "177" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), DeputyStatus.ACTIVE, null));
        String dutyCode = jdbc.sql("select duty_token from deputy where id = :id").param("id", deputy).query(String.class).single();

        List<Long> opinions = sendAtOnce(clients, dutyCode);
        demo.recordsSettled();
        assertThat(jdbc.sql("select source_id from record_entry where deputy_id = :d and source = 'opinion'")
                .param("d", deputy).query(Long.class).list())
                .as("each opinion one line of the deputy's record").containsExactlyInAnyOrderElementsOf(opinions);
        assertThat(jdbc.sql("select count(*) from record_entry where deputy_id = :d").param("d", deputy)
                .query(Integer.class).single()).isEqualTo(clients);
    }

    /**
     * A site's QR code on a market morning: the same, through a liaison site's duty code. Each opinion is
     * counted once in the network's figures, which are kept in the background as well.
     */
    @Test
    void threeTimesThePoolsSubmissionsAtOnceThroughASitesDutyCodeAreAllStoredAndEachCountsOnce() throws Exception {
        int clients = 3 * poolSize;
        var site = jdbc.sql("select id, duty_token, region_code from liaison_site where active and duty_token is not null order by id limit 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).single();

        List<Long> opinions = sendAtOnce(clients, (String) site[1]);
        demo.recordsSettled();
        assertThat(jdbc.sql("select subject_id from liaison_site_fact where kind = 'OPINION' and subject_id in (:o)")
                .param("o", opinions).query(Long.class).list())
                .as("each opinion counted once for the site").containsExactlyInAnyOrderElementsOf(opinions);
    }

    /**
     * {@code clients} voters, one address each, send an opinion through this duty code at the same moment;
     * every one gets a receipt code (201), and the opinions stored are answered.
     */
    private List<Long> sendAtOnce(int clients, String dutyCode) throws Exception {
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    String body = """
                            {"category":"URBAN","content":"集市第%d位群众：市场路口的路灯坏了，晚上看不清","placeCode":"%s",
                             "consent":false,"dutyCode":"%s"}""".formatted(n, village, dutyCode);
                    ready.countDown();
                    go.await();
                    try {
                        MockHttpServletResponse r = mvc.perform(post("/public/api/opinions").contentType(MediaType.APPLICATION_JSON)
                                .content(body).with(request -> {
                                    request.setRemoteAddr("2001:db8:5eed::" + Integer.toHexString(n + 1)); // one voter each
                                    return request;
                                })).andReturn().getResponse();
                        return r.getStatus() == 201 ? json.readTree(r.getContentAsString()).get("receiptCode").asString()
                                : "HTTP " + r.getStatus();
                    } catch (Exception e) {
                        return e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        List<String> receipts = new ArrayList<>();
        for (Future<String> a : answers) {
            receipts.add(a.get());
        }
        assertThat(receipts).as("every voter gets a receipt code (201)").allMatch(r -> r.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"));
        List<Long> opinions = jdbc.sql("select id from opinion where receipt_code in (:c)").param("c", receipts)
                .query(Long.class).list();
        assertThat(opinions).hasSize(clients);
        return opinions;
    }
}
