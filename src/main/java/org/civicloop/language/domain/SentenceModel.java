package org.civicloop.language.domain;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * bge-small-zh-v1.5 (quantized ONNX, 512 dimensions) from its Maven package, run in-process by ONNX
 * Runtime with {@code civicloop.language.threads} threads an embedding ({@link BgeSmallZh}). Loading takes about a
 * second and a quarter, so it happens on the language worker's thread after the application is ready
 * ({@link LanguageService}); until then {@link #embed} answers empty.
 */
@Component
public class SentenceModel {

    /** Name and version stored beside every vector: a different value means the vector is stale. */
    public static final String NAME = "bge-small-zh-v1.5-q@0.36.2";
    public static final int DIMENSIONS = 512;

    private static final Logger log = LoggerFactory.getLogger(SentenceModel.class);

    private final int threads;
    private volatile AbstractInProcessEmbeddingModel model;

    SentenceModel(LanguageProperties properties) {
        this.threads = properties.threads();
    }

    /** Loads the model once; later calls return at once. */
    synchronized void load() {
        if (model == null) {
            long start = System.nanoTime();
            model = new BgeSmallZh(threads);
            log.info("Sentence model {} loaded in {} ms; threads an embedding: {}", NAME, (System.nanoTime() - start) / 1_000_000,
                    threads > 0 ? threads : "ONNX Runtime's default");
        }
    }

    public boolean ready() {
        return model != null;
    }

    /**
     * The unit-length vector of a text; long texts are read by the model in windows of 510 tokens and
     * averaged. Empty while the model is not loaded or for a blank text.
     */
    public Optional<float[]> embed(String text) {
        AbstractInProcessEmbeddingModel m = model;
        if (m == null || text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(normalized(m.embed(text.strip()).content().vector()));
    }

    static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
