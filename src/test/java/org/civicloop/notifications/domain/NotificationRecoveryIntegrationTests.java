package org.civicloop.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.civicloop.notifications.Masking;
import org.civicloop.notifications.Notifications;
import org.civicloop.notifications.RecordingSmsSender;
import org.civicloop.notifications.VoterMessage;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the scheduled retry does: a notification whose node stopped before sending it is sent once
 * it has been outstanding for {@code stuck-after}; one that keeps failing is given up after
 * {@code max-attempts}, and its contact details are deleted.
 */
@IntegrationTest
class NotificationRecoveryIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    NotificationRetry retry;
    @Autowired
    Notifications notifications;
    @Autowired
    RecordingSmsSender gateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NotificationProperties properties;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;
    @Autowired
    org.springframework.context.MessageSource messages;
    @Autowired
    MailChannel mail;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @AfterEach
    void healGateway() {
        gateway.heal();
    }

    @Test
    void aNotificationCommittedByANodeThatThenStoppedIsSentAfterARestart() {
        // what a node leaves behind when it dies between the commit and the send: the pending row
        // and an incomplete publication, written in the business transaction
        String phone = "137" + String.format("%08d", (int) (Math.random() * 100_000_000));
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into notification_pending (id, phone, message_key, arguments, locale) "
                        + "values (:id, :phone, 'workbench.greeting', '[\"重启后\"]'::jsonb, 'zh-CN')")
                .param("id", id).param("phone", phone).update();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                                       completion_attempts)
                        values (:pid, :listener, :type, :event, :published, 'PUBLISHED', 0)""")
                .param("pid", UUID.randomUUID())
                .param("listener", VoterNotificationHandler.class.getName() + ".on(" + VoterNotificationRequested.class.getName() + ")")
                .param("type", VoterNotificationRequested.class.getName())
                .param("event", "{\"notificationId\":\"" + id + "\"}")
                .param("published", Timestamp.from(Instant.now().minus(properties.stuckAfter()).minusSeconds(60)))
                .update();

        retry.retry();

        await().atMost(WAIT).until(() -> gateway.sentTo(phone).size() == 1);
        assertThat(gateway.sentTo(phone).get(0).text()).isEqualTo("重启后，您好");
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from notification_pending where id = :id")
                .param("id", id).query(Long.class).single() == 0);
        retry.retry();
        assertThat(gateway.sentTo(phone)).hasSize(1);
    }

    @Test
    void aNotificationThatKeepsFailingIsGivenUpAndItsContactForgotten() {
        String phone = "136" + String.format("%08d", (int) (Math.random() * 100_000_000));
        gateway.failNext(phone, properties.maxAttempts());
        notifications.notifyVoter(new VoterMessage(phone, null, "workbench.greeting", List.of("x"), null));
        await().atMost(WAIT).until(() -> {
            retry.resubmitFailed();
            return attempts(phone) >= properties.maxAttempts()
                    && jdbc.sql("select count(*) from notification_pending where phone = :p").param("p", phone)
                            .query(Long.class).single() == 0;
        });
        assertThat(jdbc.sql("select status from notification_log where recipient = :r").param("r", Masking.phone(phone))
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(gateway.sentTo(phone)).isEmpty();
    }

    @Test
    void withoutAGatewayAnSmsIsLoggedAndRecordedAsSkippedNotSent() {
        VoterNotificationHandler withoutGateway = new VoterNotificationHandler(jdbc, json, messages, new LoggingSmsSender(),
                mail, properties, tx);
        String phone = "135" + String.format("%08d", (int) (Math.random() * 100_000_000));
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into notification_pending (id, phone, message_key, arguments, locale) "
                        + "values (:id, :phone, 'workbench.greeting', '[\"x\"]'::jsonb, 'zh-CN')")
                .param("id", id).param("phone", phone).update();
        withoutGateway.on(new VoterNotificationRequested(id));
        assertThat(jdbc.sql("select status || ' ' || error_key from notification_log where notification_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("SKIPPED notifications.error.smsNotConfigured");
        assertThat(jdbc.sql("select count(*) from notification_pending where id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    private int attempts(String phone) {
        return jdbc.sql("select coalesce(max(attempts), 0) from notification_log where recipient = :r")
                .param("r", Masking.phone(phone)).query(Integer.class).single();
    }
}
