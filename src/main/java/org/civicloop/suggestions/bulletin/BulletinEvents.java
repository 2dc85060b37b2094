package org.civicloop.suggestions.bulletin;

import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to collective notices (集中通报), in the past tense. Both are audited. */
public final class BulletinEvents {

    private BulletinEvents() {
    }

    /** An event about one bulletin, its audit subject. */
    public interface AboutBulletin extends AuditableEvent {
        long bulletinId();
        default String subjectType() { return "bulletin"; }
        default String subjectId() { return Long.toString(bulletinId()); }
    }

    /** The figures of a bulletin were computed and stored (first time, or again before publication). */
    public record BulletinGenerated(long bulletinId, String title, String periodFrom, String periodTo, boolean again,
                                    int units, int overdue, long assigned, long replied) implements AboutBulletin {
        public String action() { return "bulletin.generated"; }
        public Map<String, Object> after() {
            return Map.of("title", title, "from", periodFrom, "to", periodTo, "again", again, "units", units, "overdue", overdue,
                    "assigned", assigned, "replied", replied);
        }
    }

    /** A bulletin was published: from now on the public sees it and its figures never change. */
    public record BulletinPublished(long bulletinId, String title) implements AboutBulletin {
        public String action() { return "bulletin.published"; }
        public Map<String, Object> before() { return Map.of("status", "GENERATED"); }
        public Map<String, Object> after() { return Map.of("status", "PUBLISHED", "title", title); }
    }
}
