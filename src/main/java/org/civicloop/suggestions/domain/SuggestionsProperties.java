package org.civicloop.suggestions.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.suggestions.*}: the rules a province sets differently (time limits themselves are
 * deadline rules, {@code civicloop.deadlines.rules.suggestion.*}).
 *
 * @param maxReplyMonths  the latest an approved extension may move a reply to, in months from assignment
 * @param maxRehandlings  how often a dissatisfied deputy can send it back; after that dissatisfied closes it
 * @param unevaluatedAs   what an evaluation the lead deputy did not give by the deadline
 *                        ({@code suggestion.feedback}) counts as when the suggestion closes by itself
 *                        (commonly "逾期未反馈的视为满意"); the closure is flagged as deemed
 */
@ConfigurationProperties("civicloop.suggestions")
public record SuggestionsProperties(@DefaultValue("6") int maxReplyMonths, @DefaultValue("1") int maxRehandlings,
                                    @DefaultValue("SATISFIED") Evaluation unevaluatedAs) {
}
