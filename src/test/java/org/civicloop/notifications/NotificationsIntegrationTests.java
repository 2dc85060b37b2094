package org.civicloop.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.notifications.domain.VoterNotificationRequested;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Voter notifications go out after the caller commits, never after a rollback, are retried when
 * the gateway fails, and leave only masked traces behind.
 */
@IntegrationTest
class NotificationsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    Notifications notifications;
    @Autowired
    RecordingSmsSender gateway;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FailedEventPublications failedPublications;
    @Autowired
    ApplicationContext context;

    @Test
    void shouldSendTheVoterMessageBySmsOnlyAfterTheCallersTransactionCommits() throws Exception {
        String phone = NotificationTesting.uniquePhone();
        tx.executeWithoutResult(status -> {
            notifications.notifyVoter(VoterMessage.sms(phone, "workbench.greeting", "张三"));
            sleep(500);
            assertThat(gateway.sentTo(phone)).as("nothing is sent before the commit").isEmpty();
        });
        await().atMost(WAIT).until(() -> gateway.sentTo(phone).size() == 1);
        RecordingSmsSender.Sms sms = gateway.sentTo(phone).get(0);
        assertThat(sms.text()).isEqualTo("张三，您好");
        assertThat(sms.thread()).as("sent in the background, not in the caller's thread").isNotEqualTo(Thread.currentThread().getName());
        await().atMost(WAIT).until(() -> logRows(phone).size() == 1);
        Map<String, Object> row = logRows(phone).get(0);
        assertThat(row).containsEntry("channel", "SMS").containsEntry("status", "SENT")
                .containsEntry("message_key", "workbench.greeting").containsEntry("attempts", 1);
        assertThat(row.get("sent_at")).isNotNull();
    }

    @Test
    void shouldSendNothingWhenTheCallersTransactionRollsBack() {
        String rolledBack = NotificationTesting.uniquePhone();
        String committed = NotificationTesting.uniquePhone();
        tx.executeWithoutResult(status -> {
            notifications.notifyVoter(VoterMessage.sms(rolledBack, "workbench.greeting", "李四"));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> notifications.notifyVoter(VoterMessage.sms(committed, "workbench.greeting", "王五")));
        await().atMost(WAIT).until(() -> logRows(committed).size() == 1);
        sleep(1000);
        assertThat(gateway.sentTo(rolledBack)).isEmpty();
        assertThat(logRows(rolledBack)).isEmpty();
    }

    @Test
    void shouldKeepPhoneNumbersAndAddressesOutOfTablesExceptMasked() {
        String phone = "13812341234";
        String email = NotificationTesting.uniqueEmail();
        notifications.notifyVoter(new VoterMessage(phone, email, "workbench.greeting", List.of("赵六"), Locale.SIMPLIFIED_CHINESE));
        await().atMost(WAIT).until(() -> logRowsFor(Masking.email(email)).size() == 1);
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from notification_pending where email = :e")
                .param("e", email).query(Long.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from notification_log where recipient = '138****1234'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from notification_log where recipient like :p or recipient like :e")
                .param("p", "%" + phone + "%").param("e", "%" + email + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :p or serialized_event like :e")
                .param("p", "%" + phone + "%").param("e", "%" + email + "%").query(Long.class).single())
                .as("the event registry holds only the notification's id").isZero();
    }

    @Test
    void shouldSkipEmailWhenNoMailServerIsConfiguredAndStillSendTheSms() {
        String phone = NotificationTesting.uniquePhone();
        String email = NotificationTesting.uniqueEmail();
        notifications.notifyVoter(new VoterMessage(phone, email, "workbench.greeting", List.of("钱七"), Locale.SIMPLIFIED_CHINESE));
        await().atMost(WAIT).until(() -> logRowsFor(Masking.email(email)).size() == 1 && logRows(phone).size() == 1);
        assertThat(logRowsFor(Masking.email(email)).get(0)).containsEntry("channel", "EMAIL").containsEntry("status", "SKIPPED")
                .containsEntry("error_key", "notifications.error.mailNotConfigured");
        assertThat(logRows(phone).get(0)).containsEntry("status", "SENT");
    }

    @Test
    void shouldRecordAVoterWhoGaveNoContactAsSkipped() {
        String marker = "notifications.error.noContact";
        long before = jdbc.sql("select count(*) from notification_log where channel = 'NONE'").query(Long.class).single();
        notifications.notifyVoter(new VoterMessage(null, " ", "workbench.greeting", List.of("x"), null));
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from notification_log where channel = 'NONE' and error_key = :k")
                .param("k", marker).query(Long.class).single() > before);
    }

    @Test
    void shouldRetryAFailedSmsUntilItIsSentAndRecordEachAttempt() {
        String phone = NotificationTesting.uniquePhone();
        gateway.failNext(phone, 1);
        notifications.notifyVoter(VoterMessage.sms(phone, "workbench.greeting", "孙八"));
        await().atMost(WAIT).until(() -> logRows(phone).size() == 1 && "FAILED".equals(logRows(phone).get(0).get("status")));
        assertThat(logRows(phone).get(0)).containsEntry("error_key", "notifications.error.smsFailed").containsEntry("attempts", 1);
        assertThat(gateway.sentTo(phone)).isEmpty();
        // what the scheduled retry does every civicloop.notifications.retry-interval
        await().atMost(WAIT).until(() -> {
            failedPublications.resubmit(ResubmissionOptions.defaults().withFilter(p -> p.getEvent() instanceof VoterNotificationRequested));
            return gateway.sentTo(phone).size() == 1;
        });
        await().atMost(WAIT).until(() -> "SENT".equals(logRows(phone).get(0).get("status")));
        assertThat(logRows(phone).get(0)).containsEntry("attempts", 2);
        failedPublications.resubmit(ResubmissionOptions.defaults().withFilter(p -> p.getEvent() instanceof VoterNotificationRequested));
        sleep(500);
        assertThat(gateway.sentTo(phone)).as("a sent SMS is never sent again").hasSize(1);
    }

    @Test
    void anUnknownMessageKeyIsRefusedAtOnce() {
        assertThatThrownBy(() -> notifications.notifyVoter(VoterMessage.sms("13800000000", "no.such.key")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPluggedInGatewayReplacesTheLoggingDefault() {
        assertThat(context.getBeansOfType(SmsSender.class)).containsOnlyKeys("recordingSmsSender");
    }

    private List<Map<String, Object>> logRows(String phone) {
        return logRowsFor(Masking.phone(phone));
    }

    private List<Map<String, Object>> logRowsFor(String masked) {
        return jdbc.sql("select channel, status, message_key, error_key, attempts, sent_at from notification_log where recipient = :r")
                .param("r", masked).query().listOfRows();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
