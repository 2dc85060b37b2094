package org.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefreshedTests {

    private final AtomicLong nanos = new AtomicLong();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final AtomicInteger reads = new AtomicInteger();

    private Refreshed<String> refreshed() {
        return new Refreshed<>(Duration.ofMinutes(1), () -> "v" + reads.incrementAndGet(), nanos::get, background::add);
    }

    @Test
    void aValueDueIsReadAgainInTheBackgroundWhileCallersGetTheOneTheyHad() {
        Refreshed<String> value = refreshed();
        assertThat(value.get()).isEqualTo("v1");
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(value.get()).isEqualTo("v1");
        runBackground();
        assertThat(reads).as("not due yet").hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(value.get()).as("due: the caller is not kept waiting for the read").isEqualTo("v1");
        assertThat(reads).hasValue(1);
        runBackground();
        assertThat(reads).hasValue(2);
        assertThat(value.get()).isEqualTo("v2");
        runBackground();
        assertThat(reads).hasValue(2);
    }

    @Test
    void forgottenTheNextCallerReadsAtOnce() {
        Refreshed<String> value = refreshed();
        assertThat(value.get()).isEqualTo("v1");
        value.forget();
        assertThat(value.get()).isEqualTo("v2");
        assertThat(value.get()).isEqualTo("v2");
        runBackground();
        assertThat(reads).hasValue(2);
    }

    /** What the cache gave its executor: the background read when one is due, and its own housekeeping. */
    private void runBackground() {
        for (Runnable task = background.poll(); task != null; task = background.poll()) {
            task.run();
        }
    }

    /**
     * The stall this class exists for: a first caller's read waits (for a connection the others hold); a second
     * caller reads for itself instead of waiting for it. With a cache's blocking load the second caller waited as
     * long as the first.
     */
    @Test
    void noCallerWaitsForAnotherCallersRead() throws Exception {
        CountDownLatch firstReading = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Refreshed<String> value = new Refreshed<>(Duration.ofMinutes(1), () -> {
            if (calls.incrementAndGet() == 1) {
                firstReading.countDown();
                try {
                    releaseFirst.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }
            return "second";
        });
        CompletableFuture<String> first = CompletableFuture.supplyAsync(value::get);
        try {
            assertThat(firstReading.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> second = CompletableFuture.supplyAsync(value::get);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            releaseFirst.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(calls).hasValue(2);
    }
}
