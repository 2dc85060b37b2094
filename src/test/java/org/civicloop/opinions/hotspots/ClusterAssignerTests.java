package org.civicloop.opinions.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterAssignerTests {

    @Test
    void chosenPlacesInDifferentTownsAreDifferentPlaces() {
        assertThat(ClusterAssigner.sameTown("520111101001", "520111101002")).isTrue();
        assertThat(ClusterAssigner.sameTown("520111101001", "520111102001")).isFalse();
        assertThat(ClusterAssigner.sameTown("520111", "520111102001")).isTrue();
    }
}
