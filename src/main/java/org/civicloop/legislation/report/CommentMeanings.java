package org.civicloop.legislation.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.language.TextVectors;
import org.civicloop.legislation.report.CompiledReport.Comment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The sentence vectors of the comments a report groups. The language module's face answers a text's vector
 * and a vector's stored neighbours, not the stored vector of a record, so they are computed here from the
 * comment's text (about 10 ms each) and the most recently used ones kept in memory, by comment id and text, for
 * the next compilation. While the model is not loaded there are none, and the report groups by words.
 */
@Component
class CommentMeanings {

    private final ObjectProvider<TextVectors> language;
    private final Map<Long, Known> cache;

    private record Known(String model, String body, float[] vector) {
    }

    CommentMeanings(ObjectProvider<TextVectors> language, CommentGroupingProperties properties) {
        this.language = language;
        int max = properties.cached();
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Known> eldest) {
                return size() > max;
            }
        };
    }

    /** The vectors of these comments by id, or empty while the model is not ready (group by words then). */
    Optional<Map<Long, float[]>> of(List<Comment> comments) {
        TextVectors face = language.getIfAvailable();
        if (face == null || !face.ready()) {
            return Optional.empty();
        }
        String model = face.model();
        Map<Long, float[]> out = new HashMap<>();
        Map<String, float[]> byText = new HashMap<>(); // the same text sent many times is computed once
        for (Comment c : comments) {
            Known known;
            synchronized (cache) {
                known = cache.get(c.id());
            }
            if (known == null || !known.model().equals(model) || !known.body().equals(c.body())) {
                float[] v = byText.containsKey(c.body()) ? byText.get(c.body()) : face.embed(c.body()).orElse(null);
                byText.put(c.body(), v);
                if (v == null) {
                    continue; // a blank text: grouped by words
                }
                known = new Known(model, c.body(), v);
                synchronized (cache) {
                    cache.put(c.id(), known);
                }
            }
            out.put(c.id(), known.vector());
            byText.putIfAbsent(c.body(), known.vector());
        }
        return Optional.of(out);
    }
}
