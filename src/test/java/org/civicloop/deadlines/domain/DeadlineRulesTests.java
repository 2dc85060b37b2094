package org.civicloop.deadlines.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlineRulesTests {

    private final DeadlineRules rules = new DeadlineRules(new DeadlineProperties(Map.of(
            "opinion.default.working-days", "15",
            "opinion.default.warn-before", "3",
            "opinion.category.ENVIRONMENT.working-days", "10",
            "suggestion.reply.calendar-months", "3",
            "suggestion.reply.warn-before", "10",
            "opinion.urgent.hours", "24",
            "opinion.urgent.warn-before", "4"), Duration.ofMinutes(1), Duration.ofMinutes(5)));

    @Test
    void aSpecificRuleWinsOverItsFallback() {
        DeadlineRule rule = rules.resolve("opinion.category.ENVIRONMENT", "opinion.default");
        assertThat(rule).isEqualTo(DeadlineRule.workingDays("opinion.category.ENVIRONMENT", 10, 0));
    }

    @Test
    void aMissingSpecificRuleFallsBackToTheDefaultTheCallerNames() {
        DeadlineRule rule = rules.resolve("opinion.category.TRAFFIC", "opinion.default");
        assertThat(rule).isEqualTo(DeadlineRule.workingDays("opinion.default", 15, 3));
    }

    @Test
    void monthAndHourRulesAreReadWithTheirWarnings() {
        assertThat(rules.resolve("suggestion.reply", null)).isEqualTo(DeadlineRule.calendarMonths("suggestion.reply", 3, 10));
        assertThat(rules.resolve("opinion.urgent", "opinion.default")).isEqualTo(DeadlineRule.hours("opinion.urgent", 24, 4));
    }

    @Test
    void ruleKeysIgnoreCaseAndEnvironmentStyleAttributes() {
        Map<String, DeadlineRule> parsed = DeadlineRules.parse(Map.of("opinion.default.workingdays", "15"));
        assertThat(parsed.get("opinion.default")).isEqualTo(DeadlineRule.workingDays("opinion.default", 15, 0));
        assertThat(rules.find("OPINION.CATEGORY.environment")).isPresent();
    }

    @Test
    void neitherRuleNorFallbackIsAProgrammingError() {
        assertThatThrownBy(() -> rules.resolve("nothing.here", "nor.here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing.here").hasMessageContaining("nor.here");
    }

    @Test
    void malformedRulesStopTheStartWithTheRuleNamed() {
        assertThatThrownBy(() -> DeadlineRules.parse(Map.of("a.working-days", "5", "a.hours", "3")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("civicloop.deadlines.rules.a");
        assertThatThrownBy(() -> DeadlineRules.parse(Map.of("b.weeks", "2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("b.weeks");
        assertThatThrownBy(() -> DeadlineRules.parse(Map.of("c.working-days", "fifteen")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fifteen");
        assertThatThrownBy(() -> DeadlineRules.parse(Map.of("d.warn-before", "2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> DeadlineRules.parse(Map.of("e.working-days", "0")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("positive");
    }
}
