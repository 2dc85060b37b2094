package org.civicloop.performance.evaluation;

import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to evaluation schemes, in the past tense; every one is audited. */
public final class EvaluationEvents {

    private EvaluationEvents() {
    }

    /** An event about one scheme, its audit subject. */
    public interface AboutScheme extends AuditableEvent {
        long schemeId();
        default String subjectType() { return "performanceScheme"; }
        default String subjectId() { return Long.toString(schemeId()); }
    }

    public record SchemeCreated(long schemeId, String name, String period) implements AboutScheme {
        public String action() { return "evaluation.schemeCreated"; }
        public Map<String, Object> after() { return Map.of("name", name, "period", period, "status", "FILLING"); }
    }

    /** A status move: reviewed, reopened, locked, published (the action names which). */
    public record SchemeMoved(long schemeId, String action, String from, String to) implements AboutScheme {
        public Map<String, Object> before() { return Map.of("status", from); }
        public Map<String, Object> after() { return Map.of("status", to); }
    }

    /** Figures of one indicator entered by form, or of many by an import ({@code indicatorId} null). */
    public record FiguresEntered(long schemeId, Long indicatorId, int figures, String source) implements AboutScheme {
        public String action() { return "evaluation.figuresEntered"; }
        public Map<String, Object> after() {
            return indicatorId == null ? Map.of("figures", figures, "source", source)
                    : Map.of("indicatorId", indicatorId, "figures", figures, "source", source);
        }
    }

    /** An indicator was added to the library. */
    public record IndicatorCreated(long indicatorId, String code, String name) implements AuditableEvent {
        public String subjectType() { return "performanceIndicator"; }
        public String subjectId() { return Long.toString(indicatorId); }
        public String action() { return "evaluation.indicatorCreated"; }
        public Map<String, Object> after() { return Map.of("code", code, "name", name); }
    }

    /** An indicator joined the scheme, or a bonus, penalty or veto item was added. */
    public record SchemeChanged(long schemeId, String action, Map<String, Object> after) implements AboutScheme {
    }
}
