package org.civicloop.language.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.Bits;
import org.apache.lucene.store.FSDirectory;
import org.civicloop.language.TextVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vector index of one kind: Lucene's HNSW graphs with vectors quantized to 7 bits (a quarter of the
 * memory of float32 at a recall loss the re-ranking absorbs), in a folder beside PostgreSQL. Each district has
 * a graph of its own (a vector field per district, {@link #GRAPHS}): a search within a district walks only its
 * district's vectors, however many districts the index holds, and a search across districts asks each graph.
 * It holds nothing that is not in {@code text_vector}: the commit records the model, the layout, the newest
 * {@code computed_at} it contains and the database snapshot of its last read, and on opening, rows that snapshot did
 * not see are added again (a crash between the database's commit and the index's loses nothing); a different model
 * or layout, or a missing folder, rebuilds it from the table, and so does an index newer than the table (built
 * beside another database: a fresh one, or a backup restored in place), whose ids would name other texts.
 */
final class VectorIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VectorIndex.class);

    static final String MODEL = "model";
    /** Links per node of the graph (Lucene's default). */
    static final int MAX_CONNECTIONS = 16;
    /**
     * Candidates weighed per insertion: half Lucene's default of 100. The graph is built 1.8 times as fast
     * (100,000 vectors on one core of an idle machine: 75 s instead of 137 s) and finds 0.94 instead of 0.97
     * of the exact neighbours at a cosine of 0.5 or more over a whole province's year
     * ({@code scripts/vector-index-benchmark}, {@code -Dbroad=true}); a district's window is small enough for
     * Lucene to search it exactly, graph or not.
     */
    static final int BEAM_WIDTH = 50;
    static final String WATERMARK = "watermark";
    /** The database snapshot of the last read from the table whose vectors the commit holds. */
    static final String READ_UP_TO = "read-up-to";
    /**
     * How the vectors are laid out, recorded in the commit: an index laid out otherwise (one graph for every
     * district, before 2026-12-07) is rebuilt from the table on opening.
     */
    static final String LAYOUT = "layout";
    static final String GRAPHS = "graph-per-district";
    /** The vector field of records without a district; a district's field is this, a dot and its code. */
    private static final String VECTORS = "v";

    private final Path folder;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile Instant watermark = Instant.EPOCH;
    /** The watermark when searches were last refreshed: every vector computed up to it can be found. */
    private volatile Instant searchable = Instant.EPOCH;
    private volatile String readUpTo;
    /** {@link #readUpTo} when searches were last refreshed: every vector that snapshot saw can be found. */
    private volatile String searchableRead;
    /**
     * The transactions of this node's own batches that its last read from the table did not see: their vectors are
     * in the index already (added here once searchable), and the next read passes over them.
     */
    private final Set<Long> ownWrites = ConcurrentHashMap.newKeySet();
    private boolean dirty;

    private VectorIndex(Path folder) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
        this.directory = FSDirectory.open(folder);
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswScalarQuantizedVectorsFormat(MAX_CONNECTIONS, BEAM_WIDTH, 1, 7, false, null, null);
                    }
                })
                .setRAMBufferSizeMB(32);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the kind's index under {@code root}; empty (to be filled from the table) if it was made by another model. */
    static VectorIndex open(Path root, String kind, String model) {
        try {
            VectorIndex index = new VectorIndex(root.resolve(kind));
            Map<String, String> data = DirectoryReader.indexExists(index.directory)
                    ? SegmentInfos.readLatestCommit(index.directory).getUserData() : Map.of();
            if (!model.equals(data.get(MODEL)) || !GRAPHS.equals(data.get(LAYOUT))) {
                if (!data.isEmpty()) {
                    log.info("Vector index {} was made by model {} in layout {}: built again from the table for {} in {}",
                            kind, data.get(MODEL), data.getOrDefault(LAYOUT, "one graph"), model, GRAPHS);
                }
                index.clear();
            } else {
                index.watermark = Instant.parse(data.getOrDefault(WATERMARK, Instant.EPOCH.toString()));
                index.readUpTo = data.get(READ_UP_TO);
                index.searchableRead = index.readUpTo;
                // the searchers were opened on the committed index, which holds everything up to its watermark
                index.searchable = index.watermark;
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the vector index of " + kind + " under " + root, e);
        }
    }

    /** Empties the index, to be filled again from the table. */
    void clear() throws IOException {
        writer.deleteAll();
        watermark = Instant.EPOCH;
        readUpTo = null;
        dirty = true;
        refresh();
    }

    /** The newest {@code computed_at} the index is known to contain (rows from then on are added again on opening). */
    Instant watermark() {
        return watermark;
    }

    /**
     * The database snapshot ({@link VectorStore#snapshot}) of the last read from the table; null before the first
     * (an index of before 2026-12-07, or emptied), when rows are read by their {@code computed_at} instead.
     */
    String readUpTo() {
        return readUpTo;
    }

    /**
     * Records that every vector {@code snapshot} saw is in the index (null: the next read goes by time). Committed
     * with the next vectors put: a read that found none changes nothing worth a commit.
     */
    void readUpTo(String snapshot) {
        readUpTo = snapshot;
    }

    /** Records that the vectors a transaction of this node wrote are searchable here (put and refreshed). */
    void wrote(long xid) {
        ownWrites.add(xid);
    }

    /** See {@link #ownWrites}; the caller drops those a read's snapshot has seen. */
    Set<Long> ownWrites() {
        return ownWrites;
    }

    synchronized void put(long id, String district, Instant at, float[] vector, Instant computedAt) {
        Document doc = new Document();
        doc.add(new StringField("key", Long.toString(id), Field.Store.NO));
        doc.add(new NumericDocValuesField("id", id));
        if (at != null) {
            // points and doc values: a window is checked on the district's few records, not gathered over the segment
            doc.add(new LongField("at", at.toEpochMilli(), Field.Store.NO));
        }
        doc.add(new KnnFloatVectorField(graph(district), vector, VectorSimilarityFunction.DOT_PRODUCT));
        try {
            writer.updateDocument(new Term("key", Long.toString(id)), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (computedAt != null && computedAt.isAfter(watermark)) {
            watermark = computedAt;
        }
        dirty = true;
    }

    /** Makes what was put visible to searches. */
    void refresh() {
        Instant upTo = watermark;
        String read = readUpTo;
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searchable = upTo;
        searchableRead = read;
    }

    /** The snapshot of the last read from the table whose vectors searches find; null before a first read. */
    String searchableReadUpTo() {
        return searchableRead;
    }

    /** The newest {@code computed_at} whose vectors searches find (everything computed up to it was put before). */
    Instant searchableUpTo() {
        return searchable;
    }

    /** Makes what was put durable, with the model and the watermark. */
    synchronized void commit(String model) {
        if (!dirty) {
            return;
        }
        try {
            Map<String, String> data = new HashMap<>(
                    Map.of(MODEL, model, WATERMARK, watermark.toString(), LAYOUT, GRAPHS));
            if (readUpTo != null) {
                data.put(READ_UP_TO, readUpTo);
            }
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refresh();
    }

    int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<TextVectors.Neighbour> nearest(float[] query, int limit, TextVectors.Filter filter) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query restriction = restriction(filter);
                List<Query> graphs = new ArrayList<>();
                for (String field : filter != null && filter.district() != null ? List.of(graph(filter.district()))
                        : graphs(searcher.getIndexReader())) {
                    graphs.add(new SelectiveKnnQuery(field, query, Math.max(limit, MIN_CANDIDATES), restriction));
                }
                if (graphs.isEmpty()) {
                    return List.of();
                }
                // a record is in one graph only: the best of the graphs' scores is its own
                Query search = graphs.size() == 1 ? graphs.get(0) : new DisjunctionMaxQuery(graphs, 0f);
                TopDocs top = searcher.search(search, limit);
                List<TextVectors.Neighbour> out = new ArrayList<>(top.scoreDocs.length);
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                for (ScoreDoc hit : top.scoreDocs) {
                    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                    NumericDocValues ids = leaf.reader().getNumericDocValues("id");
                    if (ids != null && ids.advanceExact(hit.doc - leaf.docBase)) {
                        // DOT_PRODUCT scores are (1 + cosine) / 2
                        out.add(new TextVectors.Neighbour(ids.longValue(), 2.0 * hit.score - 1.0));
                    }
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vector field, and so the graph, of a district's records. */
    private static String graph(String district) {
        return district == null ? VECTORS : VECTORS + "." + district;
    }

    /** Every graph the index holds: the vector fields of its segments. */
    private static Set<String> graphs(IndexReader reader) {
        Set<String> fields = new TreeSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            for (FieldInfo info : leaf.reader().getFieldInfos()) {
                if (info.getVectorDimension() > 0) {
                    fields.add(info.name);
                }
            }
        }
        return fields;
    }

    /**
     * When a filter leaves a segment's graph so few vectors that reading each is cheaper than walking the graph,
     * the segment is searched exactly: a segment's graph is searched when the filter's matches there, squared,
     * reach this many times the graph's size. With a filter that passes a share p of a segment's n vectors,
     * the graph walk visits about V / p nodes (V the nodes an unfiltered search visits), an exact search
     * p n; the crossing lies near p n = sqrt(V n), and 100 puts it below that, so that only clearly small
     * shares are read one by one. Lucene itself walks the graph until it has visited as many nodes as the
     * filter passes and only then reads them one by one. Measured at a million opinions (one graph for all
     * districts then, so the shares below are of every district's vectors) with factors of 500
     * and 2,000: same-matter clustering (a district's 180 days, 1–2 % of a segment) 160 → 242 and 280
     * opinions/s, but the similar check (a district's year, 7 % of each segment) read segments one by one
     * and its p95 at one client went from 45 to 50–52 ms; at 100 it keeps the graph.
     */
    static final double EXACT_BELOW = 100;

    /**
     * The fewest candidates a graph is walked for, whatever the number asked: Lucene walks a graph keeping as many
     * candidates as it is asked for, and a graph crowded with copies of a few texts (the same matter raised by
     * many people is what this index holds) loses its way with few. Measured on graphs of 400 vectors of 512
     * dimensions, 350 of them copies of 10 (a throw-away probe, 2026-12-07): asked for 3, the exact match was
     * missing from the first three in 19 of 400 searches; asked for 20 (the same-matter clustering), in 6; 30,
     * in 1; 40, 60 and 100, in none ({@code VectorIndexTests} keeps a 64-dimension version: 10 of 400 with 3).
     * Seen in the tests' own graphs too (opinion 1's text found opinions 262, 289 and 280, not itself). The
     * similar check asks for 40 and similar suggestions for 60 anyway.
     */
    static final int MIN_CANDIDATES = 40;

    /** Lucene's vector query, searching a segment exactly where the filter leaves it few vectors. */
    private static final class SelectiveKnnQuery extends KnnFloatVectorQuery {

        SelectiveKnnQuery(String field, float[] target, int k, Query filter) {
            super(field, target, k, filter);
        }

        @Override
        protected TopDocs approximateSearch(LeafReaderContext context, Bits acceptDocs, int visitedLimit,
                                            KnnCollectorManager collectors) throws IOException {
            // with a filter, Lucene passes the number of its matches (plus one) as the visit limit, and an
            // incomplete answer makes it search those matches exactly
            FloatVectorValues graph = context.reader().getFloatVectorValues(field);
            if (visitedLimit != Integer.MAX_VALUE && graph != null
                    && (double) visitedLimit * visitedLimit < EXACT_BELOW * graph.size()) {
                return new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);
            }
            return super.approximateSearch(context, acceptDocs, visitedLimit, collectors);
        }
    }

    /**
     * The filter within a graph: the time window and the records left out. The district is the graph itself
     * (Lucene adds "has a vector in this field" to every filter, which leads the conjunction, so the window is
     * checked on the district's records by their doc values rather than gathered over the segment).
     */
    private static Query restriction(TextVectors.Filter filter) {
        if (filter == null) {
            return null;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        if (filter.since() != null || filter.until() != null) {
            long from = filter.since() == null ? Long.MIN_VALUE : filter.since().toEpochMilli();
            long to = filter.until() == null ? Long.MAX_VALUE : filter.until().toEpochMilli();
            q.add(LongField.newRangeQuery("at", from, to), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (filter.exclude() != null && !filter.exclude().isEmpty()) {
            if (!any) {
                q.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            }
            for (Long id : filter.exclude()) {
                q.add(new TermQuery(new Term("key", Long.toString(id))), BooleanClause.Occur.MUST_NOT);
            }
            any = true;
        }
        return any ? q.build() : null;
    }

    Path folder() {
        return folder;
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

}
