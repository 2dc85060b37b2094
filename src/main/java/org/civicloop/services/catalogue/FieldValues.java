package org.civicloop.services.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civicloop.services.catalogue.ServiceDefinition.Field;

/**
 * Checks one value of the unified form against its field: required, length, and the type's own
 * rules — a resident identity number's check digit (GB 11643), a unified social credit code's
 * check character (GB 32100), a mobile or landline number, a date, a number, one of a choice's
 * options. The answer is a message key ({@code services.field.*}), or empty when the value is fine.
 */
public final class FieldValues {

    static final int TEXT_LIMIT = 200;
    static final int TEXTAREA_LIMIT = 2000;

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private FieldValues() {
    }

    /** The value as it is kept: trimmed, an identity number's and a credit code's letters upper case. */
    public static String normalise(Field field, String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        return switch (field.type()) {
            case ID_NUMBER, CREDIT_CODE -> v.toUpperCase(java.util.Locale.ROOT);
            default -> v;
        };
    }

    /**
     * A kept value as a page shows it: {@code date} set for a date (kept ISO, {@code 2026-12-28}), which
     * the page writes in its reader's convention ({@code @fmt.date}: 2026年12月28日, Dec 28, 2026); a
     * choice by its option's label; anything else as kept, in {@code text}.
     */
    public record Shown(String text, LocalDate date) {
    }

    public static Shown shown(Field field, String value) {
        if (value == null || value.isEmpty()) {
            return new Shown(value == null ? "" : value, null);
        }
        return switch (field.type()) {
            case DATE -> isDate(value) ? new Shown(value, LocalDate.parse(value)) : new Shown(value, null);
            case CHOICE -> new Shown(field.options().stream().filter(o -> o.code().equals(value))
                    .map(ServiceDefinition.Option::label).findFirst().orElse(value), null);
            default -> new Shown(value, null);
        };
    }

    public static Optional<String> problem(Field field, String raw) {
        String v = normalise(field, raw);
        if (v.isEmpty()) {
            return field.required() ? Optional.of("services.field.required") : Optional.empty();
        }
        int limit = field.maxLength() != null ? field.maxLength()
                : field.type() == ServiceDefinition.FieldType.TEXTAREA ? TEXTAREA_LIMIT : TEXT_LIMIT;
        if (v.codePointCount(0, v.length()) > limit) {
            return Optional.of("services.field.tooLong");
        }
        boolean ok = switch (field.type()) {
            case TEXT, TEXTAREA -> true;
            case NUMBER -> isNumber(v);
            case DATE -> isDate(v);
            case CHOICE -> field.options().stream().anyMatch(o -> o.code().equals(v));
            case PHONE -> PHONE.matcher(v).matches();
            case EMAIL -> EMAIL.matcher(v).matches();
            case ID_NUMBER -> isIdNumber(v);
            case CREDIT_CODE -> isCreditCode(v);
        };
        return ok ? Optional.empty() : Optional.of("services.field.invalid." + field.type().name());
    }

    static boolean isIdNumber(String v) {
        if (!v.matches("\\d{17}[\\dX]") || !isDate(v.substring(6, 10) + "-" + v.substring(10, 12) + "-" + v.substring(12, 14))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == v.charAt(17);
    }

    static boolean isCreditCode(String v) {
        if (v.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int c = CREDIT_CHARS.indexOf(v.charAt(i));
            if (c < 0) {
                return false;
            }
            sum += c * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return CREDIT_CHARS.charAt(check) == v.charAt(17);
    }

    private static boolean isNumber(String v) {
        try {
            new BigDecimal(v);
            return v.length() <= 30;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String v) {
        try {
            LocalDate.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
