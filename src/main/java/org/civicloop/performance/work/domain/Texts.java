package org.civicloop.performance.work.domain;

import org.civicloop.shared.BusinessException;

/** Checks of free text: trimmed, within a length, required or not. */
final class Texts {

    private Texts() {
    }

    static String required(String text, int max, String field) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw BusinessException.invalid("performance.work.error.required." + field);
        }
        return within(t, max);
    }

    static String optional(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? null : within(t, max);
    }

    private static String within(String t, int max) {
        if (t.codePointCount(0, t.length()) > max) {
            throw BusinessException.invalid("performance.work.error.tooLong", max);
        }
        return t;
    }
}
