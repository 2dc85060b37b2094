package org.civicloop.language;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public face of the language module: what a text means, as a vector, and which stored texts mean
 * much the same. The model loads in the background after start-up: until {@link #ready()}, embedding
 * answers empty and searches answer nothing, and callers match by words alone and say so on the page.
 *
 * <p>Vectors of stored records are computed off the request path: a module offers its texts as a
 * {@link TextSource} and calls {@link #refresh} after its transaction commits; a resumable background
 * backfill computes whatever is missing (existing and imported rows, and everything again after a
 * model change).
 */
public interface TextVectors {

    /** The model's name and version, stored beside every vector ({@code bge-small-zh-v1.5-q@0.36.2}). */
    String model();

    /** Whether the model is loaded. */
    boolean ready();

    /**
     * The unit-length vector of a text of any length (long texts are read in windows and averaged), or
     * empty while the model is not ready or for a blank text.
     */
    Optional<float[]> embed(String text);

    /**
     * The stored records of a kind whose vectors lie nearest to {@code query}, most similar first, at
     * most {@code limit}, within the filter. Empty while the model is not ready.
     */
    List<Neighbour> nearest(String kind, float[] query, int limit, Filter filter);

    /**
     * The stored vectors of these records of a kind, computed by the current model (records without one
     * are absent): reading them costs a look-up, computing them again costs the model's time per text.
     */
    Map<Long, float[]> stored(String kind, Collection<Long> ids);

    /**
     * Those of these records of a kind that a search by vector may not return yet: no vector by the current
     * model (written a moment ago: vectors are computed after commit; or not reached by the backfill), or a
     * vector stored a moment ago and not yet in the index. A caller that must not miss them compares these
     * few by words.
     */
    Set<Long> notSearchableYet(String kind, Collection<Long> ids);

    /**
     * How far the kind's backfill has come: records with a larger id may have no vector yet, however old
     * they are (imported rows, or every row while the first backfill runs); the newest ones are computed
     * as they come and found by {@link #notSearchableYet}.
     */
    long backfilledUpTo(String kind);

    /**
     * Asks for the vectors of these records of a kind to be (re)computed from their {@link TextSource},
     * off the caller's thread; returns at once. Call it after commit.
     */
    void refresh(String kind, List<Long> ids);

    /**
     * {@link #refresh} once the caller's transaction has committed (at once when none is active). Call it
     * from a plain {@code @EventListener} in the publishing transaction, not from a
     * {@code @TransactionalEventListener}: Spring Modulith keeps a row in {@code event_publication} for each
     * event a transactional listener receives and, after the commit, marks it in a transaction of its own on
     * a second connection while the request still holds its first: under 64 concurrent submissions the pool
     * ran dry and public submissions fell from 283/s to 5/s, half of them answered 503.
     */
    default void refreshAfterCommit(String kind, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refresh(kind, ids);
                }
            });
        } else {
            refresh(kind, ids);
        }
    }

    /**
     * Loads the model now, on the caller's thread, when the module is enabled (a command that needs vectors
     * before the application is ready: the data generator); answers whether {@link #embed} can answer.
     */
    boolean loadModel();

    /** Vectors computed and still to compute, per kind, for the current model. */
    List<Progress> progress();

    /**
     * The kind's vectors still to compute, as {@link #progress} counts them, without counting the computed ones
     * (a count over every stored vector: 0.1–0.3 s at a million, once per batch of the same-matter clustering).
     */
    long remaining(String kind);

    /**
     * Whether every vector of the kind stored so far, by this node or another, can be returned by a search on
     * this node. A vector is stored before it is put into the index, and another node's vectors reach this
     * node's index between its batches: until then a search misses them although {@link #remaining} says 0.
     */
    boolean searchable(String kind);

    /** Cosine similarity of two unit-length vectors: their dot product. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /**
     * Which records a search may return: a district code (the region code prefix of the record's place;
     * null for any), a time window on the record's time (nulls for open ends), and records to leave out
     * (the text's own record).
     */
    record Filter(String district, Instant since, Instant until, List<Long> exclude) {
        public static Filter any() {
            return new Filter(null, null, null, List.of());
        }
    }

    /** A stored record and its cosine similarity to the query, in [-1, 1]. */
    record Neighbour(long id, double similarity) {
    }

    /** How far the vectors of a kind are: {@code done} stored for {@code model}, {@code remaining} to compute. */
    record Progress(String kind, String model, long done, long remaining, boolean running) {
    }
}
