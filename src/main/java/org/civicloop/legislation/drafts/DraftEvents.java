package org.civicloop.legislation.drafts;

import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What the office does to a draft before and when it opens it, in the past tense. Every one is audited. */
public final class DraftEvents {

    private DraftEvents() {
    }

    /** A draft was registered with its text split into {@code articles} articles. */
    public record DraftRegistered(long draftId, String title, int articles, int points) implements AuditableEvent {
        public String subjectType() { return "draft"; }
        public String subjectId() { return Long.toString(draftId); }
        public String action() { return "draft.registered"; }
        public Map<String, Object> after() {
            return Map.of("title", title, "articles", articles, "points", points);
        }
    }

    /** The office corrected the split: {@code change} is {@code edited, merged, split or renumbered}, at {@code position}. */
    public record DraftSplitCorrected(long draftId, String change, int position, int articles) implements AuditableEvent {
        public String subjectType() { return "draft"; }
        public String subjectId() { return Long.toString(draftId); }
        public String action() { return "draft.splitCorrected"; }
        public Map<String, Object> after() {
            return Map.of("change", change, "position", position, "articles", articles);
        }
    }

    /** The draft was opened to the public for its window. */
    public record DraftOpened(long draftId, String opensOn, String closesOn) implements AuditableEvent {
        public String subjectType() { return "draft"; }
        public String subjectId() { return Long.toString(draftId); }
        public String action() { return "draft.opened"; }
        public Map<String, Object> after() {
            return Map.of("opensOn", opensOn, "closesOn", closesOn);
        }
    }
}
