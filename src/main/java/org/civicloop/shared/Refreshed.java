package org.civicloop.shared;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * A value read from the database and kept, read again in the background once it is older than {@code after}: the
 * callers meanwhile get the value they had. No caller ever waits for another caller's read.
 *
 * <p>Why not a cache that expires: when the active categories (kept a minute) expired under 64 concurrent
 * submissions, one request read them again while the others waited for it in the cache, twenty of them inside
 * their transactions, each holding one of the pool's connections (twenty then); the reader waited 5 s for a connection
 * that none of them could give back, and every submission of those seconds was answered 503: 83 of 12,530 in a
 * run of 20 s that lasted 46 s (docs/benchmarks.md, "A lean load tool, and a stall once a minute").
 *
 * <p>Before the first read, and after {@link #forget()}, each caller reads for itself.
 */
public final class Refreshed<T> {

    private final Supplier<T> read;
    private final LoadingCache<Boolean, T> value;

    public Refreshed(Duration after, Supplier<T> read) {
        this(after, read, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /** With the time and the thread of the background read given (tests). */
    Refreshed(Duration after, Supplier<T> read, Ticker ticker, Executor executor) {
        this.read = read;
        this.value = Caffeine.newBuilder().refreshAfterWrite(after).ticker(ticker).executor(executor)
                .build(key -> read.get());
    }

    /** The value: as last read, the background read asked for when it is due. */
    public T get() {
        T known = value.getIfPresent(Boolean.TRUE);
        if (known != null) {
            return known;
        }
        T fresh = read.get();
        value.put(Boolean.TRUE, fresh);
        return fresh;
    }

    /** Forgets the value: the next caller reads it (after a change this node made itself). */
    public void forget() {
        value.invalidateAll();
    }
}
