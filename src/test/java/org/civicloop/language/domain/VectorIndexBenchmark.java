package org.civicloop.language.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.civicloop.language.TextVectors;

/**
 * Not a test: measures the vector index alone at a given size, with vectors drawn around 5,000 topic
 * centres (many near-duplicates, as opinions are) over 100 districts and three years. Run by
 * {@code scripts/vector-index-benchmark N}; prints build time, index size and the p50/p95/p99 of a
 * filtered search (district, one-year window, 30 neighbours).
 */
public final class VectorIndexBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        Path folder = Files.createTempDirectory("vector-bench");
        Random random = new Random(17);
        float[][] centres = new float[5000][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = unit(gaussian(random, 1.0f));
        }
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // the vectors themselves, kept for the exact search that the recall is measured against (up to 200,000)
        float[][] kept = n <= 200_000 ? new float[n][] : null;
        long t0 = System.nanoTime();
        long built;
        try (VectorIndex index = VectorIndex.open(folder, "bench", "bench")) {
            for (int i = 0; i < n; i++) {
                float[] v = around(centres[random.nextInt(centres.length)], random);
                if (kept != null) {
                    kept[i] = v;
                }
                index.put(i, district(i), at(start, i, n), v, Instant.now());
            }
            index.commit("bench");
            built = System.nanoTime() - t0;
        }
        // closing waits for the merges the build started: the searches see the index as it stays, not half merged
        long merged = System.nanoTime() - t0 - built;
        System.out.printf("built in %.1f s, its merges finished %.1f s later%n", built / 1e9, merged / 1e9);
        try (VectorIndex index = VectorIndex.open(folder, "bench", "bench")) {
            // -Dboth=true: the district's window and then the whole province's, on the same index
            for (boolean broad : Boolean.getBoolean("both") ? List.of(false, true) : List.of(Boolean.getBoolean("broad"))) {
                search(index, kept, centres, random, start, n, broad, built, folder);
            }
        }
    }

    private static void search(VectorIndex index, float[][] kept, float[][] centres, Random random, Instant start, int n,
                               boolean broad, long built, Path folder) throws java.io.IOException {
        int queries = 1000;
        long[] took = new long[queries];
        long exactFound = 0;
        long bothFound = 0;
        for (int q = 0; q < queries; q++) {
            float[] v = around(centres[random.nextInt(centres.length)], random);
            Instant to = start.plusSeconds(random.nextInt(3 * 365) * 86400L);
            // broad: the whole province (no district), where the graph itself is searched rather than
            // the few thousand vectors a district's window lets through
            String district = broad ? null : district(random.nextInt(n));
            long s = System.nanoTime();
            List<TextVectors.Neighbour> found = index.nearest(v, 30,
                    new TextVectors.Filter(district, to.minusSeconds(365L * 86400), to, List.of()));
            took[q] = System.nanoTime() - s;
            if (found.isEmpty() && q == 0) {
                System.out.println("(first query found nothing)");
            }
            if (kept != null && q % 5 == 0) {
                List<Long> exact = exact(kept, v, district, to.minusSeconds(365L * 86400), to, start, n);
                exactFound += exact.size();
                bothFound += found.stream().filter(f -> exact.contains(f.id())).count();
            }
        }
        Arrays.sort(took);
        long bytes;
        try (var files = Files.walk(folder)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf("vectors=%d districts=%d filter=%s segments=%s build_s=%.1f index_mb=%.0f p50_ms=%.2f p95_ms=%.2f"
                        + " p99_ms=%.2f recall30=%s%n", n, DISTRICTS, broad ? "year" : "district+year", segments(folder),
                built / 1e9, bytes / 1e6, took[queries / 2] / 1e6, took[queries * 95 / 100] / 1e6, took[queries * 99 / 100] / 1e6,
                exactFound == 0 ? "n/a" : String.format("%.3f", (double) bothFound / exactFound));
    }

    /** The committed index's segments, by their number of vectors. */
    private static String segments(Path folder) throws java.io.IOException {
        try (var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(folder.resolve("bench")))) {
            return reader.leaves().stream().map(l -> Integer.toString(l.reader().maxDoc())).toList().toString().replace(" ", "");
        }
    }

    /** -Ddistricts=K (100): a district's share of the vectors is 1 / K. */
    private static final int DISTRICTS = Integer.getInteger("districts", 100);

    private static Instant at(Instant start, int i, int n) {
        return start.plusSeconds((long) i * (3L * 365 * 86400 / n));
    }

    /** The 30 nearest at a cosine of 0.5 or more, by an exact search over the vectors the filter lets through: what the graph should find. */
    private static List<Long> exact(float[][] kept, float[] query, String district, Instant since, Instant until,
                                    Instant start, int n) {
        java.util.PriorityQueue<double[]> best = new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble(a -> a[0]));
        for (int i = 0; i < n; i++) {
            Instant at = at(start, i, n);
            if ((district != null && !district(i).equals(district)) || at.isBefore(since) || at.isAfter(until)) {
                continue;
            }
            double cosine = TextVectors.cosine(query, kept[i]);
            if (cosine < 0.5) {
                continue; // far from anything a person would call similar: its order among the rest means nothing
            }
            best.add(new double[] {cosine, i});
            if (best.size() > 30) {
                best.poll();
            }
        }
        return best.stream().map(a -> (long) a[1]).toList();
    }

    private static String district(int i) {
        return "52" + String.format("%04d", i % DISTRICTS);
    }

    private static float[] around(float[] centre, Random random) {
        float[] noise = gaussian(random, 0.035f);
        float[] v = new float[centre.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = centre[i] + noise[i];
        }
        return unit(v);
    }

    private static float[] gaussian(Random random, float sigma) {
        float[] v = new float[SentenceModel.DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian() * sigma;
        }
        return v;
    }

    private static float[] unit(float[] v) {
        return SentenceModel.normalized(v);
    }
}
