package org.civicloop.legislation.adoption;

import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens when adoption is fed back, in the past tense; every one is audited. */
public final class AdoptionEvents {

    private AdoptionEvents() {
    }

    /** The final text of a passed draft was entered (or replaced). */
    public record FinalTextEntered(long draftId, int articles, String passedOn) implements AuditableEvent {
        public String subjectType() { return "legislation-draft"; }
        public String subjectId() { return Long.toString(draftId); }
        public String action() { return "legislation.finalTextEntered"; }
        public Map<String, Object> after() {
            return Map.of("articles", articles, "passedOn", passedOn);
        }
    }

    /** A reported suggestion was marked adopted, partly adopted or not adopted. */
    public record SuggestionJudged(long suggestionId, long draftId, String outcome) implements AuditableEvent {
        public String subjectType() { return "legislation-suggestion"; }
        public String subjectId() { return Long.toString(suggestionId); }
        public String action() { return "legislation.suggestionJudged"; }
        public Map<String, Object> after() {
            return Map.of("draftId", draftId, "outcome", outcome);
        }
    }

    /** The feedback went public and the commenters who left a number were told ({@code texts} new ones this time). */
    public record FeedbackPublished(long draftId, int texts) implements AuditableEvent {
        public String subjectType() { return "legislation-draft"; }
        public String subjectId() { return Long.toString(draftId); }
        public String action() { return "legislation.feedbackPublished"; }
        public Map<String, Object> after() {
            return Map.of("texts", texts);
        }
    }
}
