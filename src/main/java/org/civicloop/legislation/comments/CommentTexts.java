package org.civicloop.legislation.comments;

import java.util.Collection;
import java.util.List;
import org.civicloop.language.TextSource;
import org.civicloop.language.TextVectors;
import org.civicloop.legislation.LegislationEvents.ConsultationHeld;
import org.civicloop.legislation.comments.CommentEvents.PublicCommentReceived;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Comments on drafts offered to the language module (kind {@code draft-comment}): the comment's text, no
 * district (a draft is the whole city's or county's, not a place's) and the time it was received or
 * recorded. A comment's vector is asked for once the transaction that stored it has committed (a public
 * comment, or the views of a consultation), never inside it; the language module's backfill catches any
 * that a crash between the two left out, and the comments stored before this kind existed.
 */
@Component
public class CommentTexts implements TextSource {

    public static final String KIND = "draft-comment";

    private final JdbcClient jdbc;
    private final TextVectors vectors;

    CommentTexts(JdbcClient jdbc, TextVectors vectors) {
        this.jdbc = jdbc;
        this.vectors = vectors;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Text> after(long afterId, int limit) {
        return jdbc.sql("select id, body, created_at from legislation_comment where id > :after order by id limit :limit")
                .param("after", afterId).param("limit", limit).query(CommentTexts::text).list();
    }

    @Override
    public List<Text> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, body, created_at from legislation_comment where id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new)).query(CommentTexts::text).list();
    }

    @Override
    public long countAfter(long afterId) {
        return jdbc.sql("select count(*) from legislation_comment where id > :after").param("after", afterId)
                .query(Long.class).single();
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

    private static Text text(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Text(rs.getLong("id"), rs.getString("body"), null, rs.getTimestamp("created_at").toInstant());
    }
}
