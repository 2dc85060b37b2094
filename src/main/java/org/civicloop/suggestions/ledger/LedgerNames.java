package org.civicloop.suggestions.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.Directory;
import org.springframework.stereotype.Component;

/**
 * Names of units and lead deputies for ledger rows, from two look-ups per page or export (the active
 * units and the serving deputies), not one per row; a unit or deputy no longer active is asked for
 * once and remembered for the rest of that page or export.
 */
@Component
class LedgerNames {

    private final Directory directory;
    private final DeputyRoster roster;
    private final Deputies deputies;

    LedgerNames(Directory directory, DeputyRoster roster, Deputies deputies) {
        this.directory = directory;
        this.roster = roster;
        this.deputies = deputies;
    }

    /** A fresh set of names for one page or one export. */
    Lookup lookup() {
        Map<Long, String> units = new HashMap<>();
        directory.handlingUnits().forEach(u -> units.put(u.id(), u.name()));
        Map<Long, String> people = new HashMap<>();
        roster.active().forEach(d -> people.put(d.id(), d.name()));
        return new Lookup(units, people);
    }

    final class Lookup {

        private final Map<Long, String> units;
        private final Map<Long, String> people;

        private Lookup(Map<Long, String> units, Map<Long, String> people) {
            this.units = units;
            this.people = people;
        }

        String deputy(long deputyId) {
            return people.computeIfAbsent(deputyId, id -> deputies.find(id).map(DeputySummary::name).orElse(""));
        }

        String unit(long unitId) {
            return units.computeIfAbsent(unitId, id -> directory.unitName(id).orElse(""));
        }

        /** Unit names joined with the Chinese enumeration comma. */
        String units(List<Long> unitIds, String separator) {
            return unitIds.stream().map(this::unit).collect(Collectors.joining(separator));
        }
    }
}
