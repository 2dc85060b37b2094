package org.civicloop.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** How an aggregate summarises itself for the audit trail's before/after columns. */
public final class AuditSummary {

    private AuditSummary() {
    }

    /** An ordered map of the given keys and values, tolerant of nulls (Map.of is not). */
    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Enough of a phone number to tell a change apart, not the number itself: {@code *******5678}. */
    public static String maskedPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }
}
