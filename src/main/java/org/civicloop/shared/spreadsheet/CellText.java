package org.civicloop.shared.spreadsheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How cell contents become text: numbers as Excel shows them in General format, dates in ISO form. */
final class CellText {

    /** Excel shows 15 significant digits; the 16th and 17th in the file are binary noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern XML_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private CellText() {
    }

    /** A number as written in the file, e.g. {@code 1.0E-3} or {@code 12.000000000000002}, as plain text. */
    static String number(String raw) {
        try {
            BigDecimal value = new BigDecimal(raw.strip()).round(EXCEL_PRECISION).stripTrailingZeros();
            return value.signum() == 0 ? "0" : value.toPlainString();
        } catch (NumberFormatException e) {
            return raw.strip();
        }
    }

    /** {@code yyyy-MM-dd} for a midnight date cell, {@code yyyy-MM-dd HH:mm[:ss]} otherwise. */
    static String dateTime(LocalDateTime value, boolean dateOnlyFormat) {
        if (dateOnlyFormat && value.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return DATE.format(value);
        }
        return (value.getSecond() == 0 ? MINUTES : SECONDS).format(value);
    }

    /** {@code HH:mm[:ss]} for a cell formatted as a time of day only. */
    static String time(LocalTime value) {
        return (value.getSecond() == 0 ? TIME_MINUTES : TIME_SECONDS).format(value);
    }

    /** Office writes characters XML cannot hold as {@code _xHHHH_} (and a literal "_x" as {@code _x005F_x}). */
    static String decodeEscapes(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = XML_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Characters that have no business in a table cell: C0 and C1 controls other than tab and line
     * breaks, DEL, the non-characters U+FFFE/U+FFFF and unpaired surrogates. PostgreSQL refuses
     * NUL outright, and the others hide text or break exports.
     */
    static boolean isUnwanted(String text, int i) {
        char c = text.charAt(i);
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** Column letters as Excel shows them: 0 is A, 26 is AA. */
    static String columnLetter(int index) {
        StringBuilder s = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }
}
