package org.civicloop.opinions.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceNamesTests {

    @Test
    void findsEstatesRoadsSchoolsAndBusLinesButNotWordsWithAPlacesEnding() {
        assertThat(PlaceNames.in("翠微小区3栋门口的路灯坏了两个星期")).contains("翠微小区");
        assertThat(PlaceNames.in("我家楼下的阳光小区门口垃圾没人清运")).contains("阳光小区");
        assertThat(PlaceNames.in("花溪大道和清溪路路口的红绿灯不亮")).contains("花溪大道", "清溪路");
        assertThat(PlaceNames.in("青岩镇北街的路灯坏了")).contains("青岩镇", "北街");
        assertThat(PlaceNames.in("希望增加3路公交的班次")).contains("3路公交");
        assertThat(PlaceNames.in("这个小区的路灯不亮，道路坑洼，马路上很黑")).isEmpty();
        assertThat(PlaceNames.in("路灯坏了很久没人修")).isEmpty();
    }

    @Test
    void twoTextsAreAtTheSamePlaceUnlessBothNamePlacesAndNoneAgree() {
        assertThat(PlaceNames.samePlace(PlaceNames.in("翠微小区门口路灯坏了"), PlaceNames.in("花溪翠微小区的路灯一直不亮"))).isTrue();
        assertThat(PlaceNames.samePlace(PlaceNames.in("翠微小区门口路灯坏了"), PlaceNames.in("锦绣小区门口路灯坏了"))).isFalse();
        assertThat(PlaceNames.samePlace(PlaceNames.in("翠微小区门口路灯坏了"), PlaceNames.in("路灯坏了很久没人修"))).isTrue();
        // a town named by both does not make two different streets the same place
        assertThat(PlaceNames.samePlace(PlaceNames.in("青岩镇北街的路灯坏了"), PlaceNames.in("青岩镇南街的路灯坏了"))).isFalse();
        assertThat(PlaceNames.samePlace(PlaceNames.in("青岩镇北街的路灯坏了"), PlaceNames.in("青岩镇的路灯坏了"))).isTrue();
    }

    @Test
    void chosenPlacesInDifferentTownsAreDifferentPlaces() {
        assertThat(PlaceNames.sameTown("520111101001", "520111101002")).isTrue();
        assertThat(PlaceNames.sameTown("520111101001", "520111102001")).isFalse();
        assertThat(PlaceNames.sameTown("520111", "520111102001")).isTrue();
    }
}
