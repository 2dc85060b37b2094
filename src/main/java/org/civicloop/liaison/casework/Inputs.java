package org.civicloop.liaison.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.civicloop.shared.InvalidInput.Problem;

/**
 * The field rules the activity, matter and dispute forms share: a declared maximum length, no
 * control characters (line breaks only where the field is a text box), phones as in China. Each
 * check adds a problem under the field's name; an empty list means the command may be stored.
 */
public final class Inputs {

    /** A mobile (1[3-9] and nine digits) or a landline with its area code (0851-12345678, 085112345678). */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    private Inputs() {
    }

    /** A required text of at most {@code max} characters; {@code multiline} allows line breaks and tabs. */
    public static void required(List<Problem> problems, String field, String value, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "casework.error.required"));
        } else {
            optional(problems, field, value, max, multiline);
        }
    }

    /** An optional text: when given, at most {@code max} characters and no control characters. */
    public static void optional(List<Problem> problems, String field, String value, int max, boolean multiline) {
        if (value == null) {
            return;
        }
        if (value.strip().codePointCount(0, value.strip().length()) > max) {
            problems.add(new Problem(field, "casework.error.tooLong", max));
        } else if (hasControlCharacters(value, multiline)) {
            problems.add(new Problem(field, "casework.error.controlCharacters"));
        }
    }

    public static void phone(List<Problem> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "casework.error.required"));
            }
        } else if (!PHONE.matcher(value.strip()).matches()) {
            problems.add(new Problem(field, "casework.error.phone"));
        }
    }

    /** A date that has come: not empty, not after {@code today}, not before 2000. */
    public static void pastDate(List<Problem> problems, String field, LocalDate date, LocalDate today) {
        if (date == null) {
            problems.add(new Problem(field, "casework.error.date"));
        } else if (date.isAfter(today) || date.getYear() < 2000) {
            problems.add(new Problem(field, "casework.error.dateRange"));
        }
    }

    public static void deputies(List<Problem> problems, String field, Collection<Long> deputyIds) {
        if (deputyIds == null || deputyIds.isEmpty()) {
            problems.add(new Problem(field, "casework.error.deputies"));
        } else if (deputyIds.size() > 20) {
            problems.add(new Problem(field, "casework.error.tooManyDeputies", 20));
        }
    }

    public static boolean hasControlCharacters(String s, boolean multiline) {
        return s.codePoints().anyMatch(c -> (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    }

    /** Blank reads as absent; otherwise trimmed. */
    public static String orNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: enough to tell parties apart in a list, not to identify them. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** 13812341234 → 138****1234; short or odd numbers are hidden entirely. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < 8 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
