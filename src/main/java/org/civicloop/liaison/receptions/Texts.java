package org.civicloop.liaison.receptions;

import org.civicloop.shared.BusinessException;

/** The checks every free text of a reception passes: trimmed, limited in length, no control characters. */
final class Texts {

    private Texts() {
    }

    /** Stripped, or null when blank. */
    static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** One line: no control characters at all. */
    static void check(String text, int max, String tooLongKey, String controlKey) {
        if (text == null) {
            return;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw BusinessException.invalid(tooLongKey, max);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw BusinessException.invalid(controlKey);
        }
    }

    /** Several lines: line breaks and tabs allowed, other control characters (NUL...) refused. */
    static void checkMultiline(String text, int max, String tooLongKey, String controlKey) {
        if (text == null) {
            return;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw BusinessException.invalid(tooLongKey, max);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw BusinessException.invalid(controlKey);
        }
    }
}
