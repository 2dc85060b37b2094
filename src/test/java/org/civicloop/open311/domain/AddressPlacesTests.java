package org.civicloop.open311.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.opinions.Opinions;
import org.junit.jupiter.api.Test;

class AddressPlacesTests {

    private static final List<Opinions.Place> REGIONS = List.of(
            new Opinions.Place("101", "青岩镇", "town", "青岩镇"),
            new Opinions.Place("101201", "南街村", "village", "青岩镇"),
            new Opinions.Place("101216", "龙井村", "village", "青岩镇"),
            new Opinions.Place("012", "党武街道", "street", "党武街道"),
            new Opinions.Place("012204", "龙井村", "village", "党武街道"),
            new Opinions.Place("012205", "东山社区", "village", "党武街道"),
            new Opinions.Place("102", "东山镇", "town", "东山镇"));

    @Test
    void theVillageIsPreferredToItsTownAndNamesWorkWithoutSuffix() {
        assertThat(AddressPlaces.find("青岩镇南街村3号", REGIONS)).isEqualTo(new AddressPlaces.Found("101201"));
        assertThat(AddressPlaces.find("青岩南街12号", REGIONS)).isEqualTo(new AddressPlaces.Found("101201"));
        assertThat(AddressPlaces.find("青岩古镇", REGIONS)).isEqualTo(new AddressPlaces.Found("101"));
    }

    @Test
    void aShortNameSharedByTwoPlacesIsNotUsedButTheFullNameIs() {
        // 东山 is both 东山社区 and 东山镇: only the full names count
        assertThat(AddressPlaces.find("东山路口", REGIONS)).isEqualTo(new AddressPlaces.NotFound());
        assertThat(AddressPlaces.find("东山社区门口", REGIONS)).isEqualTo(new AddressPlaces.Found("012205"));
        assertThat(AddressPlaces.find("东山镇政府", REGIONS)).isEqualTo(new AddressPlaces.Found("102"));
    }

    @Test
    void aVillageInTwoTownsNeedsItsTown() {
        assertThat(AddressPlaces.find("党武龙井村", REGIONS)).isEqualTo(new AddressPlaces.Found("012204"));
        assertThat(AddressPlaces.find("龙井村", REGIONS))
                .isEqualTo(new AddressPlaces.Ambiguous(List.of("党武街道龙井村", "青岩镇龙井村")));
        assertThat(AddressPlaces.find("London", REGIONS)).isEqualTo(new AddressPlaces.NotFound());
    }
}
