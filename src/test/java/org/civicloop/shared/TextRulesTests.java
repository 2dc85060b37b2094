package org.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRulesTests {

    @Test
    void textMadeOnlyOfZeroWidthCharactersIsNoText() {
        String invisible = "\u200B\u200C\u200D\uFEFF\u2060 \u200B";
        assertThat(TextRules.visibleLength(invisible)).isZero();
        assertThat(TextRules.isBlank(invisible)).isTrue();
        assertThat(TextRules.text("note", 500).required().problem(invisible).messageKey()).isEqualTo("input.error.required");
        assertThat(TextRules.visibleLength("路\u200B灯\u200B坏")).isEqualTo(3);
        assertThat(TextRules.text("content", 100).atLeast(5).problem("路\u200B灯\u200B坏\u200B了").messageKey())
                .isEqualTo("input.error.tooShort");
    }

    @Test
    void theMaximumCountsCharactersNotUtf16UnitsNorBytes() {
        String emoji = "😀".repeat(10);
        assertThat(TextRules.length(emoji)).isEqualTo(10);
        assertThat(TextRules.line("name", 10).problem(emoji)).isNull();
        assertThat(TextRules.line("name", 9).problem(emoji).messageKey()).isEqualTo("input.error.tooLong");
        assertThat(TextRules.line("name", 9).problem(emoji).arguments()).containsExactly("9", "10");
    }

    @Test
    void controlCharactersAreRefusedAndLineBreaksOnlyWhereTheFieldHasLines() {
        assertThat(TextRules.text("note", 500).problem("路灯\u0000坏了").messageKey()).isEqualTo("input.error.controlCharacters");
        assertThat(TextRules.text("note", 500).problem("第一行\r\n第二行\t完")).isNull();
        assertThat(TextRules.line("name", 50).problem("张\n三").messageKey()).isEqualTo("input.error.lineCharacters");
        assertThat(TextRules.hasControlCharacters("a\u2028b", true)).isTrue();
        assertThat(TextRules.hasControlCharacters("路灯\uD800", true)).as("a lone surrogate").isTrue();
        assertThat(TextRules.hasControlCharacters("😀全角ＡＢＣ", false)).isFalse();
        assertThat(TextRules.line("name", 50).problem(null)).isNull();
    }

    @Test
    void requireListsEveryProblemAtOnce() {
        assertThatThrownBy(() -> TextRules.require(TextRules.line("name", 5).required(), "", TextRules.text("note", 3), "长长长长"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("name", "note"));
        List<InvalidInput.Problem> problems = new ArrayList<>();
        TextRules.check(problems, TextRules.line("name", 5), "张三");
        assertThat(problems).isEmpty();
    }
}
