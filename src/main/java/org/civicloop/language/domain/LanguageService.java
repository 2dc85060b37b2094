package org.civicloop.language.domain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.civicloop.language.TextSource;
import org.civicloop.language.TextVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * {@link TextVectors}, with the one background worker that computes vectors: after the application is
 * ready it loads the model, opens each kind's index (adding what the table holds and the index lacks),
 * then computes, a batch per transaction, first the records asked for by {@link #refresh} and then the
 * backfill of every kind, and waits for more. Readiness is never delayed: until the model and the
 * indexes are open, {@link #ready()} is false and callers match by words alone.
 */
@Service
public class LanguageService implements TextVectors {

    private static final Logger log = LoggerFactory.getLogger(LanguageService.class);

    private final SentenceModel model;
    private final VectorStore store;
    private final LanguageProperties properties;
    private final ObjectProvider<TextSource> sources;
    private final Path indexDir;
    private final Map<String, VectorIndex> indexes = new ConcurrentHashMap<>();
    /** What is asked for, guarded by {@link #queue} alone: see {@link #refresh}. */
    private final Set<Request> requested = new LinkedHashSet<>();
    /** Taken from {@link #requested} by the worker and not yet stored: still waiting, as far as progress goes. */
    private final Set<Request> inFlight = new LinkedHashSet<>();
    /** The worker's: held while it loads, computes a batch or reads vectors (database work). */
    private final ReentrantLock lock = new ReentrantLock();
    /** Held only to add to or take from {@link #requested}, never across database or model work. */
    private final ReentrantLock queue = new ReentrantLock();
    private final Condition wake = queue.newCondition();
    private volatile boolean indexesOpen;
    private volatile boolean stopping;
    private volatile Thread worker;

    @Autowired
    LanguageService(SentenceModel model, VectorStore store, LanguageProperties properties, ObjectProvider<TextSource> sources,
                    @Value("${civicloop.data-dir:./data}") Path dataDir) {
        this.model = model;
        this.store = store;
        this.properties = properties;
        this.sources = sources;
        this.indexDir = properties.indexDir() != null ? properties.indexDir() : dataDir.resolve("vectors");
    }

    private record Request(String kind, long id) {
    }

    @Override
    public String model() {
        return SentenceModel.NAME;
    }

    @Override
    public boolean ready() {
        return indexesOpen && model.ready();
    }

    @Override
    public Optional<float[]> embed(String text) {
        return model.embed(text);
    }

    @Override
    public List<Neighbour> nearest(String kind, float[] query, int limit, Filter filter) {
        VectorIndex index = indexes.get(kind);
        if (!ready() || index == null || query == null || limit < 1) {
            return List.of();
        }
        return index.nearest(query, limit, filter);
    }

    @Override
    public Map<Long, float[]> stored(String kind, Collection<Long> ids) {
        return store.vectors(kind, model(), ids);
    }

    @Override
    public boolean loadModel() {
        if (properties.enabled()) {
            model.load();
        }
        return model.ready();
    }

    @Override
    public Set<Long> notSearchableYet(String kind, Collection<Long> ids) {
        VectorIndex index = indexes.get(kind);
        Set<Long> missing = new LinkedHashSet<>(ids);
        if (index != null) {
            String read = index.searchableReadUpTo();
            if (read != null) {
                // what the last read made searchable saw, or this node put itself
                missing.removeAll(store.seen(kind, model(), ids, read, index.ownWrites(), index.watermark()));
            } else {
                // before a first read: the index holds every vector computed before its watermark; the batch at
                // the watermark is being put or was just made searchable: counted as not yet, to be sure
                missing.removeAll(store.computedBefore(kind, model(), ids, index.watermark()));
            }
        }
        return missing;
    }

    @Override
    public boolean searchable(String kind) {
        VectorIndex index = indexes.get(kind);
        if (!ready() || index == null) {
            return false;
        }
        String read = index.searchableReadUpTo();
        if (read != null) {
            // every vector written is one the last read made searchable saw, or one this node put itself (a vector
            // another node committed late, after this node's read, is not yet: the same-matter clustering waits)
            return !store.unseen(kind, model(), read, index.ownWrites());
        }
        Instant newest = store.newest(kind, model());
        return newest == null || !newest.isAfter(index.searchableUpTo());
    }

    @Override
    public long backfilledUpTo(String kind) {
        return store.cursor(kind, model());
    }

    /**
     * Called on request threads after their commit, while they still hold their database connection: it must
     * never wait for the worker, which holds {@link #lock} while it computes a batch and needs a connection of
     * its own to store it (64 submissions at once on a pool of 20 waited for each other until the connection
     * time-out, and the worker stopped for good).
     */
    @Override
    public void refresh(String kind, List<Long> ids) {
        if (!properties.enabled() || ids.isEmpty()) {
            return;
        }
        queue.lock();
        try {
            ids.forEach(id -> requested.add(new Request(kind, id)));
            wake.signalAll();
        } finally {
            queue.unlock();
        }
    }

    @Override
    public List<Progress> progress() {
        List<Progress> out = new ArrayList<>();
        boolean running = worker != null && worker.isAlive() && ready();
        for (TextSource source : sources.orderedStream().toList()) {
            out.add(new Progress(source.kind(), model(), store.count(source.kind(), model()), remaining(source), running));
        }
        return out;
    }

    @Override
    public long remaining(String kind) {
        return sources.orderedStream().filter(s -> s.kind().equals(kind)).findFirst().map(this::remaining).orElse(0L);
    }

    private long remaining(TextSource source) {
        long cursor = store.cursor(source.kind(), model());
        long waiting;
        queue.lock();
        try {
            waiting = java.util.stream.Stream.concat(requested.stream(), inFlight.stream())
                    .filter(r -> r.kind().equals(source.kind()) && r.id() <= cursor).count();
        } finally {
            queue.unlock();
        }
        return source.countAfter(cursor) + waiting;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled() || worker != null) {
            return;
        }
        Thread thread = new Thread(this::run, "language");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        worker = thread;
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.lock();
        try {
            indexesOpen = false;
            for (VectorIndex index : indexes.values()) {
                try {
                    index.commit(model());
                    index.close();
                } catch (IOException | RuntimeException e) {
                    log.warn("Closing the vector index {} failed: {}", index.folder(), e.toString());
                }
            }
            indexes.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The worker's loop. A failure (the database away for a moment, a connection not had in time) is logged
     * and the loop goes on after a pause: it used to end the worker for good, and matching stayed lexical
     * until a restart. What a failed batch was asking for is not lost: the backfill finds every record
     * without a vector.
     */
    private void run() {
        try {
            sleep(properties.loadDelay());
            while (!stopping) {
                try {
                    prepare();
                    if (!step()) {
                        commit();
                        catchUp();
                        queue.lock();
                        try {
                            if (requested.isEmpty() && !stopping) {
                                wake.await(properties.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                            }
                        } finally {
                            queue.unlock();
                        }
                    }
                } catch (RuntimeException e) {
                    if (stopping) {
                        return;
                    }
                    log.error("The language worker failed; it tries again in {} (matching is by words while the "
                            + "model or its indexes are not ready)", properties.idlePoll(), e);
                    sleep(properties.idlePoll());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Computes everything that is asked for or missing, on the caller's thread, and makes it searchable:
     * for tests and commands that must see the vectors before going on.
     */
    public void drain() {
        if (!properties.enabled()) {
            return;
        }
        prepare();
        while (step()) {
            // one batch per step
        }
        // and what other nodes (or other applications on the same database) stored meanwhile
        catchUp();
        commit();
    }

    /** Loads the model and opens every kind's index, once. */
    private void prepare() {
        lock.lock();
        try {
            if (indexesOpen) {
                return;
            }
            model.load();
            for (TextSource source : sources.orderedStream().toList()) {
                if (!indexes.containsKey(source.kind())) { // opened before an earlier attempt failed on another kind
                    indexes.put(source.kind(), openIndex(source.kind()));
                }
            }
            indexesOpen = true;
        } finally {
            lock.unlock();
        }
    }

    /** A kind's index, with what the table holds and the index lacks added; closed again if that fails. */
    private VectorIndex openIndex(String kind) {
        long start = System.nanoTime();
        VectorIndex index = VectorIndex.open(indexDir, kind, model());
        try {
            Instant newest = store.newest(kind, model());
            if (index.watermark().isAfter(newest == null ? Instant.EPOCH : newest)) {
                // the index holds vectors the table never had or no longer has: it was built beside another
                // database (a fresh one, a backup restored in place); its ids would name other texts
                log.warn("Vector index {} is newer ({}) than the table's vectors ({}): rebuilt from the table",
                        kind, index.watermark(), newest);
                index.clear();
            } else if (index.readUpTo() != null && !store.fromThisDatabase(index.readUpTo())) {
                log.warn("Vector index {} was last read from another database (snapshot {}): read again by time",
                        kind, index.readUpTo());
                index.readUpTo(null);
                index.refresh(); // searches no longer claim what that snapshot saw
            }
            long added = readFromTable(kind, index);
            index.commit(model());
            log.info("Vector index {}: {} vectors, {} added from the table in {} ms", kind, index.size(),
                    added, (System.nanoTime() - start) / 1_000_000);
            return index;
        } catch (IOException | RuntimeException e) {
            // its writer holds the folder's lock: closed, so that the next attempt can open it again
            try {
                index.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof IOException io ? new java.io.UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** One batch: asked-for records first, then the backfill of the first kind that has any left. */
    private boolean step() {
        lock.lock();
        try {
            Map<String, List<Long>> byKind = new LinkedHashMap<>();
            queue.lock();
            try {
                var it = requested.iterator();
                for (int n = 0; n < properties.batchSize() && it.hasNext(); n++) {
                    Request r = it.next();
                    it.remove();
                    inFlight.add(r);
                    byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.id());
                }
            } finally {
                queue.unlock();
            }
            if (!byKind.isEmpty()) {
                try {
                    byKind.forEach((kind, ids) -> source(kind).ifPresent(s -> compute(kind, s.byIds(ids), null)));
                } finally {
                    queue.lock();
                    try {
                        inFlight.clear();
                    } finally {
                        queue.unlock();
                    }
                }
                return true;
            }
            for (TextSource source : sources.orderedStream().toList()) {
                long cursor = store.cursor(source.kind(), model());
                List<TextSource.Text> batch = source.after(cursor, properties.batchSize());
                if (batch.isEmpty()) {
                    continue;
                }
                Set<Long> done = store.current(source.kind(), model(), batch.stream().map(TextSource.Text::id).toList());
                compute(source.kind(), batch.stream().filter(t -> !done.contains(t.id())).toList(),
                        batch.get(batch.size() - 1).id());
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void compute(String kind, List<TextSource.Text> texts, Long cursor) {
        List<VectorStore.Embedded> embedded = new ArrayList<>(texts.size());
        for (TextSource.Text t : texts) {
            model.embed(t.text()).ifPresent(v -> embedded.add(new VectorStore.Embedded(t, v)));
        }
        VectorStore.Saved saved = store.save(kind, model(), embedded, cursor);
        VectorIndex index = indexes.get(kind);
        if (index != null && !embedded.isEmpty()) {
            embedded.forEach(e -> index.put(e.text().id(), e.text().district(), e.text().at(), e.vector(), saved.computedAt()));
            index.refresh();
            if (saved.xid() != null) {
                index.wrote(saved.xid());
            }
        }
    }

    /**
     * Adds to the index what the table holds and its last read did not see: vectors another node computed, or
     * lost in a crash. Read by transaction, not by {@code computed_at}: a vector's {@code computed_at} is its
     * transaction's start, so another node's batch that started before this node's newest vector and committed
     * after this node had read past it was never read by time (its index then lacked the vector for good, and
     * the same-matter clustering missed a neighbour). Answers the vectors added.
     */
    private long readFromTable(String kind, VectorIndex index) {
        String snapshot = store.snapshot();
        long[] added = {0};
        Consumer<VectorStore.Stored> put = s -> {
            index.put(s.id(), s.district(), s.at(), s.vector(), s.computedAt());
            added[0]++;
        };
        String last = index.readUpTo();
        if (last != null) {
            store.eachWrittenAfter(kind, model(), last, index.ownWrites(), put);
        } else {
            // first read of an index (new, emptied, of before 2026-12-07, or last read from another database):
            // every vector since its watermark
            store.each(kind, model(), index.watermark(), put);
        }
        index.readUpTo(snapshot);
        // the transactions before the snapshot's oldest in progress are all seen by it: never read again
        long oldest = VectorStore.oldest(snapshot);
        index.ownWrites().removeIf(xid -> xid < oldest);
        return added[0];
    }

    /** Between batches, the vectors other nodes computed become searchable here too. Answers the vectors added. */
    long catchUp() {
        lock.lock();
        try {
            long total = 0;
            for (Map.Entry<String, VectorIndex> e : indexes.entrySet()) {
                total += readFromTable(e.getKey(), e.getValue());
                // also when nothing was added: what searches find is then seen by the read's snapshot (a reader
                // that has not changed is kept, at no cost)
                e.getValue().refresh();
            }
            return total;
        } finally {
            lock.unlock();
        }
    }

    private void commit() {
        indexes.values().forEach(i -> i.commit(model()));
    }

    private Optional<TextSource> source(String kind) {
        return sources.orderedStream().filter(s -> s.kind().equals(kind)).findFirst();
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis());
        }
    }
}
