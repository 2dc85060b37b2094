package org.civicloop.performance.evaluation.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.shared.BusinessException;

/**
 * The period a scheme evaluates, written as a code: {@code 2025} a year, {@code 2026-H1} a half-year,
 * {@code 2026-M09} the months to date (January to September). Shown through
 * {@code performance.eval.period.<kind>} with the year and the half or the last month as arguments.
 */
public record EvaluationPeriod(PeriodKind kind, int year, int part) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern MONTHS = Pattern.compile("(\\d{4})-M(0[1-9]|1[0-2])");

    public EvaluationPeriod {
        if (kind == null || year < 2000 || year > 2100) {
            throw BusinessException.invalid("performance.eval.error.period");
        }
    }

    /** The period of a code, which must match the kind. */
    public static EvaluationPeriod of(PeriodKind kind, String code) {
        String c = code == null ? "" : code.strip();
        Matcher m;
        if (kind == PeriodKind.YEAR && (m = YEAR.matcher(c)).matches()) {
            return new EvaluationPeriod(kind, Integer.parseInt(m.group(1)), 0);
        }
        if (kind == PeriodKind.HALF_YEAR && (m = HALF.matcher(c)).matches()) {
            return new EvaluationPeriod(kind, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (kind == PeriodKind.MONTHS_TO_DATE && (m = MONTHS.matcher(c)).matches()) {
            return new EvaluationPeriod(kind, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        throw BusinessException.invalid("performance.eval.error.period");
    }

    public String code() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case HALF_YEAR -> year + "-H" + part;
            case MONTHS_TO_DATE -> "%d-M%02d".formatted(year, part);
        };
    }

    /** The first day the period covers. */
    public java.time.LocalDate firstDay() {
        return java.time.LocalDate.of(year, kind == PeriodKind.HALF_YEAR && part == 2 ? 7 : 1, 1);
    }

    /** The last day the period covers. */
    public java.time.LocalDate lastDay() {
        return lastMonth().atEndOfMonth();
    }

    /** The last month the period covers, as a date's year and month. */
    public java.time.YearMonth lastMonth() {
        return java.time.YearMonth.of(year, switch (kind) {
            case YEAR -> 12;
            case HALF_YEAR -> 6 * part;
            case MONTHS_TO_DATE -> part;
        });
    }

    /** The message key of its label; arguments {@link #labelArguments()}. */
    public String labelKey() {
        return "performance.eval.period." + kind.name() + (kind == PeriodKind.HALF_YEAR ? "." + part : "");
    }

    /** The year as text (not grouped as a number) and the last month as a number (English names it by choice). */
    public Object[] labelArguments() {
        return new Object[] {Integer.toString(year), part};
    }
}
