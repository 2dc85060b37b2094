package org.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void aRealCodeChecksAndOneChangedCharacterDoesNot() {
        // 91350100M000100Y43: the GB 32100 worked example
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).as("17 characters").isFalse();
        assertThat(CreditCode.isValid("91350100M000100I43")).as("I is not used").isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void withCheckMakesValidCodesAndNormaliseUpperCases() {
        String code = CreditCode.withCheck("91520111MA6H00001");
        assertThat(code).hasSize(18);
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(CreditCode.normalise(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
    }
}
