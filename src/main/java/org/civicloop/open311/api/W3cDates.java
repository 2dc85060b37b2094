package org.civicloop.open311.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * GeoReport v2's dates: the W3C profile of ISO 8601 with a time zone, written in the district's
 * zone to the second ({@code 2026-11-27T10:15:30+08:00}).
 */
final class W3cDates {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private W3cDates() {
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : OUT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /**
     * A date-time with its offset ({@code 2026-01-01T00:00:00Z}, {@code ...+08:00}, seconds and
     * fractions optional) or a date alone, which means that day in the district's zone: its start,
     * or for an end date its end. A '+' arrives as a space when a client forgets to encode it.
     */
    static Optional<Instant> parse(String text, ZoneId zone, boolean endOfDay) {
        String t = text.strip().replace(' ', '+');
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(t);
                return Optional.of(endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS)
                        : day.atStartOfDay(zone).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
