package org.civicloop.suggestions.poll;

import org.civicloop.shared.BusinessException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a poll's counts may be seen: only with at least {@code civicloop.polls.min-ballots-to-publish}
 * ballots (default 5). With fewer, the counts would tell who voted how (one ballot is one person's
 * choice), so neither the office's page nor the public page shows them, and the poll cannot be
 * published; the ballots stay counted and the poll can be published if more come in before it closes.
 */
@Component
public class PollDisclosure {

    private final int minBallots;

    PollDisclosure(@Value("${civicloop.polls.min-ballots-to-publish:5}") int minBallots) {
        if (minBallots < 1) {
            throw new IllegalArgumentException("civicloop.polls.min-ballots-to-publish must be at least 1");
        }
        this.minBallots = minBallots;
    }

    public int minBallots() {
        return minBallots;
    }

    public boolean canDisclose(long ballots) {
        return ballots >= minBallots;
    }

    /** Refuses, with a message naming both figures, to publish a poll with too few ballots. */
    void requireDisclosable(long ballots) {
        if (!canDisclose(ballots)) {
            throw BusinessException.conflict("poll.error.tooFewBallots", ballots, minBallots);
        }
    }
}
