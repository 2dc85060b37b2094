package org.civicloop.opinions.domain;

import java.util.List;
import org.civicloop.language.SqlTextSource;
import org.civicloop.language.TextVectors;
import org.civicloop.opinions.OpinionEvents.OpinionSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opinions offered to the language module (kind {@code opinion}): the text, the district and the time
 * of submission. A submitted opinion's vector is asked for once its transaction has committed, never
 * inside it; the language module's backfill catches any that a crash between the two left out.
 */
@Component
class OpinionTexts extends SqlTextSource {

    static final String KIND = "opinion";

    private final TextVectors vectors;

    OpinionTexts(JdbcClient jdbc, TextVectors vectors) {
        super(jdbc, KIND, "opinion", "content", "district_code", "submitted_at", "true");
        this.vectors = vectors;
    }

    @EventListener
    void on(OpinionSubmitted submitted) {
        vectors.refreshAfterCommit(KIND, List.of(submitted.opinion().value()));
    }
}
