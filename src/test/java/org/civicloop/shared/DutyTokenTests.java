package org.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DutyTokenTests {

    @Test
    void aNewTokenIsTwelveCharactersWithoutLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = DutyToken.generate();
            assertThat(token).hasSize(12).matches("[2-9a-hjkmnp-z]{12}");
            assertThat(DutyToken.isWellFormed(token)).isTrue();
            seen.add(token);
        }
        // 31^12 ≈ 7.9e17 possible tokens: ten thousand draws never repeat in practice
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void theDemoTokensFollowTheSameRule() {
        assertThat(DutyToken.isWellFormed("wangjg2026hx")).isTrue();
        assertThat(DutyToken.isWellFormed("qingyan2026z")).isTrue();
    }

    @Test
    void lookupsIgnoreCaseAndRefuseAnythingElse() {
        assertThat(DutyToken.normalise(" WANGJG2026HX ")).contains("wangjg2026hx");
        assertThat(DutyToken.normalise("wangjg2026h")).isEmpty();       // 11 characters
        assertThat(DutyToken.normalise("wangjg2026hxx")).isEmpty();     // 13 characters
        assertThat(DutyToken.normalise("wangjg-026hx")).isEmpty();      // a hyphen
        assertThat(DutyToken.normalise("../etc/passw")).isEmpty();
        assertThat(DutyToken.normalise(null)).isEmpty();
    }
}
