package org.civicloop.opinions.domain;

import java.time.Duration;
import org.civicloop.shared.MatterScore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.language.similar.*}: how similar matters are found and shown.
 *
 * @param window           how far back matters are looked for ({@code 365d})
 * @param candidates       how many neighbours each way (vectors, words) are read before re-ranking
 * @param shown            how many matters are shown
 * @param sameAt           combined score from which a match is 很可能是同一件事 (with vectors)
 * @param relatedAt        combined score from which a match is 可能相关 (with vectors); 0.76 measured on
 *                         eval/language (docs/benchmarks.md): 0.74 showed more (recall 0.893) but less surely
 *                         (precision 0.897), 0.76 precision 0.919 at recall 0.886
 * @param lexicalSameAt    the same, while the model is not ready (words and characters only)
 * @param lexicalRelatedAt the same, while the model is not ready
 * @param lexicalWeight    how much shared words and characters add to the vectors' cosine
 * @param placePenalty     what two different places named in the texts take off the score
 * @param placeCodePenalty what two different chosen places (two villages, two towns) take off the score
 * @param wordsWhenReady   with the model loaded, how far back the word index is also searched ({@code 1h}), and
 *                         only among the opinions the vector index cannot return yet (no vector, or one stored
 *                         after its last refresh); every other opinion is found by vector
 */
@ConfigurationProperties("civicloop.language.similar")
public record SimilarMattersProperties(@DefaultValue("365d") Duration window,
                                       @DefaultValue("40") int candidates,
                                       @DefaultValue("5") int shown,
                                       @DefaultValue("0.84") double sameAt,
                                       @DefaultValue("0.76") double relatedAt,
                                       @DefaultValue("0.55") double lexicalSameAt,
                                       @DefaultValue("0.3") double lexicalRelatedAt,
                                       @DefaultValue("0.1") double lexicalWeight,
                                       @DefaultValue("0.15") double placePenalty,
                                       @DefaultValue("0.3") double placeCodePenalty,
                                       @DefaultValue("1h") Duration wordsWhenReady) {

    public MatterScore score() {
        return new MatterScore(sameAt, relatedAt, lexicalSameAt, lexicalRelatedAt, lexicalWeight, placePenalty, placeCodePenalty);
    }
}
