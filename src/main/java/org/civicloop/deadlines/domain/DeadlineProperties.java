package org.civicloop.deadlines.domain;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.deadlines.*}: the deadline rules and how often clocks are scanned.
 *
 * <p>Rules are written {@code civicloop.deadlines.rules.<ruleKey>.<attribute>=<value>}, where the
 * rule key is any dotted string the calling module chooses ({@code opinion.category.ENVIRONMENT})
 * and the attribute one of {@code working-days}, {@code calendar-months}, {@code hours} (exactly one
 * per rule) and {@code warn-before} (working days, or hours for an hour rule; 0 or absent: no
 * warning). They are bound as a flat map because rule keys hold dots; {@link DeadlineRules} reads it
 * and refuses to start on a malformed rule.
 *
 * @param rules           the flat rule map, e.g. {@code opinion.default.working-days -> 15}
 * @param scanInterval    how often running clocks are scanned for warnings and misses
 * @param calendarRefresh how long a node keeps the calendar before reading the table again (an import
 *                        refreshes the importing node at once)
 */
@ConfigurationProperties("civicloop.deadlines")
public record DeadlineProperties(Map<String, String> rules,
                                 @DefaultValue("1m") Duration scanInterval,
                                 @DefaultValue("5m") Duration calendarRefresh) {

    public DeadlineProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }
}
