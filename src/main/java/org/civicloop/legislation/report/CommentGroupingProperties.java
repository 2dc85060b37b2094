package org.civicloop.legislation.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the compiled report groups comments that say the same thing ({@code civicloop.legislation.comments.*}).
 *
 * @param sameAt the cosine of two comments' sentence vectors from which they count as saying the same thing.
 *               0.74 was chosen on a small fixture of comments on one draft (a dog-keeping regulation: 12
 *               reworded pairs and 14 pairs of different views on the same articles, bge-small-zh-v1.5-q):
 *               reworded pairs scored 0.69 to 0.98 (9 of 12 at or above 0.74, the word rule found 1), pairs of
 *               different matters 0.32 to 0.73 (none at or above 0.74); only two pairs of opposite views on the
 *               same point (raise the fines / lower them: 0.81 and 0.76) lie above it, because the model hears
 *               the subject better than the direction. Higher groups less, lower groups more.
 */
@ConfigurationProperties("civicloop.legislation.comments")
public record CommentGroupingProperties(@DefaultValue("0.74") double sameAt) {

    public CommentGroupingProperties {
        if (sameAt <= 0 || sameAt > 1) {
            throw new IllegalArgumentException("civicloop.legislation.comments.same-at must be in (0, 1]");
        }
    }
}
