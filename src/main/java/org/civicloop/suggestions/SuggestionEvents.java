package org.civicloop.suggestions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to suggestions and their assignments, in the past tense. Every one is audited. */
public final class SuggestionEvents {

    private SuggestionEvents() {
    }

    /** Any change of a suggestion, with the step that caused it. */
    public record SuggestionChanged(long suggestionId, String step, String fromStatus, String toStatus,
                                    Map<String, Object> details) implements AuditableEvent {
        public String subjectType() { return "suggestion"; }
        public String subjectId() { return Long.toString(suggestionId); }
        public String action() { return "suggestion." + step; }
        public Map<String, Object> before() {
            return fromStatus == null ? Map.of() : Map.of("status", fromStatus);
        }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>(details);
            after.put("status", toStatus);
            return after;
        }
    }

    /** Any change of one unit's assignment (交办) of a suggestion, with the step that caused it. */
    public record AssignmentChanged(long suggestionId, int seq, long unitId, String role, String step,
                                    String fromStatus, String toStatus, Map<String, Object> details) implements AuditableEvent {
        public String subjectType() { return "suggestion"; }
        public String subjectId() { return Long.toString(suggestionId); }
        public String action() { return "suggestionAssignment." + step; }
        public Map<String, Object> before() {
            return fromStatus == null ? Map.of() : Map.of("status", fromStatus);
        }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>(details);
            after.put("status", toStatus);
            after.put("seq", seq);
            after.put("unitId", unitId);
            after.put("role", role);
            return after;
        }
    }

    /**
     * Voter opinions were linked to a suggestion (many to one). The opinions module may listen to
     * record the link on its side and, at the end, tell the voters the outcome.
     */
    public record SuggestionLinkedToOpinions(long suggestionId, List<Long> opinionIds) implements AuditableEvent {
        public String subjectType() { return "suggestion"; }
        public String subjectId() { return Long.toString(suggestionId); }
        public String action() { return "suggestion.opinionsLinked"; }
        public Map<String, Object> after() { return Map.of("opinionIds", opinionIds); }
    }

    /**
     * A suggestion closed (evaluated, deemed evaluated when the deadline passed, or dissatisfied with
     * no rehandling left), with what may be told to the public of its outcome, for the voters whose
     * opinions it grew from. The closure itself is audited ({@link SuggestionChanged} {@code closed}
     * or {@code closedUnevaluated}); this event only carries the outcome to the opinions module.
     * Nothing personal is in it. For a confidential (涉密) suggestion {@code replyPublished} is false
     * and the title and the replies' texts are {@code null}: nothing of it is published.
     *
     * @param replies the final replies of the units that owed one (lead or separate units), in order
     */
    public record SuggestionClosed(long suggestionId, List<Long> opinionIds, String title, boolean replyPublished,
                                   boolean evaluationDeemed, Instant closedAt, List<PublishedReply> replies) {
        public SuggestionClosed {
            opinionIds = List.copyOf(opinionIds);
            replies = List.copyOf(replies);
        }
    }

    /** One unit's final reply as the public may read it (its text {@code null} when not published). */
    public record PublishedReply(String unitName, String resultClass, String resultClassNameZh, String resultClassNameEn,
                                 String text) {
    }
}
