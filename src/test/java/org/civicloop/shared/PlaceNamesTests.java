package org.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.shared.PlaceNames.Kind;
import org.civicloop.shared.PlaceNames.Place;
import org.junit.jupiter.api.Test;

class PlaceNamesTests {

    @Test
    void findsEachKindOfPlaceByItsSuffix() {
        assertThat(PlaceNames.in("我家住在花溪区青岩镇龙井村，村口的路灯坏了")).containsExactly(
                new Place(Kind.TOWN, "青岩镇"), new Place(Kind.VILLAGE, "龙井村"));
        assertThat(PlaceNames.in("贵筑街道明珠社区碧桂园小区门口")).containsExactly(
                new Place(Kind.TOWN, "贵筑街道"), new Place(Kind.VILLAGE, "明珠社区"), new Place(Kind.ESTATE, "碧桂园小区"));
        assertThat(PlaceNames.in("花溪大道和明珠路交叉口堵车")).containsExactly(
                new Place(Kind.ROAD, "花溪大道"), new Place(Kind.ROAD, "明珠路"));
        assertThat(PlaceNames.in("青岩小学门口没有斑马线，阳光幼儿园也是")).containsExactly(
                new Place(Kind.SCHOOL, "青岩小学"), new Place(Kind.SCHOOL, "阳光幼儿园"));
        assertThat(PlaceNames.in("黔源建材有限公司晚上施工噪音大")).containsExactly(new Place(Kind.COMPANY, "黔源建材公司"));
        assertThat(PlaceNames.in("201路公交车经常不按时发车")).containsExactly(new Place(Kind.BUS_LINE, "201路"));
        assertThat(PlaceNames.in("金竹花园和清华苑之间")).containsExactly(
                new Place(Kind.ESTATE, "金竹花园"), new Place(Kind.ESTATE, "清华苑"));
    }

    @Test
    void wordsThatEndLikeAPlaceAreNone() {
        assertThat(PlaceNames.in("门口这条马路坑坑洼洼，孩子上学走路很危险，农村的道路要修")).isEmpty();
        assertThat(PlaceNames.in("我们小区的物业公司不管事")).isEmpty();
        assertThat(PlaceNames.in("全村的人都希望城乡公交通到镇上")).isEmpty();
    }

    @Test
    void twoTextsNameTheSamePlaceOrDifferentOnes() {
        List<Place> a = PlaceNames.in("青岩镇阳光花园小区路灯坏了");
        List<Place> b = PlaceNames.in("阳光花园小区的路灯一个月没亮");
        List<Place> c = PlaceNames.in("青岩镇金竹家园小区路灯坏了");
        assertThat(PlaceNames.compare(a, b)).isEqualTo(new PlaceNames.Comparison("阳光花园", false));
        // the same town, another estate: another place; the town is still what they share
        assertThat(PlaceNames.compare(a, c)).isEqualTo(new PlaceNames.Comparison("青岩镇", true));
        assertThat(PlaceNames.compare(a, PlaceNames.in("路灯坏了"))).isEqualTo(PlaceNames.Comparison.NONE);
        assertThat(PlaceNames.compare(PlaceNames.in("201路公交车不准点"), PlaceNames.in("202路公交车不准点")).different()).isTrue();
    }

    @Test
    void streetsOfOneTownAndEstatesNamedWithTheirDistrictCompare() {
        assertThat(PlaceNames.compare(PlaceNames.in("翠微小区门口路灯坏了"), PlaceNames.in("锦绣小区门口路灯坏了")).different()).isTrue();
        assertThat(PlaceNames.compare(PlaceNames.in("翠微小区门口路灯坏了"), PlaceNames.in("路灯坏了很久没人修")).different()).isFalse();
        // a one-character street name (北街, 南街) is too short to tell from a word: not read as a place
        assertThat(PlaceNames.compare(PlaceNames.in("青岩镇北街的路灯坏了"), PlaceNames.in("青岩镇南街的路灯坏了")).different()).isFalse();
        assertThat(PlaceNames.compare(PlaceNames.in("青岩镇北街的路灯坏了"), PlaceNames.in("青岩镇的路灯坏了")).different()).isFalse();
    }

    @Test
    void chosenPlacesDifferWhenNeitherHoldsTheOther() {
        assertThat(PlaceNames.codesDiffer("520111101001", "520111101002")).as("two villages of one town").isTrue();
        assertThat(PlaceNames.codesDiffer("520111101001", "520111102001")).isTrue();
        assertThat(PlaceNames.codesDiffer("520111101", "520111101002")).as("a town and its village").isFalse();
        assertThat(PlaceNames.codesDiffer("520111", "520111102001")).as("the district").isFalse();
        assertThat(PlaceNames.codesDiffer(null, "520111102001")).isFalse();
        assertThat(PlaceNames.codesDiffer("", "520111102001")).isFalse();
    }
}
