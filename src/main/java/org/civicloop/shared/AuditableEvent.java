package org.civicloop.shared;

import java.util.Map;

/**
 * A past-tense event that changed state. The audit module records every one of them, in the
 * publishing transaction, so the change and its audit row commit together or not at all.
 */
public interface AuditableEvent {

    /** What kind of thing changed, e.g. {@code account}. */
    String subjectType();

    /** Which one, as text (ids are numbers today, codes tomorrow). */
    String subjectId();

    /** What happened, as a stable dotted key, e.g. {@code account.locked}; also a message key suffix. */
    String action();

    /** A short summary of the relevant fields before the change; empty for creations. */
    default Map<String, Object> before() {
        return Map.of();
    }

    /** A short summary of the relevant fields after the change. */
    Map<String, Object> after();
}
