package org.civicloop.suggestions.domain;

import java.time.Duration;
import org.civicloop.shared.MatterScore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.suggestions.similar.*}: how similar past suggestions are found on a suggestion's page.
 * Suggestions are longer and more formal than voters' opinions and share much wording ("建议", "加大力度"),
 * so the thresholds stand higher than those of similar matters ({@code civicloop.language.similar.*}).
 *
 * @param window           how far back suggestions are looked for ({@code 1095d}: a deputy's term is five
 *                         years, the replies of the last three are what a unit still stands by)
 * @param candidates       how many vector neighbours (or suggestions sharing words) are read before re-ranking
 * @param shown            how many suggestions are shown, at most
 * @param sameAt           combined score from which a past suggestion is 很可能是同一事项 (with vectors)
 * @param relatedAt        combined score from which it is 可能相关 (with vectors)
 * @param lexicalSameAt    the same, while the model is not ready (words and characters only)
 * @param lexicalRelatedAt the same, while the model is not ready
 * @param lexicalWeight    how much shared words and characters add to the vectors' cosine
 * @param placePenalty     what two different named places take off the score
 */
@ConfigurationProperties("civicloop.suggestions.similar")
public record SimilarSuggestionsProperties(@DefaultValue("1095d") Duration window,
                                           @DefaultValue("60") int candidates,
                                           @DefaultValue("5") int shown,
                                           @DefaultValue("0.88") double sameAt,
                                           @DefaultValue("0.8") double relatedAt,
                                           @DefaultValue("0.55") double lexicalSameAt,
                                           @DefaultValue("0.35") double lexicalRelatedAt,
                                           @DefaultValue("0.1") double lexicalWeight,
                                           @DefaultValue("0.15") double placePenalty) {

    public MatterScore score() {
        return new MatterScore(sameAt, relatedAt, lexicalSameAt, lexicalRelatedAt, lexicalWeight, placePenalty, 0);
    }
}
