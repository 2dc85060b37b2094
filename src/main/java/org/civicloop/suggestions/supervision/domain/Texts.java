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

    /** The first day a supervision record may be dated (a typed 1900-01-01 is a slip, not a record). */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** How far ahead a milestone may be set: further is a slip (9999-12-31), not a plan. */
    static final int FURTHEST_YEARS = 10;

    /** A milestone, optional: not more than {@value #FURTHEST_YEARS} years after today. */
    static LocalDate notTooFar(LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today.plusYears(FURTHEST_YEARS))) {
            throw BusinessException.invalid("supervision.error.dateTooFar", FURTHEST_YEARS);
        }
        return date;
    }

    static LocalDate notFuture(LocalDate date, LocalDate today) {
        if (date(date).isAfter(today)) {
            throw BusinessException.invalid("supervision.error.dateInFuture");
        }
        if (date.isBefore(EARLIEST)) {
            throw BusinessException.invalid("supervision.error.dateTooEarly");
        }
        return date;
    }
}
