package org.civicloop.liaison.receptions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicloop.shared.BusinessException;

/**
 * A site's fixed reception days (固定接待日): every given weekday (every Tuesday and Friday), or the
 * given days of the month (the 5th, 15th and 25th: a market town's market days), in a time window;
 * at the site, or for a mobile rule at a named place.
 *
 * @param days ISO weekday numbers (1 = Monday) for {@link Kind#WEEKLY}, days of the month for {@link Kind#MONTH_DAYS}
 */
public record ReceptionRule(Long id, long siteId, Kind kind, SortedSet<Integer> days, LocalTime startsAt,
                            LocalTime endsAt, String place) {

    public enum Kind { WEEKLY, MONTH_DAYS }

    public ReceptionRule {
        days = new TreeSet<>(days);
    }

    /** A new rule, checked: a kind, at least one day in range, a window that ends after it starts. */
    static ReceptionRule of(long siteId, Kind kind, SortedSet<Integer> days, LocalTime startsAt, LocalTime endsAt,
                            String place) {
        if (kind == null) {
            throw BusinessException.invalid("reception.error.ruleKindRequired");
        }
        if (days == null || days.isEmpty()) {
            throw BusinessException.invalid("reception.error.ruleDaysRequired");
        }
        int max = kind == Kind.WEEKLY ? 7 : 31;
        if (days.first() < 1 || days.last() > max) {
            throw BusinessException.invalid("reception.error.ruleDaysRange", max);
        }
        if (startsAt == null || endsAt == null) {
            throw BusinessException.invalid("reception.error.timeRequired");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw BusinessException.invalid("reception.error.endBeforeStart");
        }
        String cleanPlace = Texts.clean(place);
        Texts.check(cleanPlace, Reception.MAX_PLACE, "reception.error.placeTooLong", "reception.error.controlCharacters");
        return new ReceptionRule(null, siteId, kind, days, startsAt, endsAt, cleanPlace);
    }

    /** Parses the stored day list, {@code "2,5"}. */
    static SortedSet<Integer> parseDays(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    String storedDays() {
        return days.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public boolean mobile() {
        return place != null;
    }

    public boolean fallsOn(LocalDate day) {
        return kind == Kind.WEEKLY ? days.contains(day.getDayOfWeek().getValue()) : days.contains(day.getDayOfMonth());
    }

    /** The days from {@code from} to {@code to}, both included, that this rule names. */
    public List<LocalDate> datesBetween(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (fallsOn(d)) {
                dates.add(d);
            }
        }
        return dates;
    }

    public List<DayOfWeek> weekdays() {
        return kind == Kind.WEEKLY ? days.stream().map(DayOfWeek::of).toList() : List.of();
    }
}
