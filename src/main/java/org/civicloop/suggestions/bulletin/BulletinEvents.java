package org.civicloop.suggestions.bulletin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to collective notices (集中通报), in the past tense. Both are audited. */
public final class BulletinEvents {

    private BulletinEvents() {
    }

    /** The figures of a bulletin were computed and stored (first time, or again before publication). */
    public record BulletinGenerated(long bulletinId, String title, String periodFrom, String periodTo, boolean again,
                                    int units, int overdue, long assigned, long replied) implements AuditableEvent {
        public String subjectType() { return "bulletin"; }
        public String subjectId() { return Long.toString(bulletinId); }
        public String action() { return "bulletin.generated"; }
        public Map<String, Object> after() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("title", title);
            after.put("from", periodFrom);
            after.put("to", periodTo);
            after.put("again", again);
            after.put("units", units);
            after.put("overdue", overdue);
            after.put("assigned", assigned);
            after.put("replied", replied);
            return after;
        }
    }

    /** A bulletin was published: from now on the public sees it and its figures never change. */
    public record BulletinPublished(long bulletinId, String title) implements AuditableEvent {
        public String subjectType() { return "bulletin"; }
        public String subjectId() { return Long.toString(bulletinId); }
        public String action() { return "bulletin.published"; }
        public Map<String, Object> before() { return Map.of("status", "GENERATED"); }
        public Map<String, Object> after() { return Map.of("status", "PUBLISHED", "title", title); }
    }
}
