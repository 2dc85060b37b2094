package org.civicloop.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a named move did to an aggregate's status, with the move's own details: the part every
 * status event is audited by. {@code from} is null for a creation; {@code from} equals {@code to} for
 * a step that records something without moving (an edit, a contact).
 */
public record StatusChange(String from, String to, Map<String, Object> details) {

    public static StatusChange created(String to, Map<String, Object> details) {
        return new StatusChange(null, to, details);
    }

    public static StatusChange stay(String status, Map<String, Object> details) {
        return new StatusChange(status, status, details);
    }

    /** The audit's summary before: the old status, nothing for a creation. */
    public Map<String, Object> before() {
        return from == null ? Map.of() : Map.of("status", from);
    }

    /** The audit's summary after: the details, then the new status; the event may add its own fields after these. */
    public Map<String, Object> after() {
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("status", to);
        return after;
    }
}
