package org.civicloop.deputies;

import java.util.Optional;

/** What other modules may ask about deputies. They never read the roster's tables. */
public interface Deputies {

    /**
     * The deputy a duty QR code stands for, if the token is theirs and they are serving
     * ({@code ACTIVE}): a suspended or ended deputy's code no longer receives opinions.
     * Case is ignored; anything not shaped like a token finds nothing.
     */
    Optional<DeputySummary> byDutyToken(String token);

    /** A deputy by id, whatever their status (old opinions still name their deputy). */
    Optional<DeputySummary> find(long deputyId);

    /**
     * The deputy's mobile number, for a message the deputy must act on (a co-signing link): personal
     * data, so it is handed out for sending only and never shown.
     */
    Optional<String> phoneForMessage(long deputyId);

    /** The deputy record linked to a login, whatever its status. */
    Optional<DeputySummary> forAccount(long accountId);
}
