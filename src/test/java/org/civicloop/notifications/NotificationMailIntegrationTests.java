package org.civicloop.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.civicloop.notifications.domain.VoterNotificationRequested;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.mail.host} set, voter e-mails go out over SMTP (to a tiny server in this test)
 * in the voter's language, and a server that refuses is tried again. Its own application context,
 * closed afterwards, because the mail settings differ from every other test's.
 */
@IntegrationTest
@DirtiesContext
class NotificationMailIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final FakeSmtpServer SMTP = FakeSmtpServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("civicloop.notifications.mail-from", () -> "notice@huaxi.example.cn");
    }

    @AfterAll
    static void stopServer() throws IOException {
        SMTP.close();
    }

    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FailedEventPublications failedPublications;

    @Test
    void shouldSendTheEmailOverSmtpInTheVotersLanguage() throws Exception {
        String email = NotificationTesting.uniqueEmail();
        notifications.notifyVoter(new VoterMessage(null, email, "workbench.greeting", List.of("周九"), Locale.SIMPLIFIED_CHINESE));
        MimeMessage message = awaitMessageTo(email);
        assertThat(message.getSubject()).isEqualTo("CivicLoop 民意闭环通知");
        assertThat(message.getContent().toString().strip()).isEqualTo("周九，您好");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("notice@huaxi.example.cn");
        await().atMost(WAIT).until(() -> "SENT".equals(log(email).get("status")));
        assertThat(log(email)).containsEntry("channel", "EMAIL").containsEntry("recipient", Masking.email(email));

        String english = NotificationTesting.uniqueEmail();
        notifications.notifyVoter(new VoterMessage(null, english, "workbench.greeting", List.of("Zhou"), Locale.ENGLISH));
        MimeMessage inEnglish = awaitMessageTo(english);
        assertThat(inEnglish.getSubject()).isEqualTo("A message from CivicLoop");
        assertThat(inEnglish.getContent().toString().strip()).isEqualTo("Hello, Zhou");
    }

    @Test
    void shouldTryAgainWhenTheMailServerRefuses() throws Exception {
        String email = NotificationTesting.uniqueEmail();
        SMTP.rejectNext(1);
        notifications.notifyVoter(new VoterMessage(null, email, "workbench.greeting", List.of("吴十"), null));
        await().atMost(WAIT).until(() -> "FAILED".equals(log(email).get("status")));
        assertThat(log(email)).containsEntry("error_key", "notifications.error.mailFailed");
        await().atMost(WAIT).until(() -> {
            failedPublications.resubmit(ResubmissionOptions.defaults().withFilter(p -> p.getEvent() instanceof VoterNotificationRequested));
            return "SENT".equals(log(email).get("status"));
        });
        assertThat(awaitMessageTo(email).getContent().toString()).contains("吴十");
        assertThat(log(email)).containsEntry("attempts", 2);
    }

    private MimeMessage awaitMessageTo(String email) throws Exception {
        await().atMost(WAIT).until(() -> SMTP.received().stream().anyMatch(m -> m.recipients().contains(email)));
        String data = SMTP.received().stream().filter(m -> m.recipients().contains(email)).findFirst().orElseThrow().data();
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(data.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private Map<String, Object> log(String email) {
        return jdbc.sql("select channel, recipient, status, error_key, attempts from notification_log where recipient = :r")
                .param("r", Masking.email(email)).query().listOfRows().stream().findFirst().orElse(Map.of());
    }
}
