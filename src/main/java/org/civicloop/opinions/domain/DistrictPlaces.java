package org.civicloop.opinions.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.civicloop.organization.OrganizationEvents;
import org.civicloop.shared.Refreshed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The places an opinion may name: the district's towns and streets, each with its villages and
 * communities. Two look-ups however many towns (the public form shows it on every visit), kept for a
 * minute: every staff list names its rows' places from them, and building them took half of a unit's
 * worklist request at a million opinions (JFR). Places change only by a region import: this node reads
 * them again once it has committed, every other node at its first use a minute on (in the background: no request
 * waits for another's read, {@link Refreshed}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DistrictPlaces {

    private final Directory directory;
    private final OpinionsProperties rules;
    private final Refreshed<List<Town>> towns = new Refreshed<>(Duration.ofMinutes(1), this::read);

    /** A town or street with its villages and communities. */
    public record Town(Directory.Place town, List<Directory.Place> villages) {
    }

    public List<Town> towns() {
        return towns.get();
    }

    /** Whether {@code code} is one of the district's towns and streets or their villages and communities. */
    public boolean contains(String code) {
        return towns().stream().anyMatch(t -> t.town().code().equals(code)
                || t.villages().stream().anyMatch(v -> v.code().equals(code)));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OrganizationEvents.RegionsImported imported) {
        towns.forget();
    }

    private List<Town> read() {
        List<Directory.Place> towns = directory.placesUnder(rules.districtCode());
        Map<String, List<Directory.Place>> villages = directory.placesUnder(towns.stream().map(Directory.Place::code).toList())
                .stream().collect(Collectors.groupingBy(Directory.Place::parentCode));
        return towns.stream().map(t -> new Town(t, villages.getOrDefault(t.code(), List.of()))).toList();
    }
}
