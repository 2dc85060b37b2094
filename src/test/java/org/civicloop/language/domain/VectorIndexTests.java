package org.civicloop.language.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.civicloop.language.TextVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector index's filtered search, on a real Lucene index in a temporary folder: whether a segment is
 * walked as a graph or, the filter leaving it few vectors, read one by one, the nearest vectors within
 * the filter come back in order, and none outside it.
 */
class VectorIndexTests {

    private static final int DIMENSIONS = 64;

    @TempDir
    Path folder;

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** {@code base} moved towards a random direction: cosine with base falls as {@code away} grows. */
    private static float[] near(float[] base, double away, Random random) {
        float[] noise = unit(random);
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) ((1 - away) * base[i] + away * noise[i]);
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Test
    void aFilterLeavingFewVectorsFindsTheSameNearestAsReadingAllOfThem() {
        Random random = new Random(7);
        float[] query = unit(random);
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        // three segments of 600 vectors; district A's graph holds 12 in each (read one by one when a window
        // leaves few of them), district B's 300 (walked); the nearest to the query are spread over all districts
        float[][] vectors = new float[1800][];
        String[] districts = new String[1800];
        try (VectorIndex index = VectorIndex.open(folder, "opinion", "test-model")) {
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 600; i++) {
                    int id = segment * 600 + i;
                    // every tenth near the query, each nearer than the next by a step the 7-bit quantization keeps
                    vectors[id] = i % 10 == 0 ? near(query, 0.01 + 0.05 * (id / 10), random) : unit(random);
                    districts[id] = i % 50 == 0 ? "A" : i % 2 == 0 ? "B" : "C";
                    index.put(id, districts[id], at.plusSeconds(id), vectors[id], at);
                }
                index.commit("test-model");
            }
            assertThat(index.size()).isEqualTo(1800);
            for (String district : List.of("A", "B")) {
                List<Long> exact = IntStream.range(0, 1800).filter(i -> districts[i].equals(district)).boxed()
                        .sorted(Comparator.comparingDouble(i -> -TextVectors.cosine(query, vectors[i])))
                        .limit(5).map(Integer::longValue).toList();
                List<TextVectors.Neighbour> found = index.nearest(query, 5,
                        new TextVectors.Filter(district, null, null, List.of()));
                assertThat(found).as("district " + district).extracting(TextVectors.Neighbour::id).containsExactlyElementsOf(exact);
                assertThat(found.get(0).similarity()).isCloseTo(TextVectors.cosine(query, vectors[exact.get(0).intValue()]),
                        org.assertj.core.data.Offset.offset(0.02));
            }
            // no district: every district's graph is asked, and the answers ranked together
            List<Long> everywhere = IntStream.range(0, 1800).boxed()
                    .sorted(Comparator.comparingDouble(i -> -TextVectors.cosine(query, vectors[i])))
                    .limit(8).map(Integer::longValue).toList();
            assertThat(everywhere).extracting(id -> districts[id.intValue()]).contains("A", "B");
            assertThat(index.nearest(query, 8, new TextVectors.Filter(null, null, null, List.of())))
                    .extracting(TextVectors.Neighbour::id).containsExactlyElementsOf(everywhere);
            // a district's 36 vectors and a time window inside them: only those (far from the query, where the
            // 7-bit quantization's error exceeds the steps between them: their order is not asked)
            Instant since = at.plusSeconds(600);
            Instant until = at.plusSeconds(1199);
            List<Long> inWindow = IntStream.range(600, 1200).filter(i -> districts[i].equals("A")).boxed()
                    .map(Integer::longValue).toList();
            assertThat(index.nearest(query, 40, new TextVectors.Filter("A", since, until, List.of())))
                    .extracting(TextVectors.Neighbour::id).containsExactlyInAnyOrderElementsOf(inWindow);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A vector is stored, then put, then made searchable: until the refresh the index does not claim it (the
     * same-matter clustering waits for this, or an opinion would miss its neighbour and found its own cluster),
     * and a reopened index claims what its last commit holds, and reads the table from the snapshot of its last
     * read; emptied, it forgets that read.
     */
    @Test
    void theIndexClaimsOnlyWhatASearchCanFind() throws Exception {
        Random random = new Random(11);
        float[] v = unit(random);
        Instant first = Instant.parse("2026-12-01T00:00:00Z");
        Instant second = first.plusSeconds(60);
        var everywhere = new TextVectors.Filter(null, null, null, List.of());
        try (VectorIndex index = VectorIndex.open(folder, "opinion", "test-model")) {
            assertThat(index.searchableUpTo()).isEqualTo(Instant.EPOCH);
            index.put(1, "A", first, v, first);
            assertThat(index.nearest(v, 5, everywhere)).isEmpty();
            assertThat(index.searchableUpTo()).isEqualTo(Instant.EPOCH);
            index.refresh();
            assertThat(index.nearest(v, 5, everywhere)).extracting(TextVectors.Neighbour::id).containsExactly(1L);
            assertThat(index.searchableUpTo()).isEqualTo(first);
            index.readUpTo("1000:1003:1001");
            index.put(2, "A", first, unit(random), second);
            assertThat(index.searchableUpTo()).isEqualTo(first);
            index.commit("test-model");
            assertThat(index.searchableUpTo()).isEqualTo(second);
        }
        try (VectorIndex reopened = VectorIndex.open(folder, "opinion", "test-model")) {
            assertThat(reopened.searchableUpTo()).isEqualTo(second);
            assertThat(reopened.readUpTo()).isEqualTo("1000:1003:1001");
            assertThat(reopened.nearest(v, 5, everywhere)).hasSize(2);
            reopened.clear();
            assertThat(reopened.searchableUpTo()).isEqualTo(Instant.EPOCH);
            assertThat(reopened.readUpTo()).isNull();
        }
    }

