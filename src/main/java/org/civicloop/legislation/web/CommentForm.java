package org.civicloop.legislation.web;

import java.util.UUID;

/**
 * The public comment form. Every field is optional at binding so the page can list every problem at
 * once. {@code articleId} is text (empty: the draft as a whole) so that a tampered value is refused
 * with a message, not a binding error; {@code idempotencyKey} is generated with the form and sent
 * back unchanged; {@code website} is a honeypot.
 */
public record CommentForm(String body, String name, String phone, Boolean consent, String articleId, String point,
                          String idempotencyKey, String website) {

    static CommentForm empty(Long articleId, String point) {
        return new CommentForm("", "", "", false, articleId == null ? "" : articleId.toString(), point == null ? "" : point,
                UUID.randomUUID().toString(), "");
    }

    /** The article id, null for the whole draft, -1 for something that is not an id. */
    Long article() {
        if (articleId == null || articleId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(articleId.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
