package org.civicloop.performance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The module's one rule for typed numbers: a comma is refused with its own message, never dropped. */
class DecimalsTests {

    @Test
    void aCommaIsRefusedWithItsOwnMessageWhateverItMeant() {
        for (String typed : new String[] {"38,5", "1,250", "1,250,000.5", "38\uFF0C5", " 38,5 % "}) {
            assertThat(Decimals.read(typed).problem()).as(typed).isEqualTo(Decimals.COMMA);
            assertThat(Decimals.parse(typed)).as(typed).isEmpty();
        }
        // a comma in what is no number anyway is the general message
        assertThat(Decimals.read("6,9x").problem()).isEqualTo(Decimals.NOT_A_NUMBER);
    }

    @Test
    void digitsWithADecimalPointAndAnOptionalPercentSignAreNumbers() {
        assertThat(Decimals.parse("38.5")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("38.5"));
        assertThat(Decimals.parse(" -0.25 ")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-0.25"));
        assertThat(Decimals.parse("100 %")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(Decimals.parse("1000000000000")).isPresent();
        assertThat(Decimals.read("").blank()).isTrue();
        for (String typed : new String[] {"１２３", "1e3", "38.12345", "1000000000001", "38.", ".5", "12 000"}) {
            assertThat(Decimals.read(typed).problem()).as(typed).isEqualTo(Decimals.NOT_A_NUMBER);
        }
    }
}
