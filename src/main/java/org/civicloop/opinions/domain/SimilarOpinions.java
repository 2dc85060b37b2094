package org.civicloop.opinions.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.ChineseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds opinions that say much the same thing. PostgreSQL narrows the field with the GIN index
 * (any shared word, best {@code ts_rank} first); the candidates are then scored by word overlap.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SimilarOpinions {

    private static final int CANDIDATES = 30;

    private final JdbcClient jdbc;
    private final OpinionsProperties properties;
    private final DirectoryNames names;

    public record Similar(long id, String receiptCode, String category, String placeCode, String placeName,
                          String status, Instant submittedAt, String excerpt, double score) {
    }

    /** Stores the words of an opinion for searching. */
    void index(long opinionId, String content) {
        jdbc.sql("update opinion set search = array_to_tsvector(cast(:words as text[])) where id = :id")
                .param("words", ChineseText.words(content).toArray(String[]::new)).param("id", opinionId).update();
    }

    public List<Similar> to(String text, Long excludeId, int limit) {
        Set<String> words = ChineseText.words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = jdbc.sql("""
                        with q as (
                            select cast(string_agg(quote_literal(w), ' | ') as tsquery) as query
                            from unnest(cast(:words as text[])) w)
                        select o.id, o.receipt_code, o.category, o.place_code, o.status, o.submitted_at, o.content
                        from opinion o, q
                        where o.search @@ q.query and (cast(:exclude as bigint) is null or o.id <> :exclude)
                          and o.status <> 'REJECTED' and o.submitted_at > now() - interval '365 days'
                        order by ts_rank(o.search, q.query) desc, o.id desc
                        limit :candidates""")
                .param("words", words.toArray(String[]::new)).param("exclude", excludeId).param("candidates", CANDIDATES)
                .query(Candidate.class).list();
        List<Similar> best = candidates.stream()
                .map(c -> new Similar(c.id(), c.receiptCode(), c.category(), c.placeCode(), null, c.status(),
                        c.submittedAt(), excerpt(c.content()), ChineseText.similarity(words, ChineseText.words(c.content()))))
                .filter(s -> s.score() >= properties.similarityThreshold())
                .sorted(Comparator.comparingDouble(Similar::score).reversed())
                .limit(limit)
                .toList();
        if (best.isEmpty()) {
            return best;
        }
        DirectoryNames.Places places = names.places();
        return best.stream().map(s -> new Similar(s.id(), s.receiptCode(), s.category(), s.placeCode(),
                places.name(s.placeCode()), s.status(), s.submittedAt(), s.excerpt(), s.score())).toList();
    }

    private static String excerpt(String content) {
        return content.length() <= 80 ? content : content.substring(0, 80) + "…";
    }

    record Candidate(long id, String receiptCode, String category, String placeCode, String status,
                     Instant submittedAt, String content) {
    }
}
