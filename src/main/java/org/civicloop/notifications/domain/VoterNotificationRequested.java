package org.civicloop.notifications.domain;

import java.util.UUID;

/**
 * Internal to the module: a voter notification was committed and waits in
 * {@code notification_pending}. It carries only the id, so the event publication registry (which
 * keeps serialised events) never holds a phone number or an e-mail address.
 */
public record VoterNotificationRequested(UUID notificationId) {
}
