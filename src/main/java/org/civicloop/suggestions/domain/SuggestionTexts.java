package org.civicloop.suggestions.domain;

import java.util.Collection;
import java.util.List;
import org.civicloop.language.TextSource;
import org.civicloop.language.TextVectors;
import org.civicloop.suggestions.SuggestionEvents.SuggestionFiled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Suggestions offered to the language module (kind {@code suggestion}): the title and the text, no
 * district (a suggestion names none), and the time it was submitted. A deputy's draft is their own
 * business: its text is never offered; a suggestion's vector is asked for once its submission (提交,
 * also again after a return for revision) has committed, and the backfill computes the rest.
 * {@link SimilarSuggestions} still filters on the status when it reads candidates: a suggestion
 * returned for revision keeps the vector of the text it was submitted with.
 */
@Component
class SuggestionTexts implements TextSource {

    static final String KIND = "suggestion";

    private static final String COLUMNS = "select id, title, content, coalesce(submitted_at, created_at) as at from suggestion";

    private final JdbcClient jdbc;
    private final TextVectors vectors;

    SuggestionTexts(JdbcClient jdbc, TextVectors vectors) {
        this.jdbc = jdbc;
        this.vectors = vectors;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Text> after(long afterId, int limit) {
        return jdbc.sql(COLUMNS + " where id > :after and status <> 'DRAFT' order by id limit :limit")
                .param("after", afterId).param("limit", limit).query(SuggestionTexts::text).list();
    }

    @Override
    public List<Text> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where id = any(:ids) and status <> 'DRAFT' order by id")
                .param("ids", ids.toArray(Long[]::new)).query(SuggestionTexts::text).list();
    }

    @Override
    public long countAfter(long afterId) {
        return jdbc.sql("select count(*) from suggestion where id > :after and status <> 'DRAFT'").param("after", afterId)
                .query(Long.class).single();
    }

    @EventListener
    void on(SuggestionFiled filed) {
        vectors.refreshAfterCommit(KIND, List.of(filed.suggestionId()));
    }

    /** What a suggestion is compared by: its title and its text. */
    static String of(String title, String content) {
        return title + "\n" + content;
    }

    private static Text text(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Text(rs.getLong("id"), of(rs.getString("title"), rs.getString("content")), null,
                rs.getTimestamp("at").toInstant());
    }
}
