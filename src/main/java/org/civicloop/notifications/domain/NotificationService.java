package org.civicloop.notifications.domain;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.notifications.Notifications;
import org.civicloop.notifications.VoterMessage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Voter notifications are written to {@code notification_pending} and announced with an event in
 * the caller's transaction; {@link VoterNotificationHandler} sends them once it has committed.
 * Staff messages are simply rows in the caller's transaction.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NotificationService implements Notifications {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final StaffMessages staffMessages;

    @Override
    @Transactional
    public void notifyVoter(VoterMessage message) {
        requireKnown(message.messageKey(), message.locale());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into notification_pending (id, phone, email, message_key, arguments, locale)
                        values (:id, :phone, :email, :key, cast(:args as jsonb), :locale)""")
                .param("id", id)
                .param("phone", message.phone())
                .param("email", message.email())
                .param("key", message.messageKey())
                .param("args", json.writeValueAsString(message.arguments()))
                .param("locale", message.locale().toLanguageTag())
                .update();
        events.publishEvent(new VoterNotificationRequested(id));
    }

    @Override
    @Transactional
    public void notifyStaff(long accountId, String messageKey, List<String> args, String link) {
        requireKnown(messageKey, Locale.SIMPLIFIED_CHINESE);
        if (link != null && !isLocalPath(link)) {
            throw new IllegalArgumentException("A message links to a path inside CivicLoop, such as /opinions/42");
        }
        staffMessages.add(accountId, messageKey, args == null ? List.of() : args, link);
    }

    @Override
    public long unreadStaffMessages(long accountId) {
        return staffMessages.unreadCount(accountId);
    }

    /** "/x", not "//host", "http:", "javascript:" or a backslash trick: the link stays on this site. */
    static boolean isLocalPath(String link) {
        return link.startsWith("/") && !link.startsWith("//") && link.indexOf('\\') < 0
                && link.chars().noneMatch(c -> c < 0x21 || c == 0x7F) && link.length() <= 500;
    }

    /** A wrong key is the caller's bug: better a failure now than a message that can never be sent. */
    private void requireKnown(String key, Locale locale) {
        try {
            messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            throw new IllegalArgumentException("No message " + key + " in the bundles", e);
        }
    }
}
