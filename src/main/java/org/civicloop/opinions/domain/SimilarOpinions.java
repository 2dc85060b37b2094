package org.civicloop.opinions.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.ChineseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The word index of opinions (a tsvector of their Chinese words under a GIN index), one of the two
 * ways {@link SimilarMatters} finds candidates.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SimilarOpinions {

    private final JdbcClient jdbc;

    /** Stores the words of an opinion for searching. */
    void index(long opinionId, String content) {
        jdbc.sql("update opinion set search = array_to_tsvector(cast(:words as text[])) where id = :id")
                .param("words", ChineseText.words(content).toArray(String[]::new)).param("id", opinionId).update();
    }
}
