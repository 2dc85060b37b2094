package org.civicloop.notifications.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civicloop.notifications.Masking;
import org.civicloop.notifications.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a committed voter notification on each channel the voter gave, in the background.
 *
 * <p>Each channel is attempted in its own short transaction that locks the pending row, so two
 * deliveries of the same event (a retry racing a slow first attempt, two nodes) never send twice,
 * and a channel that succeeded is not repeated when another one is retried. If a channel failed
 * and has attempts left, the handler throws: Spring Modulith keeps the event publication as
 * FAILED and {@link NotificationRetry} resubmits it. Once every channel is sent, skipped or given
 * up, the pending row with the contact details is deleted; only the masked log remains.
 */
@Component
class VoterNotificationHandler {

    private static final Logger log = LoggerFactory.getLogger(VoterNotificationHandler.class);

    static final String SMS = "SMS";
    static final String EMAIL = "EMAIL";
    static final String NONE = "NONE";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final SmsSender sms;
    private final MailChannel mail;
    private final NotificationProperties properties;
    private final TransactionTemplate tx;

    VoterNotificationHandler(JdbcClient jdbc, JsonMapper json, MessageSource messages, SmsSender sms, MailChannel mail,
                             NotificationProperties properties, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.sms = sms;
        this.mail = mail;
        this.properties = properties;
        this.tx = tx;
    }

    /** No surrounding transaction: each channel commits its own outcome, whatever happens to the others. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(VoterNotificationRequested event) {
        UUID id = event.notificationId();
        Optional<Pending> found = jdbc.sql("select id, phone, email, message_key, arguments::text, locale from notification_pending where id = :id")
                .param("id", id)
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        Arrays.asList(json.readValue(rs.getString(5), String[].class)), Locale.forLanguageTag(rs.getString(6))))
                .optional();
        if (found.isEmpty()) {
            return; // completed by an earlier delivery of the same event
        }
        Pending p = found.get();
        boolean retry = false;
        if (p.phone() == null && p.email() == null) {
            skip(p, NONE, null, "notifications.error.noContact");
        }
        if (p.phone() != null) {
            if (sms instanceof LoggingSmsSender) {
                // logged, not sent: the log must not tell staff that the voter got an SMS
                sms.send(p.phone(), text(p));
                skip(p, SMS, Masking.phone(p.phone()), "notifications.error.smsNotConfigured");
            } else {
                retry |= attempt(p, SMS, Masking.phone(p.phone()), "notifications.error.smsFailed",
                        () -> sms.send(p.phone(), text(p)));
            }
        }
        if (p.email() != null) {
            if (mail.configured()) {
                retry |= attempt(p, EMAIL, Masking.email(p.email()), "notifications.error.mailFailed",
                        () -> mail.send(p.email(), subject(p), text(p)));
            } else {
                log.info("E-mail to {} skipped: e-mail is not configured (spring.mail.host is not set)", Masking.email(p.email()));
                skip(p, EMAIL, Masking.email(p.email()), "notifications.error.mailNotConfigured");
            }
        }
        if (retry) {
            throw new NotificationNotDelivered(id);
        }
        jdbc.sql("delete from notification_pending where id = :id").param("id", id).update();
    }

    /** @return whether the channel should be tried again later */
    private boolean attempt(Pending p, String channel, String masked, String errorKey, Runnable send) {
        Boolean retry = tx.execute(status -> {
            if (!lockPending(p.id())) {
                return false;
            }
            Optional<Previous> previous = previous(p.id(), channel);
            if (previous.isPresent() && (!previous.get().status().equals("FAILED")
                    || previous.get().attempts() >= properties.maxAttempts())) {
                return false; // sent, skipped or given up by an earlier delivery
            }
            int attempt = previous.map(Previous::attempts).orElse(0) + 1;
            try {
                send.run();
            } catch (RuntimeException e) {
                boolean again = attempt < properties.maxAttempts();
                log.warn("{} to {} failed (attempt {} of {}{}): {}", channel, masked, attempt, properties.maxAttempts(),
                        again ? ", will retry" : ", giving up", e.getClass().getName());
                log.debug("{} failure", channel, e);
                record(p, channel, masked, "FAILED", errorKey, attempt);
                return again;
            }
            record(p, channel, masked, "SENT", null, attempt);
            return false;
        });
        return Boolean.TRUE.equals(retry);
    }

    private void skip(Pending p, String channel, String masked, String reasonKey) {
        tx.executeWithoutResult(status -> {
            if (lockPending(p.id()) && previous(p.id(), channel).map(r -> !r.status().equals("SENT")).orElse(true)) {
                record(p, channel, masked, "SKIPPED", reasonKey, 0);
            }
        });
    }

    private boolean lockPending(UUID id) {
        return jdbc.sql("select 1 from notification_pending where id = :id for update").param("id", id)
                .query(Integer.class).optional().isPresent();
    }

    private Optional<Previous> previous(UUID id, String channel) {
        return jdbc.sql("select status, attempts from notification_log where notification_id = :id and channel = :channel")
                .param("id", id).param("channel", channel)
                .query((rs, n) -> new Previous(rs.getString(1), rs.getInt(2))).optional();
    }

    private void record(Pending p, String channel, String masked, String status, String errorKey, int attempts) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into notification_log (notification_id, channel, recipient, message_key, status, error_key,
                                                      attempts, attempted_at, sent_at)
                        values (:id, :channel, :recipient, :key, :status, :error, :attempts, :now, :sentAt)
                        on conflict (notification_id, channel) do update
                            set status = excluded.status, error_key = excluded.error_key, attempts = excluded.attempts,
                                attempted_at = excluded.attempted_at, sent_at = excluded.sent_at""")
                .param("id", p.id()).param("channel", channel).param("recipient", masked).param("key", p.messageKey())
                .param("status", status).param("error", errorKey).param("attempts", attempts).param("now", now)
                .param("sentAt", status.equals("SENT") ? now : null)
                .update();
    }

    private String text(Pending p) {
        return messages.getMessage(p.messageKey(), p.arguments().toArray(), p.locale());
    }

    private String subject(Pending p) {
        String specific = messages.getMessage(p.messageKey() + ".subject", p.arguments().toArray(), null, p.locale());
        return specific != null ? specific : messages.getMessage("notifications.mail.subject", null, p.locale());
    }

    private record Pending(UUID id, String phone, String email, String messageKey, List<String> arguments, Locale locale) {

        @Override
        public String toString() {
            return "Pending[" + id + "]";
        }
    }

    private record Previous(String status, int attempts) {
    }

    /**
     * Thrown to keep the event publication incomplete so that it is retried; names no recipient.
     * No stack trace: the executor logs it on every attempt, and the warning above says why.
     */
    static final class NotificationNotDelivered extends RuntimeException {

        NotificationNotDelivered(UUID id) {
            super("Notification " + id + " not delivered yet; it will be retried", null, false, false);
        }
    }
}
