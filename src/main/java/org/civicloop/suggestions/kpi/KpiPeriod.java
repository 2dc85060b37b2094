package org.civicloop.suggestions.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.shared.BusinessException;
import org.springframework.context.MessageSource;

/**
 * The period a KPI or a bulletin covers: whole days in the district's time zone, both ends included.
 * Presets are written as codes ({@code 2026} the year, {@code 2026-H1} a half-year, {@code 2026-Q3} a
 * quarter, {@code 2026-11} a month); any other range has no code.
 *
 * @param from first day
 * @param to   last day (included)
 * @param code the preset's code, or {@code null} for a custom range
 */
public record KpiPeriod(LocalDate from, LocalDate to, String code) {

    /** The longest custom range: five years. */
    static final int MAX_DAYS = 5 * 366;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    public KpiPeriod {
        if (from == null || to == null) {
            throw BusinessException.invalid("kpi.error.period");
        }
        if (from.isAfter(to)) {
            throw BusinessException.invalid("kpi.error.fromAfterTo");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw BusinessException.invalid("kpi.error.tooLong");
        }
    }

    /** A preset by its code; an unknown code is invalid input. */
    public static KpiPeriod of(String code) {
        String c = code == null ? "" : code.strip();
        Matcher m;
        if ((m = YEAR.matcher(c)).matches()) {
            int y = year(m.group(1));
            return new KpiPeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), c);
        }
        if ((m = HALF.matcher(c)).matches()) {
            LocalDate first = LocalDate.of(year(m.group(1)), m.group(2).equals("1") ? 1 : 7, 1);
            return new KpiPeriod(first, first.plusMonths(6).minusDays(1), c);
        }
        if ((m = QUARTER.matcher(c)).matches()) {
            LocalDate first = LocalDate.of(year(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return new KpiPeriod(first, first.plusMonths(3).minusDays(1), c);
        }
        if ((m = MONTH.matcher(c)).matches()) {
            LocalDate first = LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), 1);
            return new KpiPeriod(first, first.plusMonths(1).minusDays(1), c);
        }
        throw BusinessException.invalid("kpi.error.period");
    }

    /** A custom range of days. */
    public static KpiPeriod between(LocalDate from, LocalDate to) {
        return new KpiPeriod(from, to, null);
    }

    /** The preset if {@code from} and {@code to} are not given, else the range. */
    public static KpiPeriod of(String code, LocalDate from, LocalDate to) {
        if (from != null || to != null) {
            return between(from, to);
        }
        return of(code);
    }

    /** This year so far is the default view. */
    public static KpiPeriod yearOf(LocalDate today) {
        return of(Integer.toString(today.getYear()));
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        if (y < 2000 || y > 2100) {
            throw BusinessException.invalid("kpi.error.period");
        }
        return y;
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** What kind of preset: {@code year}, {@code half}, {@code quarter}, {@code month} or {@code custom}. */
    public String kind() {
        if (code == null) {
            return "custom";
        }
        if (code.length() == 4) {
            return "year";
        }
        return switch (code.charAt(5)) {
            case 'H' -> "half";
            case 'Q' -> "quarter";
            default -> "month";
        };
    }

    /**
     * The period's name in the reader's language, from {@code kpi.period.<kind>}: 2026年第三季度,
     * 2026年11月, 2026年1月1日至2026年3月15日. Years and numbers are passed as text so that no
     * thousands separator creeps in.
     */
    public String label(MessageSource messages, Locale locale) {
        Object[] args = switch (kind()) {
            case "year" -> new Object[] {code};
            case "half" -> new Object[] {code.substring(0, 4)};
            case "quarter" -> new Object[] {code.substring(0, 4), code.substring(6)};
            case "month" -> new Object[] {code.substring(0, 4), Integer.toString(Integer.parseInt(code.substring(5)))};
            default -> {
                DateTimeFormatter day = DateTimeFormatter.ofPattern(messages.getMessage("format.date", null, locale), locale);
                yield new Object[] {day.format(from), day.format(to)};
            }
        };
        String key = "half".equals(kind()) ? "kpi.period.half" + code.substring(6) : "kpi.period." + kind();
        return messages.getMessage(key, args, locale);
    }

    /** The presets offered for a year: the year, its halves, quarters and months. */
    public static List<KpiPeriod> presets(int year) {
        List<KpiPeriod> list = new ArrayList<>();
        list.add(of(Integer.toString(year)));
        for (int h = 1; h <= 2; h++) {
            list.add(of(year + "-H" + h));
        }
        for (int q = 1; q <= 4; q++) {
            list.add(of(year + "-Q" + q));
        }
        for (int m = 1; m <= 12; m++) {
            list.add(of(String.format("%d-%02d", year, m)));
        }
        return list;
    }
}
