package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.civicloop.deadlines.DeadlineMissed;
import java.util.List;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** The voter hears of the answer; the unit of a new order; the office of a missed deadline. */
@IntegrationTest
class OpinionNoticesIntegrationTests {

    @Autowired
    OpinionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    OpinionFixtures f;

    @BeforeEach
    void fixtures() {
        f = new OpinionFixtures(service, users, jdbc);
    }

    private long staffMessages(String username, String key, long opinionId) {
        return jdbc.sql("""
                        select count(*) from staff_message m join account a on a.id = m.account_id
                        where a.username = :u and m.message_key = :k and m.link = :link""")
                .param("u", username).param("k", key).param("link", "/opinions/" + opinionId).query(Long.class).single();
    }

    @Test
    void theUnitHearsOfANewOrderAndTheVoterOfTheAnswerBySms() {
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
        Opinion o = service.submit(SubmitOpinion.of(Channel.ONLINE).category("URBAN").content("村口桥梁护栏损坏，存在安全隐患")
                .place(f.anyVillageOf(OpinionFixtures.QINGYAN), null).voter(null, phone, null).consent(true).build(), List.of());
        long order = f.forwardedToHousing(o);
        assertThat(staffMessages("unit", "opinion.notice.assigned", o.id())).isEqualTo(1);
        assertThat(staffMessages("unit2", "opinion.notice.assigned", o.id())).isZero();

        service.sign(order, f.user("unit"));
        service.replyToOrder(order, "已修复护栏。", f.user("unit"));
        // no SMS gateway is configured here: the attempt is logged (SKIPPED), with the number masked
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        select count(*) from notification_log
                        where channel = 'SMS' and message_key = 'opinion.notice.answered' and recipient = :r""")
                .param("r", masked).query(Long.class).single()).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from notification_log where recipient like '%' || :p || '%'")
                .param("p", phone).query(Long.class).single()).isZero();
    }

    @Test
    void aMissedDeadlineIsEscalatedToTheOffice() {
        Opinion o = f.submitted("垃圾中转站臭味严重，影响周边居民");
        long order = f.forwardedToHousing(o);
        tx.executeWithoutResult(s -> events.publishEvent(new DeadlineMissed("work-order", Long.toString(order), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(staffMessages("office", "opinion.notice.escalated", o.id())).isEqualTo(1);
            assertThat(staffMessages("unit", "opinion.notice.missed", o.id())).isEqualTo(1);
        });
    }
}
