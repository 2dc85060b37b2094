package org.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatterScoreTests {

    private final MatterScore scorer = new MatterScore(0.84, 0.74, 0.55, 0.3, 0.1, 0.15, 0.3);

    private static MatterScore.Features f(String text) {
        return MatterScore.Features.of(text, null);
    }

    @Test
    void aRewordedTextScoresAboveAnUnrelatedOne() {
        var asked = f("阳光花园小区门口的垃圾三天没人清运，臭气熏天");
        double twin = scorer.score(null, asked, f("阳光花园小区门口垃圾好几天没清运了，很臭")).score();
        double other = scorer.score(null, asked, f("希望增开一条到市区的公交线路")).score();
        assertThat(twin).isGreaterThan(other);
        assertThat(scorer.score(null, asked, f("希望增开一条到市区的公交线路")).band()).isNull();
    }

    @Test
    void withVectorsTheCosineDecidesTheBand() {
        var asked = f("路灯坏了");
        assertThat(scorer.score(0.9, asked, f("路灯不亮")).band()).isEqualTo(MatterScore.Band.SAME);
        assertThat(scorer.score(0.76, asked, f("晚上很黑")).band()).isEqualTo(MatterScore.Band.RELATED);
        assertThat(scorer.score(0.5, asked, f("路灯坏了")).band()).isNull();
    }

    @Test
    void differentPlacesRankDownAndAreNeverTheSameMatter() {
        var asked = f("阳光花园小区的路灯坏了一个月");
        var same = scorer.score(0.95, asked, f("阳光花园小区的路灯坏了一个月"));
        var other = scorer.score(0.95, asked, f("金竹家园小区的路灯坏了一个月"));
        assertThat(other.place().different()).isTrue();
        assertThat(other.score()).isLessThan(same.score());
        assertThat(other.band()).isEqualTo(MatterScore.Band.RELATED);
        assertThat(same.place().shared()).isEqualTo("阳光花园");
    }

    @Test
    void twoVillagesChosenAreTwoPlacesEvenWhenTheTextsNameNone() {
        var asked = MatterScore.Features.of("村口的路灯坏了一个月，晚上很黑", "520111101001");
        var sameVillage = scorer.score(0.9, asked, MatterScore.Features.of("村口路灯坏了，晚上看不见路", "520111101001"));
        var townOnly = scorer.score(0.9, asked, MatterScore.Features.of("村口路灯坏了，晚上看不见路", "520111101"));
        var otherVillage = scorer.score(0.9, asked, MatterScore.Features.of("村口路灯坏了，晚上看不见路", "520111101002"));
        assertThat(sameVillage.band()).isEqualTo(MatterScore.Band.SAME);
        assertThat(townOnly.place().different()).as("a town holds its villages").isFalse();
        assertThat(otherVillage.place().different()).isTrue();
        // 0.9 + 0.1 x lexical - 0.3: under the related band's 0.74 whatever the shared words
        assertThat(otherVillage.band()).isNull();
        assertThat(otherVillage.score()).isCloseTo(sameVillage.score() - 0.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aLongTextIsNotFavouredForBeingLong() {
        var asked = f("河道里有人倾倒建筑垃圾");
        double shortTwin = MatterScore.lexical(asked, f("河道被倾倒建筑垃圾"));
        double longText = MatterScore.lexical(asked, f("河道里有人倾倒建筑垃圾" + "另外还有很多别的事情想反映一下比如停车难看病难上学难".repeat(20)));
        assertThat(shortTwin).isGreaterThan(longText);
    }
}