    /**
     * A graph crowded with copies of a few texts, as the same matter raised by many people makes it, still gives
     * each text itself first when three are asked for: the graph is walked with {@link VectorIndex#MIN_CANDIDATES}
     * (walked with three, the text was missing from the answer in 10 of these 400 searches).
     */
    @Test
    void aGraphCrowdedWithCopiesStillFindsEachTextItself() {
        int missing = 0;
        for (int round = 0; round < 10; round++) {
            Random random = new Random(round);
            float[] topic = unit(random);
            try (VectorIndex index = VectorIndex.open(folder.resolve("crowded-" + round), "opinion", "test-model")) {
                List<float[]> texts = IntStream.range(0, 50).mapToObj(i -> near(topic, 0.6, random)).toList();
                long id = 1;
                for (float[] text : texts) {
                    index.put(id++, "A", Instant.EPOCH, text, Instant.EPOCH);
                    if (id % 7 == 0) {
                        index.commit("test-model");
                    }
                }
                for (int copy = 0; copy < 350; copy++) {
                    index.put(id++, "A", Instant.EPOCH, texts.get(40 + random.nextInt(10)), Instant.EPOCH);
                    if (id % 13 == 0) {
                        index.commit("test-model");
                    }
                }
                index.commit("test-model");
                for (int t = 0; t < 40; t++) {
                    if (!index.nearest(texts.get(t), 3, TextVectors.Filter.any()).stream()
                            .map(TextVectors.Neighbour::id).toList().contains(t + 1L)) {
                        missing++;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(missing).as("searches of 400 not finding the text itself").isZero();
    }

    /** An index laid out as one graph for all districts (before 2026-12-07) is emptied, to be built again from the table. */
    @Test
    void anIndexWithOneGraphForAllDistrictsIsBuiltAgain() throws Exception {
        Random random = new Random(13);
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        try (var directory = org.apache.lucene.store.FSDirectory.open(folder.resolve("opinion"));
             var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig())) {
            // the old layout's fields: the district as a term, the time as points only, one vector field
            var doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.StringField("key", "1", org.apache.lucene.document.Field.Store.NO));
            doc.add(new org.apache.lucene.document.StringField("district", "A", org.apache.lucene.document.Field.Store.NO));
            doc.add(new org.apache.lucene.document.LongPoint("at", at.toEpochMilli()));
            doc.add(new org.apache.lucene.document.KnnFloatVectorField("v", unit(random),
                    org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT));
            writer.addDocument(doc);
            writer.setLiveCommitData(java.util.Map.of(VectorIndex.MODEL, "test-model", VectorIndex.WATERMARK, at.toString()).entrySet());
            writer.commit();
        }
        try (VectorIndex index = VectorIndex.open(folder, "opinion", "test-model")) {
            assertThat(index.size()).isZero();
            assertThat(index.watermark()).isEqualTo(Instant.EPOCH);
            index.put(1, "A", at, unit(random), at);
            index.commit("test-model");
        }
        // the time now has doc values too: the old schema is gone with the old vectors, or this would be refused
        try (VectorIndex reopened = VectorIndex.open(folder, "opinion", "test-model")) {
            assertThat(reopened.size()).isEqualTo(1);
            assertThat(reopened.watermark()).isEqualTo(at);
            assertThat(reopened.nearest(unit(random), 5, new TextVectors.Filter("A", at.minusSeconds(60), at, List.of())))
                    .extracting(TextVectors.Neighbour::id).containsExactly(1L);
        }
    }
}
