package org.civicloop.notifications;

import java.util.List;

/**
 * The one way to tell someone something. Both methods join the caller's transaction: nothing is
 * sent or shown if it rolls back.
 */
public interface Notifications {

    /**
     * Sends a voter a text from the message bundles, by SMS if they gave a phone number and by
     * e-mail if they gave an address and e-mail is configured. Sending happens after the caller's
     * transaction commits, in the background; a failure is retried (see the README's
     * {@code civicloop.notifications.*} settings) and survives a restart. Every attempt is recorded,
     * with the recipient masked, in {@code notification_log}. An e-mail's subject is the bundle's
     * {@code <messageKey>.subject} if there is one, else {@code notifications.mail.subject}.
     *
     * @throws IllegalArgumentException if the message key is not in the bundles
     */
    void notifyVoter(VoterMessage message);

    /**
     * Leaves a message in a staff member's inbox ({@code /messages}), shown in the reader's language.
     *
     * @param accountId  the recipient's account
     * @param messageKey a key in the message bundles; {@code args} fill its placeholders
     * @param link       where the message leads, a path inside CivicLoop such as
     *                   {@code /opinions/42}, or {@code null}
     * @throws IllegalArgumentException if the key is unknown or the link is not a local path
     */
    void notifyStaff(long accountId, String messageKey, List<String> args, String link);

    /** How many of the account's in-app messages are unread. */
    long unreadStaffMessages(long accountId);
}
