package org.civicloop.opinions.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.shared.InvalidInput.Problem;

/**
 * When and where an opinion recorded in person was heard (a reception, a market day, a visit) and
 * how many people came, if counted. Stored beside the opinion ({@code opinion_reception}).
 *
 * @param receivedAt   when the reception took place
 * @param place        where, as the recorder wrote it (a market, a station, a village hall)
 * @param visitorCount how many people came; null when not counted
 */
public record ReceptionDetails(Instant receivedAt, String place, Integer visitorCount) {

    public static final int PLACE_MAX_LENGTH = 100;
    public static final int MAX_VISITORS = 10_000;
    /** A reception recorded later (from paper notes) may be this old at most; older is taken for a typing error. */
    public static final Duration MAX_AGE = Duration.ofDays(366);
    /** Phones' clocks drift: a time this far ahead of the server's still counts as now. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    /**
     * Checks what the form sent: the time as {@code yyyy-MM-ddTHH:mm} in the district's zone, the
     * place, and the count (blank, or a whole number from 1).
     */
    public static List<Problem> check(String receivedAt, String place, String visitorCount, ZoneId zone,
                                                   Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (SubmitOpinion.orNull(receivedAt) == null) {
            problems.add(new Problem("receivedAt", "opinion.error.receivedAtRequired"));
        } else {
            Instant at = parseTime(receivedAt, zone);
            if (at == null) {
                problems.add(new Problem("receivedAt", "opinion.error.receivedAt"));
            } else if (at.isAfter(now.plus(CLOCK_SLACK))) {
                problems.add(new Problem("receivedAt", "opinion.error.receivedAtFuture"));
            } else if (at.isBefore(now.minus(MAX_AGE))) {
                problems.add(new Problem("receivedAt", "opinion.error.receivedAtTooOld"));
            }
        }
        if (SubmitOpinion.orNull(place) == null) {
            problems.add(new Problem("receptionPlace", "opinion.error.receptionPlaceRequired"));
        } else if (place.strip().codePointCount(0, place.strip().length()) > PLACE_MAX_LENGTH
                || SubmitOpinion.hasControlCharacters(place, false)) {
            problems.add(new Problem("receptionPlace", "opinion.error.receptionPlace",
                    String.valueOf(PLACE_MAX_LENGTH)));
        }
        if (SubmitOpinion.orNull(visitorCount) != null && parseCount(visitorCount) == null) {
            problems.add(new Problem("visitorCount", "opinion.error.visitorCount", String.valueOf(MAX_VISITORS)));
        }
        return problems;
    }

    /** What {@link #check} accepted, as a value. */
    public static ReceptionDetails of(String receivedAt, String place, String visitorCount, ZoneId zone) {
        return new ReceptionDetails(parseTime(receivedAt, zone), place.strip(),
                SubmitOpinion.orNull(visitorCount) == null ? null : parseCount(visitorCount));
    }

    private static Instant parseTime(String value, ZoneId zone) {
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer parseCount(String value) {
        String digits = value.strip();
        if (!digits.matches("\\d{1,6}")) {
            return null;
        }
        int n = Integer.parseInt(digits);
        return n >= 1 && n <= MAX_VISITORS ? n : null;
    }
}
