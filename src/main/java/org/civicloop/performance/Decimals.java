package org.civicloop.performance;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a number typed into the performance pages or their sheets (figures, weights,
 * targets, caps, score ranges, points, amounts): digits with an optional sign, a decimal point and
 * at most 4 decimals, at most 13 whole digits, within ±{@value #MAX_TEXT}, an optional trailing
 * percent sign. A comma is refused, never dropped: "38,5" is 38.5 written the European way or
 * 385 with a thousands separator, and guessing either moves every district's score.
 */
public final class Decimals {

    /** The message key for a number that is refused only for its comma(s). */
    public static final String COMMA = "performance.error.decimalComma";
    /** The message key for anything else that is not a number. */
    public static final String NOT_A_NUMBER = "performance.eval.error.number";

    static final String MAX_TEXT = "1000000000000";
    private static final BigDecimal MAX = new BigDecimal(MAX_TEXT);
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,13}(\\.\\d{1,4})?");

    private Decimals() {
    }

    /** A text read as a number: the value, or why not (a message key); blank is neither. */
    public record Read(BigDecimal value, String problem) {

        public boolean blank() {
            return value == null && problem == null;
        }

        public Optional<BigDecimal> number() {
            return Optional.ofNullable(value);
        }
    }

    public static Read read(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Read(null, null);
        }
        t = t.replace("%", "").replace("\uFF05", "").strip();
        if (t.indexOf(',') >= 0 || t.indexOf('\uFF0C') >= 0) {
            boolean numberWithoutCommas = NUMBER.matcher(t.replace(",", "").replace("\uFF0C", "")).matches();
            return new Read(null, numberWithoutCommas ? COMMA : NOT_A_NUMBER);
        }
        if (!NUMBER.matcher(t).matches()) {
            return new Read(null, NOT_A_NUMBER);
        }
        BigDecimal v = new BigDecimal(t);
        return v.abs().compareTo(MAX) > 0 ? new Read(null, NOT_A_NUMBER) : new Read(v, null);
    }

    /** The number, or empty when blank or refused. */
    public static Optional<BigDecimal> parse(String text) {
        return read(text).number();
    }
}
