package org.civicloop.open311.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.Opinions;
import org.springframework.stereotype.Component;

/**
 * What the services and the place attribute offer: the opinion categories and the district's
 * places, from the opinions facade. Places change only by a region import, and the service
 * definition and every request list need them, so they are kept for five minutes.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Catalogue {

    private static final Duration PLACES_TTL = Duration.ofMinutes(5);

    private final Opinions opinions;
    private volatile Snapshot snapshot;

    /** A place with its Open311 name: "town village", or the town's own name. */
    public record Place(String code, String name) {
    }

    private record Snapshot(Map<String, Place> places, List<Opinions.Place> regions, Instant until) {
    }

    public List<Opinions.Category> categories() {
        return opinions.categories();
    }

    public Optional<Opinions.Category> category(String code) {
        return code == null ? Optional.empty()
                : categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<Place> places() {
        return List.copyOf(placeMap().values());
    }

    /** The district's towns and villages as the opinions facade gives them, with level and town. */
    public List<Opinions.Place> regions() {
        return snapshot().regions();
    }

    public Optional<Place> place(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(placeMap().get(code));
    }

    private Map<String, Place> placeMap() {
        return snapshot().places();
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || Instant.now().isAfter(s.until())) {
            Map<String, Place> places = new LinkedHashMap<>();
            List<Opinions.Place> regions = List.copyOf(opinions.places());
            for (Opinions.Place p : regions) {
                boolean town = p.townName() == null || p.townName().equals(p.name())
                        || "town".equals(p.level()) || "street".equals(p.level());
                places.put(p.code(), new Place(p.code(), town ? p.name() : p.townName() + " " + p.name()));
            }
            // an empty list (no regions imported yet) is not kept: the import should show at once
            s = new Snapshot(Collections.unmodifiableMap(places), regions, places.isEmpty() ? Instant.now() : Instant.now().plus(PLACES_TTL));
            snapshot = s;
        }
        return s;
    }
}
