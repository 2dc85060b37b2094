package org.civicloop.language.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;
import org.civicloop.language.TextVectors;
import org.junit.jupiter.api.Test;

/**
 * Our session of the model computes the vectors langchain4j's own class computes, with any number of threads:
 * the stored vectors carry one model name, so a vector computed before the change must stay comparable.
 */
class BgeSmallZhTests {

    @Test
    void theSameVectorsAsLangchain4jsOwnModelWhateverTheThreads() {
        var reference = new BgeSmallZhV15QuantizedEmbeddingModel();
        var ours = new BgeSmallZh(0);
        var oneThread = new BgeSmallZh(1);
        List<String> texts = List.of("花溪大道中段公交站台没有遮雨的地方，下雨天等车只能站在雨里。",
                "小区门口的路灯坏了很久没人修", "201路公交班次太少，等车要四十分钟", "赶场天 人多车多 路口堵得走不动");
        for (String text : texts) {
            float[] expected = SentenceModel.normalized(reference.embed(text).content().vector());
            float[] actual = SentenceModel.normalized(ours.embed(text).content().vector());
            float[] single = SentenceModel.normalized(oneThread.embed(text).content().vector());
            assertThat(actual).hasSize(SentenceModel.DIMENSIONS);
            assertThat(TextVectors.cosine(expected, actual)).as(text).isGreaterThan(0.99999);
            assertThat(TextVectors.cosine(expected, single)).as(text).isGreaterThan(0.99999);
        }
        // and the texts are told apart: not one vector for everything
        float[] a = SentenceModel.normalized(ours.embed(texts.get(1)).content().vector());
        float[] b = SentenceModel.normalized(ours.embed(texts.get(2)).content().vector());
        assertThat(TextVectors.cosine(a, b)).isLessThan(0.9);
    }
}
