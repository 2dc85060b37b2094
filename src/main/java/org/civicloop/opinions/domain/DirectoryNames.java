package org.civicloop.opinions.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.organization.Directory;
import org.springframework.stereotype.Component;

/**
 * Names of places and units on opinion pages, from the organisation module's {@link Directory}:
 * the opinions' own SQL finds place codes and unit ids, and they are named here afterwards, a whole
 * page (or a whole export) at once. So no SQL of this module reads organization's tables, and a
 * page of fifty rows costs three look-ups, not fifty.
 */
@Component
public class DirectoryNames {

    private static final Set<String> TOWN_LEVELS = Set.of("town", "street");

    private final Directory directory;
    private final DistrictPlaces districtPlaces;

    DirectoryNames(Directory directory, DistrictPlaces districtPlaces) {
        this.directory = directory;
        this.districtPlaces = districtPlaces;
    }

    /** The district's places as they are now: two look-ups; a code outside the district is asked for on its own. */
    public Places places() {
        Map<String, Directory.Place> byCode = new HashMap<>();
        for (DistrictPlaces.Town t : districtPlaces.towns()) {
            byCode.put(t.town().code(), t.town());
            t.villages().forEach(v -> byCode.put(v.code(), v));
        }
        return new Places(byCode, directory);
    }

    /**
     * Unit names for these units: for more than two, every handling unit in one look-up; any other
     * (one or two, or a unit since made inactive) is asked for on its own when first named.
     */
    public Units units(Collection<Long> unitIds) {
        Set<Long> wanted = new LinkedHashSet<>(unitIds);
        wanted.remove(null);
        return wanted.size() > 2 ? handlingUnits() : new Units(new HashMap<>(), directory);
    }

    /** Unit names with every handling unit looked up at once (one look-up): for exports and counts. */
    public Units handlingUnits() {
        Map<Long, String> names = new HashMap<>();
        directory.handlingUnits().forEach(u -> names.put(u.id(), u.name()));
        return new Units(names, directory);
    }

    /** Unit names by id. */
    public static final class Units {
        private final Map<Long, String> names;
        private final Directory directory;

        Units(Map<Long, String> names, Directory directory) {
            this.names = names;
            this.directory = directory;
        }

        /** The unit's name; null for no unit (and for one the directory does not know). */
        public String name(Long unitId) {
            if (unitId == null) {
                return null;
            }
            if (!names.containsKey(unitId)) {
                names.put(unitId, directory.unitName(unitId).orElse(null));
            }
            return names.get(unitId);
        }
    }

    /** Place names by code, with the town or street each village lies in. */
    public static final class Places {
        private final Map<String, Directory.Place> byCode;
        private final Directory directory;

        Places(Map<String, Directory.Place> byCode, Directory directory) {
            this.byCode = byCode;
            this.directory = directory;
        }

        private Optional<Directory.Place> place(String code) {
            if (code == null) {
                return Optional.empty();
            }
            Directory.Place p = byCode.get(code);
            if (p == null && !byCode.containsKey(code)) {
                p = directory.place(code).orElse(null);
                byCode.put(code, p);
            }
            return Optional.ofNullable(p);
        }

        /** The place's own name (a village, or a town when the opinion names a town). */
        public String name(String code) {
            return place(code).map(Directory.Place::name).orElse(null);
        }

        /** The town or street a village lies in; null for a town itself and for a place under none. */
        public String townName(String code) {
            return place(code).flatMap(p -> place(p.parentCode())).filter(Places::isTown).map(Directory.Place::name)
                    .orElse(null);
        }

        /** 乡镇（街道） in the ledger: the town of a village, or the place itself when it is a town or street. */
        public String ledgerTown(String code) {
            return place(code).filter(Places::isTown).map(Directory.Place::name).orElseGet(() -> townName(code));
        }

        /** 村（社区） in the ledger: the village; nothing when the place is a town or street. */
        public String ledgerVillage(String code) {
            return place(code).filter(p -> !isTown(p)).map(Directory.Place::name).orElse(null);
        }

        /** The place and the places directly under it (a town and its villages), for filters by town. */
        public List<String> codesIn(String code) {
            Set<String> codes = new LinkedHashSet<>();
            codes.add(code);
            byCode.values().stream().filter(p -> p != null && code.equals(p.parentCode())).forEach(p -> codes.add(p.code()));
            if (codes.size() == 1 && !byCode.containsKey(code)) {
                directory.placesUnder(code).forEach(p -> codes.add(p.code()));
            }
            return List.copyOf(codes);
        }

        private static boolean isTown(Directory.Place p) {
            return TOWN_LEVELS.contains(p.level());
        }
    }
}
