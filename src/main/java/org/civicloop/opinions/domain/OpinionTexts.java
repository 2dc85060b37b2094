package org.civicloop.opinions.domain;

import java.util.Collection;
import java.util.List;
import org.civicloop.language.TextSource;
import org.civicloop.language.TextVectors;
import org.civicloop.opinions.OpinionEvents.OpinionSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Opinions offered to the language module (kind {@code opinion}): the text, the district and the time
 * of submission. A submitted opinion's vector is asked for once its transaction has committed, never
 * inside it; the language module's backfill catches any that a crash between the two left out.
 */
@Component
class OpinionTexts implements TextSource {

    static final String KIND = "opinion";

    private final JdbcClient jdbc;
    private final TextVectors vectors;

    OpinionTexts(JdbcClient jdbc, TextVectors vectors) {
        this.jdbc = jdbc;
        this.vectors = vectors;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Text> after(long afterId, int limit) {
        return jdbc.sql("select id, content, district_code, submitted_at from opinion where id > :after order by id limit :limit")
                .param("after", afterId).param("limit", limit).query(OpinionTexts::text).list();
    }

    @Override
    public List<Text> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, content, district_code, submitted_at from opinion where id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new)).query(OpinionTexts::text).list();
    }

    @Override
    public long countAfter(long afterId) {
        return jdbc.sql("select count(*) from opinion where id > :after").param("after", afterId).query(Long.class).single();
    }

    @EventListener
    void on(OpinionSubmitted submitted) {
        vectors.refreshAfterCommit(KIND, List.of(submitted.opinion().value()));
    }

    private static Text text(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Text(rs.getLong("id"), rs.getString("content"), rs.getString("district_code"),
                rs.getTimestamp("submitted_at").toInstant());
    }
}
