package org.civicloop.legislation.comments;

/**
 * A comment from the public on a draft: on one article ({@code articleId}) or on the draft as a whole
 * (null). {@code pointToken}: the code of the contact point whose QR code it came through, or null
 * for the draft page itself. {@code idempotencyKey}: the form's key, the same when it is sent again.
 */
public record PublicComment(long draftId, Long articleId, String body, String name, String phone, boolean consent,
                            String idempotencyKey, String pointToken) {
}
