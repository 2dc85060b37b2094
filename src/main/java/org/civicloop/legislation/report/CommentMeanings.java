package org.civicloop.legislation.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.language.TextVectors;
import org.civicloop.legislation.comments.CommentTexts;
import org.civicloop.legislation.report.CompiledReport.Comment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The sentence vectors of the comments a report groups: those the language module stored after each
 * comment committed, read in one look-up, and computed here (about 10 ms each) only for the few not stored
 * yet. While the model is not loaded there are none, and the report groups by words.
 */
@Component
class CommentMeanings {

    private final ObjectProvider<TextVectors> language;

    CommentMeanings(ObjectProvider<TextVectors> language) {
        this.language = language;
    }

    /** The vectors of these comments by id, or empty while the model is not ready (group by words then). */
    Optional<Map<Long, float[]>> of(List<Comment> comments) {
        TextVectors face = language.getIfAvailable();
        if (face == null || !face.ready()) {
            return Optional.empty();
        }
        Map<Long, float[]> out = new HashMap<>(face.stored(CommentTexts.KIND, comments.stream().map(Comment::id).toList()));
        Map<String, float[]> byText = new HashMap<>(); // the same text sent many times is computed once
        for (Comment c : comments) {
            if (!out.containsKey(c.id())) {
                float[] v = byText.computeIfAbsent(c.body(), body -> face.embed(body).orElse(null));
                if (v != null) {
                    out.put(c.id(), v); // a blank text has none: grouped by words
                }
            }
        }
        return Optional.of(out);
    }
}
