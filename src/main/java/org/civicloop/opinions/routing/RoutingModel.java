package org.civicloop.opinions.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A linear model on character bigrams (multinomial naive Bayes over hashed bigrams: linear in log
 * space, trained in one pass, no library): it votes beside the neighbours once the history holds at
 * least {@value #MIN_HISTORY} matters. Trained in the background from the most recent
 * {@value #TRAIN_ROWS} rows and trained again when the history has grown by a tenth; until then the
 * previous model answers. About {@code units × 2^16 × 4} bytes (13 MB for 50 units).
 */
@Component
class RoutingModel implements DisposableBean {

    static final int MIN_HISTORY = 1000;
    static final int TRAIN_ROWS = 100_000;
    private static final int BUCKETS = 1 << 16;

    private final JdbcClient jdbc;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "routing-model");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean training = new AtomicBoolean();
    private volatile Trained trained;

    RoutingModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The model's probabilities per unit for a text, once there is a model. */
    record Vote(Map<Long, Double> units) {
    }

    private record Trained(long rows, long[] units, float[][] logLikelihood, double[] logPrior) {
    }

    Optional<Vote> vote(String text) {
        long size = jdbc.sql("select count(*) from routing_history").query(Long.class).single();
        Trained m = trained;
        if (size >= MIN_HISTORY && (m == null || size > m.rows() * 1.1 || size < m.rows() * 0.9)) {
            retrain();
        }
        if (m == null || size < MIN_HISTORY) {
            return Optional.empty();
        }
        Set<String> grams = CharGrams.of(text);
        if (grams.isEmpty()) {
            return Optional.empty();
        }
        double[] scores = new double[m.units().length];
        double max = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < scores.length; u++) {
            double s = 0;
            for (String g : grams) {
                s += m.logLikelihood()[u][bucket(g)];
            }
            // the average per bigram, so that a long text is not more certain than a short one
            scores[u] = m.logPrior()[u] / grams.size() + s / grams.size();
            max = Math.max(max, scores[u]);
        }
        double sum = 0;
        for (int u = 0; u < scores.length; u++) {
            scores[u] = Math.exp(8 * (scores[u] - max));
            sum += scores[u];
        }
        Map<Long, Double> p = new HashMap<>();
        for (int u = 0; u < scores.length; u++) {
            if (scores[u] / sum >= 0.01) {
                p.put(m.units()[u], scores[u] / sum);
            }
        }
        return Optional.of(new Vote(p));
    }

    /** Trains now, in the caller's thread (tests, and the background trainer). */
    void train() {
        record Row(long unitId, String text) {
        }
        List<Row> rows = jdbc.sql("select unit_id, left(text, :read) as text from routing_history order by id desc limit :limit")
                .param("read", CharGrams.READ).param("limit", TRAIN_ROWS).query(Row.class).list();
        long size = jdbc.sql("select count(*) from routing_history").query(Long.class).single();
        Map<Long, Integer> index = new HashMap<>();
        rows.forEach(r -> index.putIfAbsent(r.unitId(), index.size()));
        int n = index.size();
        float[][] counts = new float[n][BUCKETS];
        double[] totals = new double[n];
        double[] docs = new double[n];
        for (Row r : rows) {
            int u = index.get(r.unitId());
            docs[u]++;
            for (String g : CharGrams.of(r.text())) {
                counts[u][bucket(g)]++;
                totals[u]++;
            }
        }
        long[] units = new long[n];
        index.forEach((unit, i) -> units[i] = unit);
        double[] prior = new double[n];
        for (int u = 0; u < n; u++) {
            prior[u] = Math.log(docs[u] / rows.size());
            double denominator = Math.log(totals[u] + 0.1 * BUCKETS);
            for (int b = 0; b < BUCKETS; b++) {
                counts[u][b] = (float) (Math.log(counts[u][b] + 0.1) - denominator);
            }
        }
        trained = new Trained(size, units, counts, prior);
    }

    private void retrain() {
        if (training.compareAndSet(false, true)) {
            trainer.execute(() -> {
                try {
                    train();
                } finally {
                    training.set(false);
                }
            });
        }
    }

    private static int bucket(String gram) {
        return (gram.hashCode() & 0x7fffffff) % BUCKETS;
    }

    @Override
    public void destroy() {
        trainer.shutdownNow();
    }
}
