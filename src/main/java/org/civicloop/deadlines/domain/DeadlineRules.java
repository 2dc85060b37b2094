package org.civicloop.deadlines.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The configured rules, read once from {@link DeadlineProperties} at start-up; a malformed rule stops
 * the start with a message naming it. Rule keys are matched without regard to case.
 */
@Component
public class DeadlineRules {

    private final Map<String, DeadlineRule> rules;

    DeadlineRules(DeadlineProperties properties) {
        this.rules = parse(properties.rules());
    }

    public static Map<String, DeadlineRule> parse(Map<String, String> flat) {
        Map<String, Map<String, Integer>> attributes = new TreeMap<>();
        for (Map.Entry<String, String> entry : flat.entrySet()) {
            String property = entry.getKey();
            int dot = property.lastIndexOf('.');
            if (dot <= 0) {
                throw invalid(property, "expected <ruleKey>.<working-days|calendar-months|hours|warn-before>");
            }
            String key = normalise(property.substring(0, dot));
            String attribute = property.substring(dot + 1).replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
            if (!attribute.equals("workingdays") && !attribute.equals("calendarmonths") && !attribute.equals("hours")
                    && !attribute.equals("warnbefore")) {
                throw invalid(property, "unknown attribute; use working-days, calendar-months, hours or warn-before");
            }
            int value;
            try {
                value = Integer.parseInt(entry.getValue().strip());
            } catch (NumberFormatException e) {
                throw invalid(property, "not a whole number: " + entry.getValue());
            }
            attributes.computeIfAbsent(key, k -> new HashMap<>()).put(attribute, value);
        }
        Map<String, DeadlineRule> parsed = new HashMap<>();
        attributes.forEach((key, a) -> {
            int warn = a.getOrDefault("warnbefore", 0);
            long limits = a.keySet().stream().filter(k -> !k.equals("warnbefore")).count();
            if (limits != 1) {
                throw invalid(key, "give exactly one of working-days, calendar-months or hours");
            }
            DeadlineRule rule;
            try {
                if (a.containsKey("workingdays")) {
                    rule = DeadlineRule.workingDays(key, a.get("workingdays"), warn);
                } else if (a.containsKey("calendarmonths")) {
                    rule = DeadlineRule.calendarMonths(key, a.get("calendarmonths"), warn);
                } else {
                    rule = DeadlineRule.hours(key, a.get("hours"), warn);
                }
            } catch (IllegalArgumentException e) {
                throw invalid(key, e.getMessage());
            }
            parsed.put(key, rule);
        });
        return Map.copyOf(parsed);
    }

    public Optional<DeadlineRule> find(String ruleKey) {
        return ruleKey == null ? Optional.empty() : Optional.ofNullable(rules.get(normalise(ruleKey)));
    }

    /**
     * The rule of {@code ruleKey}, or else of {@code fallbackRuleKey}, named as the caller wrote the key
     * that matched; neither configured is a programming error.
     */
    public DeadlineRule resolve(String ruleKey, String fallbackRuleKey) {
        return find(ruleKey).map(rule -> rule.withKey(ruleKey))
                .or(() -> find(fallbackRuleKey).map(rule -> rule.withKey(fallbackRuleKey)))
                .orElseThrow(() -> new IllegalArgumentException(
                "No deadline rule configured for " + ruleKey + " nor for its fallback " + fallbackRuleKey
                        + " (civicloop.deadlines.rules.<ruleKey>.working-days=...)"));
    }

    public Map<String, DeadlineRule> all() {
        return rules;
    }

    private static String normalise(String ruleKey) {
        return ruleKey.strip().toLowerCase(Locale.ROOT);
    }

    private static IllegalStateException invalid(String what, String why) {
        return new IllegalStateException("Invalid deadline rule civicloop.deadlines.rules." + what + ": " + why);
    }
}
