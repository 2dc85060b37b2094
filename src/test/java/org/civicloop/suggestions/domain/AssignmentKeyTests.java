package org.civicloop.suggestions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicloop.suggestions.AssignmentKey;
import org.junit.jupiter.api.Test;

class AssignmentKeyTests {

    @Test
    void formatsAndParsesBack() {
        AssignmentKey key = AssignmentKey.of(42, 3);
        assertThat(key.format()).isEqualTo("42-3");
        assertThat(AssignmentKey.parse("42-3")).contains(key);
        assertThat(SuggestionClocks.key(42, 3)).isEqualTo("42-3");
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(AssignmentKey.parse("42")).isEmpty();
        assertThat(AssignmentKey.parse("42-3-1")).isEmpty();
        assertThat(AssignmentKey.parse("x-3")).isEmpty();
        assertThat(AssignmentKey.parse("")).isEmpty();
        assertThat(AssignmentKey.parse(null)).isEmpty();
        // what the inbox's hand-written split refused before it used parse
        assertThat(AssignmentKey.parse("+42-3")).isEmpty();
        assertThat(AssignmentKey.parse("42- 3")).isEmpty();
        assertThat(AssignmentKey.parse("1234567890123456789-1")).isEmpty();
    }
}
