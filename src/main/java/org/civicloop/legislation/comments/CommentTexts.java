package org.civicloop.legislation.comments;

import java.util.List;
import org.civicloop.language.SqlTextSource;
import org.civicloop.language.TextVectors;
import org.civicloop.legislation.LegislationEvents.ConsultationHeld;
import org.civicloop.legislation.comments.CommentEvents.PublicCommentReceived;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Comments on drafts offered to the language module (kind {@code draft-comment}): the comment's text, no
 * district (a draft is the whole city's or county's, not a place's) and the time it was received or
 * recorded. A comment's vector is asked for once the transaction that stored it has committed (a public
 * comment, or the views of a consultation), never inside it; the language module's backfill catches any
 * that a crash between the two left out, and the comments stored before this kind existed.
 */
@Component
public class CommentTexts extends SqlTextSource {

    public static final String KIND = "draft-comment";

    private final JdbcClient jdbc;
    private final TextVectors vectors;

    CommentTexts(JdbcClient jdbc, TextVectors vectors) {
        super(jdbc, KIND, "legislation_comment", "body", "null", "created_at", "true");
        this.jdbc = jdbc;
        this.vectors = vectors;
    }

    @EventListener
    void on(PublicCommentReceived received) {
        vectors.refreshAfterCommit(KIND, List.of(received.commentId()));
    }

    @EventListener
    void on(ConsultationHeld held) {
        vectors.refreshAfterCommit(KIND, jdbc.sql("select id from legislation_comment where consultation_id = :c order by id")
                .param("c", held.consultationId()).query(Long.class).list());
    }
}
