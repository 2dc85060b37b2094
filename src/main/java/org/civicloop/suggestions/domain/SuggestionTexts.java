package org.civicloop.suggestions.domain;

import java.util.List;
import org.civicloop.language.SqlTextSource;
import org.civicloop.language.TextVectors;
import org.civicloop.suggestions.SuggestionEvents.SuggestionFiled;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Suggestions offered to the language module (kind {@code suggestion}): the title and the text, no
 * district (a suggestion names none), and the time it was submitted. A deputy's draft is their own
 * business: its text is never offered; a suggestion's vector is asked for once its submission (提交,
 * also again after a return for revision) has committed, and the backfill computes the rest.
 * {@link SimilarSuggestions} still filters on the status when it reads candidates: a suggestion
 * returned for revision keeps the vector of the text it was submitted with.
 */
@Component
class SuggestionTexts extends SqlTextSource {

    static final String KIND = "suggestion";

    private final TextVectors vectors;

    SuggestionTexts(JdbcClient jdbc, TextVectors vectors) {
        // the text as of(title, content) writes it (both columns are not null)
        super(jdbc, KIND, "suggestion", "title || chr(10) || content", "null", "coalesce(submitted_at, created_at)",
                "status <> 'DRAFT'");
        this.vectors = vectors;
    }

    @EventListener
    void on(SuggestionFiled filed) {
        vectors.refreshAfterCommit(KIND, List.of(filed.suggestionId()));
    }

    /** What a suggestion is compared by: its title and its text. */
    static String of(String title, String content) {
        return title + "\n" + content;
    }
}
