package org.civicloop.suggestions.supervision.domain;

import java.time.LocalDate;
import org.civicloop.shared.BusinessException;

/** Checks of what people type, with the reasons in the message bundles. */
final class Texts {

    private Texts() {
    }

    static String required(String text, int max) {
        if (text == null || text.isBlank()) {
            throw BusinessException.invalid("supervision.error.textRequired");
        }
        if (text.strip().length() > max) {
            throw BusinessException.invalid("supervision.error.textTooLong", max);
        }
        return text.strip();
    }

    static String optional(String text, int max) {
        return text == null || text.isBlank() ? null : required(text, max);
    }

    static LocalDate date(LocalDate date) {
        if (date == null) {
            throw BusinessException.invalid("supervision.error.dateRequired");
        }
        return date;
    }

    static LocalDate notFuture(LocalDate date, LocalDate today) {
        if (date(date).isAfter(today)) {
            throw BusinessException.invalid("supervision.error.dateInFuture");
        }
        return date;
    }
}
