package org.civicloop.suggestions.supervision.domain;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.suggestions.supervision.*}: what a province sets differently about supervision.
 *
 * @param continuousClasses      audited result classes that put a closed suggestion on the continuous
 *                               supervision list of its year (连续督办)
 * @param trackingIntervalMonths the report interval a new tracking item (跟踪督办) is offered, in months
 * @param warningDays            how many calendar days before a due date an item turns yellow and its
 *                               unit is reminded
 * @param reminderInterval       how often the reminder task looks for reports due soon or overdue
 */
@ConfigurationProperties("civicloop.suggestions.supervision")
public record SupervisionProperties(@DefaultValue({"B", "C"}) Set<String> continuousClasses,
                                    @DefaultValue("3") int trackingIntervalMonths,
                                    @DefaultValue("14") int warningDays,
                                    @DefaultValue("1h") Duration reminderInterval) {
}
