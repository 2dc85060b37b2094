package org.civicloop.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.civicloop.language.TextVectors;

/**
 * The generated opinions' same-matter clusters, decided while their vectors are written, so that a benchmark
 * at millions of opinions does not wait hours for the background clustering (400–500 opinions a second on two
 * cores). The generator knows which opinions are the same matter: one district, one place, one
 * place-and-problem phrase. Taken in time order, as the clustering takes them, an opinion joins the matter's
 * cluster when its latest member is at most {@code window} older and their vectors are at least
 * {@code threshold} alike; otherwise it founds a cluster of its own. Rejected opinions and those before the
 * {@code horizon} (older than any page can show) are left out, as the clustering leaves them. Not the
 * clustering's own search: a member joins its matter's latest member, not its nearest neighbour by vector.
 */
final class GeneratedClusters {

    /** Where an opinion went: the cluster's first opinion (which names it) and its likeness to the member it joined. */
    record Membership(long lead, float similarity) {
    }

    private record Matter(String district, String place, int phrase) {
    }

    private static final class Open {
        final long lead;
        long last;
        Instant lastAt;

        Open(long lead, Instant at) {
            this.lead = lead;
            this.last = lead;
            this.lastAt = at;
        }
    }

    private final Instant horizon;
    private final Duration window;
    private final double threshold;
    private final VectorOf vectorOf;
    private final Map<Matter, Open> open = new HashMap<>();
    private Instant pruned;

    /** An opinion's vector from its id and phrase: computed again rather than held for every open cluster. */
    interface VectorOf {
        float[] of(long id, int phrase);
    }

    GeneratedClusters(Instant horizon, Duration window, double threshold, VectorOf vectorOf) {
        this.horizon = horizon;
        this.pruned = horizon;
        this.window = window;
        this.threshold = threshold;
        this.vectorOf = vectorOf;
    }

    /** The next opinion, in time order; null when it belongs to no cluster. */
    Membership offer(long id, String district, String place, int phrase, Instant at, boolean rejected, float[] vector) {
        if (rejected || at.isBefore(horizon)) {
            return null;
        }
        if (Duration.between(pruned, at).compareTo(window) > 0) {
            // clusters whose latest member is more than a window old take no one any more
            Instant before = at.minus(window);
            open.values().removeIf(o -> o.lastAt.isBefore(before));
            pruned = at;
        }
        Matter matter = new Matter(district, place, phrase);
        Open cluster = open.get(matter);
        if (cluster != null && !cluster.lastAt.isBefore(at.minus(window))) {
            float similarity = (float) TextVectors.cosine(vector, vectorOf.of(cluster.last, phrase));
            if (similarity >= threshold) {
                cluster.last = id;
                cluster.lastAt = at;
                return new Membership(cluster.lead, similarity);
            }
        }
        open.put(matter, new Open(id, at));
        return new Membership(id, 1f);
    }
}
