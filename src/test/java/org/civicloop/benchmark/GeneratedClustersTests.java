package org.civicloop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedClustersTests {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(90);
    /** Vectors by opinion id, two-dimensional: enough for a dot product worked out by hand. */
    private final Map<Long, float[]> vectors = new HashMap<>();
    private final GeneratedClusters clusters = new GeneratedClusters(NOW.minus(Duration.ofDays(455)), WINDOW, 0.80,
            (id, phrase) -> vectors.get(id));

    private GeneratedClusters.Membership offer(long id, String place, int phrase, int daysAgo, float... vector) {
        return offer(id, place, phrase, daysAgo, false, vector);
    }

    private GeneratedClusters.Membership offer(long id, String place, int phrase, int daysAgo, boolean rejected, float... vector) {
        vectors.put(id, vector);
        return clusters.offer(id, "520111", place, phrase, NOW.minus(Duration.ofDays(daysAgo)), rejected, vector);
    }

    @Test
    void anOpinionJoinsItsMattersLatestMemberWithinTheWindowAndChainsOn() {
        assertThat(offer(1, "v1", 7, 300, 1f, 0f)).isEqualTo(new GeneratedClusters.Membership(1, 1f));
        // 0.9 · 1 + 0.1 · 0 = 0.9 to opinion 1
        assertThat(offer(2, "v1", 7, 250, 0.9f, 0.1f)).isEqualTo(new GeneratedClusters.Membership(1, 0.9f));
        // 150 days after the first but 60 after the latest member: the same cluster, compared with opinion 2
        // (0.9 · 0.8 + 0.1 · 0.6 = 0.78 would be below the threshold; 0.9 · 0.9 + 0.1 · 0.4 = 0.85 is above)
        GeneratedClusters.Membership third = offer(3, "v1", 7, 190, 0.9f, 0.4f);
        assertThat(third.lead()).isEqualTo(1);
        assertThat(third.similarity()).isCloseTo(0.85f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void aGapLongerThanTheWindowAnotherPlaceOrPhraseOrTooLittleLikenessFoundsANewCluster() {
        offer(1, "v1", 7, 300, 1f, 0f);
        assertThat(offer(2, "v1", 7, 209, 1f, 0f).lead()).as("91 days after the latest member").isEqualTo(2);
        assertThat(offer(3, "v2", 7, 208, 1f, 0f).lead()).as("another village").isEqualTo(3);
        assertThat(offer(4, "v1", 8, 207, 1f, 0f).lead()).as("another phrase").isEqualTo(4);
        // 0.7 to opinion 2, below 0.80: a cluster of its own, which the matter's next opinion then joins
        assertThat(offer(5, "v1", 7, 206, 0.7f, 0.714f).lead()).isEqualTo(5);
        assertThat(offer(6, "v1", 7, 205, 0.7f, 0.714f).lead()).isEqualTo(5);
    }

    @Test
    void rejectedOpinionsAndThoseBeforeTheHorizonAreLeftOut() {
        assertThat(offer(1, "v1", 7, 456, 1f, 0f)).isNull();
        assertThat(offer(2, "v1", 7, 400, true, 1f, 0f)).isNull();
        assertThat(offer(3, "v1", 7, 399, 1f, 0f).lead()).as("neither founded a cluster").isEqualTo(3);
    }

    @Test
    void clustersLongClosedAreForgottenWithoutChangingWhoJoinsWhom() {
        offer(1, "v1", 7, 400, 1f, 0f);
        offer(2, "v1", 8, 390, 1f, 0f);
        offer(3, "v9", 1, 320, 1f, 0f); // 135 days on: the open clusters are looked over, none is old enough
        assertThat(offer(4, "v1", 8, 310, 1f, 0f).lead()).as("80 days after opinion 2").isEqualTo(2);
        assertThat(offer(5, "v1", 7, 250, 1f, 0f).lead()).as("150 days after opinion 1").isEqualTo(5);
        offer(6, "v9", 2, 200, 1f, 0f); // 120 days on: clusters last joined before 290 days ago are forgotten
        assertThat(offer(7, "v1", 7, 180, 1f, 0f).lead()).as("70 days after opinion 5, kept open").isEqualTo(5);
        assertThat(offer(8, "v1", 8, 179, 1f, 0f).lead()).as("131 days after opinion 4").isEqualTo(8);
    }
}
