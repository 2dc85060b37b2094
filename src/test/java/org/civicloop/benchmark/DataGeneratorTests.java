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
}
