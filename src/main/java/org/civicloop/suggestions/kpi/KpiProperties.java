package org.civicloop.suggestions.kpi;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.suggestions.kpi.*}: which result classes count as solved (解决率) and as
 * implemented (落实率). Districts that use 甲/乙/丙 or a three-class scale set their own codes
 * (codes of the {@code suggestion_result_class} dictionary).
 *
 * @param tallyInterval how often the dashboard's maintained counts take in changed assignments ({@link KpiTally}; the
 *                      figures are exact before that too)
 */
@ConfigurationProperties("civicloop.suggestions.kpi")
public record KpiProperties(@DefaultValue("A") List<String> solvedClasses, @DefaultValue({"A", "B"}) List<String> implementedClasses,
                            @DefaultValue("PT30S") Duration tallyInterval) {

    public KpiProperties {
        if (solvedClasses == null || solvedClasses.isEmpty() || implementedClasses == null || implementedClasses.isEmpty()) {
            throw new IllegalStateException("civicloop.suggestions.kpi.solved-classes and implemented-classes must name at least one class");
        }
        solvedClasses = solvedClasses.stream().map(String::strip).toList();
        implementedClasses = implementedClasses.stream().map(String::strip).toList();
    }
}
