package org.civicloop.opinions.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.springframework.stereotype.Component;

/**
 * The places an opinion may name: the district's towns and streets, each with its villages and
 * communities. Two look-ups however many towns (the public form shows it on every visit).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DistrictPlaces {

    private final Directory directory;
    private final OpinionsProperties rules;

    /** A town or street with its villages and communities. */
    public record Town(Directory.Place town, List<Directory.Place> villages) {
    }

    public List<Town> towns() {
        List<Directory.Place> towns = directory.placesUnder(rules.districtCode());
        Map<String, List<Directory.Place>> villages = directory.placesUnder(towns.stream().map(Directory.Place::code).toList())
                .stream().collect(Collectors.groupingBy(Directory.Place::parentCode));
        return towns.stream().map(t -> new Town(t, villages.getOrDefault(t.code(), List.of()))).toList();
    }
}
