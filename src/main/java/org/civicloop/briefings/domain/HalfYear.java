package org.civicloop.briefings.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 上半年 (January–June) or 下半年 (July–December) of a year: the period attendance is counted by. */
public record HalfYear(int year, int half) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-H([12])");

    public HalfYear {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("half is 1 or 2");
        }
    }

    public static HalfYear of(LocalDate day) {
        return new HalfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    /** {@code 2026-H2}; anything else (or a year outside 2000–2100) is empty. */
    public static Optional<HalfYear> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return year < 2000 || year > 2100 ? Optional.empty() : Optional.of(new HalfYear(year, Integer.parseInt(m.group(2))));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    /** The first day after it. */
    public LocalDate endExclusive() {
        return half == 1 ? LocalDate.of(year, 7, 1) : LocalDate.of(year + 1, 1, 1);
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    public String code() {
        return year + "-H" + half;
    }

    @Override
    public String toString() {
        return code();
    }
}
