package org.civicloop.language.domain;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * bge-small-zh-v1.5, quantized, from the same files of its Maven package as langchain4j's
 * {@code BgeSmallZhV15QuantizedEmbeddingModel} (the model and its tokenizer, pooled by the CLS token), in an
 * ONNX Runtime session of our own so that the number of threads one embedding may take is set
 * ({@code civicloop.language.threads}); langchain4j's session takes ONNX Runtime's default, one per core.
 */
final class BgeSmallZh extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;

    BgeSmallZh(int threads) {
        super(null);
        ClassLoader loader = BgeSmallZh.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream("bge-small-zh-v1.5-q.onnx");
             InputStream tokenizer = loader.getResourceAsStream("bge-small-zh-v1.5-q-tokenizer.json");
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("bge-small-zh-v1.5-q is not on the classpath");
            }
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            this.encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options),
                    tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot open bge-small-zh-v1.5-q in ONNX Runtime", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return SentenceModel.DIMENSIONS;
    }
}
