package org.civicloop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.shared.ChineseText;
import org.junit.jupiter.api.Test;

class DataGeneratorTests {

    @Test
    void receiptCodesHaveTheApplicationsShapeAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 200_000; i++) {
            String code = DataGenerator.receipt(2026, i);
            assertThat(code).matches("G[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}");
            assertThat(seen.add(code)).as(code).isTrue();
        }
    }

    @Test
    void theWordIndexIsTheApplicationsWordsInCopyTextForm() {
        String content = "小区门口路灯坏了很久没人修，晚上出行很不方便";
        String vector = DataGenerator.tsvector(content);
        for (String w : ChineseText.words(content)) {
            assertThat(vector).contains("'" + w + "'");
        }
        assertThat(vector).doesNotContain("\t").doesNotContain("\n");
    }

    @Test
    void optionsComeFromTheCommandLineAndDefaultToOneMillion() {
        var defaults = DataGenerator.Options.of(DataGenerator.options(List.of("generate-data", "--civicloop.data-dir=/x")));
        assertThat(defaults.opinions()).isEqualTo(1_000_000);
        assertThat(defaults.districts()).isEqualTo(100);
        assertThat(defaults.workOrders()).isEqualTo(100_000);
        assertThat(defaults.suggestions()).isEqualTo(20_000);
        var ten = DataGenerator.Options.of(DataGenerator.options(List.of("--opinions=10_000_000", "--years=3")));
        assertThat(ten.opinions()).isEqualTo(10_000_000);
        assertThat(ten.workOrders()).isEqualTo(1_000_000);
        assertThat(ten.suggestions()).isEqualTo(200_000);
    }

    @Test
    void aVectorIsWrittenAsTheLanguageModuleStoresIt() {
        float[] v = {1.0f, -2.5f, 0.1f};
        java.nio.ByteBuffer le = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            le.putFloat(x);
        }
        StringBuilder hex = new StringBuilder();
        DataGenerator.hex(v, hex);

        assertThat(hex).hasToString(java.util.HexFormat.of().formatHex(le.array()));
        // 1.0f is 0x3f800000: little-endian, its bytes come lowest first
        assertThat(hex.substring(0, 8)).isEqualTo("0000803f");
    }

    @Test
    void anOpinionsVectorIsItsPhrasesMovedALittle() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        float[] phrase = new float[512];
        double norm = 0;
        for (int k = 0; k < phrase.length; k++) {
            phrase[k] = (float) random.nextGaussian();
            norm += phrase[k] * phrase[k];
        }
        for (int k = 0; k < phrase.length; k++) {
            phrase[k] /= (float) Math.sqrt(norm);
        }

        float[] one = DataGenerator.noisy(phrase, new java.util.SplittableRandom(1));
        float[] two = DataGenerator.noisy(phrase, new java.util.SplittableRandom(2));

        // noise of 0.4 in all against a unit vector: cosine 1 / sqrt(1 + 0.16) = 0.928 to the phrase,
        // 0.928^2 = 0.862 between two opinions of one phrase
        assertThat(org.civicloop.language.TextVectors.cosine(one, one)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(org.civicloop.language.TextVectors.cosine(one, phrase)).isCloseTo(0.928, org.assertj.core.data.Offset.offset(0.02));
        assertThat(org.civicloop.language.TextVectors.cosine(one, two)).isCloseTo(0.862, org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void vectorsAreWrittenUnlessAskedNotTo() {
        assertThat(DataGenerator.Options.of(DataGenerator.options(List.of("--opinions=10"))).vectors()).isTrue();
        assertThat(DataGenerator.Options.of(DataGenerator.options(List.of("--opinions=10", "--vectors=false"))).vectors()).isFalse();
    }

    @Test
    void generatedDistrictsKeepSixDigitsSoTheirVillagesFitTwelve() {
        assertThat(DataGenerator.generatedDistrict(1)).isEqualTo("529901");
        assertThat(DataGenerator.generatedDistrict(99)).isEqualTo("529999");
        // the 100th (a fresh database has no real district to fill the hundred) opens the next city
        assertThat(DataGenerator.generatedDistrict(100)).isEqualTo("529801");
        assertThat(DataGenerator.generatedDistrict(250)).isEqualTo("529752");
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 1; i <= 1000; i++) {
            String code = DataGenerator.generatedDistrict(i);
            assertThat(code).hasSize(6);
            assertThat(codes.add(code)).as("district %d's code %s is new", i, code).isTrue();
        }
    }
}
