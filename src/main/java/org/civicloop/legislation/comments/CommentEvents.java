package org.civicloop.legislation.comments;

import java.util.HashMap;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** Comments received, in the past tense; audited without the commenter's name or phone. */
public final class CommentEvents {

    private CommentEvents() {
    }

    /** A member of the public commented online or through a contact point's QR code ({@code siteId} then set). */
    public record PublicCommentReceived(long commentId, long draftId, Long articleId, String channel, Long siteId)
            implements AuditableEvent {
        public String subjectType() { return "comment"; }
        public String subjectId() { return Long.toString(commentId); }
        public String action() { return "comment.received"; }
        public Map<String, Object> after() {
            Map<String, Object> after = new HashMap<>();
            after.put("draftId", draftId);
            after.put("channel", channel);
            if (articleId != null) {
                after.put("articleId", articleId);
            }
            if (siteId != null) {
                after.put("siteId", siteId);
            }
            return after;
        }
    }
}
