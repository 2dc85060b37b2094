package org.civicloop.liaison.qr;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.organization.Directory.Place;
import org.civicloop.organization.Directory;
import org.springframework.stereotype.Component;

/** Finds what a duty token stands for, through the deputies' and the sites' public facades. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DutyCodeSubjects {

    private final Deputies deputies;
    private final LiaisonSites sites;
    private final Directory directory;

    Optional<DutyCodeSubject> find(String token) {
        var deputy = deputies.byDutyToken(token);
        if (deputy.isPresent()) {
            DeputySummary d = deputy.get();
            return Optional.of(new DutyCodeSubject(DutyCodeSubject.Kind.DEPUTY, d.dutyToken(), d.name(), d.level(),
                    congressPlace(d.regionCode(), d.level()), d.constituency()));
        }
        return sites.byDutyToken(token).map(s -> new DutyCodeSubject(DutyCodeSubject.Kind.SITE, s.dutyToken(), s.name(),
                s.type(), null, s.address()));
    }

    /**
     * The place whose congress a deputy sits in: the ancestor of their region at the level's
     * region level (DISTRICT → the district, CITY → the city, PROVINCE → the province).
     */
    private String congressPlace(String regionCode, String level) {
        String wanted = level.toLowerCase(Locale.ROOT);
        Set<String> seen = new HashSet<>();
        Optional<Place> place = directory.place(regionCode);
        while (place.isPresent() && seen.add(place.get().code())) {
            if (place.get().level().equals(wanted)) {
                return place.get().name();
            }
            String parent = place.get().parentCode();
            place = parent == null ? Optional.empty() : directory.place(parent);
        }
        return null;
    }
}
