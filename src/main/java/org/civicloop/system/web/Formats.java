package org.civicloop.system.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.DaysLate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and numbers the way the reader writes them: 2026年11月27日 and 1.2万 in Chinese, the
 * English conventions otherwise. Patterns live in the message bundles; templates call
 * {@code ${@fmt.date(x)}}.
 */
@Component("fmt")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Formats {

    private final MessageSource messages;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    public String date(Object value) {
        return format(value, "format.date");
    }

    /** A day with its weekday (2026年12月8日 周二), for rosters and reception days. */
    public String dateWithWeekday(Object value) {
        return format(value, "format.dateWithWeekday");
    }

    public String dateTime(Object value) {
        return format(value, "format.dateTime");
    }

    /** Calendar days an item is late at this moment, as every page says it: 逾期 N 天 ({@link DaysLate}). */
    public long daysLate(Instant dueAt) {
        return DaysLate.of(dueAt, Instant.now(), zone);
    }

    /** A month given as {@code 2026-01}: 2026年1月, Jan 2026. */
    public String month(String yearMonth) {
        return yearMonth == null || yearMonth.isBlank() ? "" : format(YearMonth.parse(yearMonth), "format.month");
    }

    /** Counts: below 10,000 as digits; above, in 万 or 亿 for Chinese readers. */
    public String count(long value) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!locale.getLanguage().equals("zh") || Math.abs(value) < 10_000) {
            return java.text.NumberFormat.getIntegerInstance(locale).format(value);
        }
        boolean yi = Math.abs(value) >= 100_000_000L;
        BigDecimal scaled = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(yi ? 100_000_000L : 10_000L), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return scaled.toPlainString() + messages.getMessage(yi ? "format.unit.yi" : "format.unit.wan", null, locale);
    }

    public ZoneId zone() {
        return zone;
    }

    private String format(Object value, String patternKey) {
        if (value == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(messages.getMessage(patternKey, null, locale), locale);
        TemporalAccessor temporal;
        if (value instanceof Instant i) {
            temporal = i.atZone(zone);
        } else if (value instanceof OffsetDateTime o) {
            temporal = o.atZoneSameInstant(zone);
        } else if (value instanceof TemporalAccessor t) {
            temporal = t;
        } else {
            throw new IllegalArgumentException("Not a date: " + value.getClass());
        }
        return formatter.format(temporal);
    }
}
