package org.civicloop.organization;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask the organisation module: names and ids of units and accounts, and
 * the places of the district. They never read its tables.
 */
public interface Directory {

    Optional<Long> accountIdByUsername(String username);

    Optional<String> accountDisplayName(long accountId);

    /** The username of an account; usernames never change once created. */
    Optional<String> accountUsername(long accountId);

    Optional<UnitId> unitIdByName(String name);

    Optional<String> unitName(UnitId unit);

    /**
     * {@link #unitName(UnitId)} for a caller that holds the id as a number (from its own rows);
     * new code and events pass a {@link UnitId}.
     */
    default Optional<String> unitName(long unitId) {
        return unitName(new UnitId(unitId));
    }

    /** Units that can be assigned items (承办单位), active ones, by kind then name. */
    List<UnitRef> handlingUnits();

    /** The unit (town or street government) responsible for a place, if one is registered for it or its parent. */
    Optional<UnitRef> unitForRegion(String regionCode);

    Optional<Place> place(String regionCode);

    /** The places below a region: towns and streets of a district, villages of a town. */
    List<Place> placesUnder(String regionCode);

    /** The places below any of these regions, in one look-up, by code. */
    List<Place> placesUnder(java.util.Collection<String> regionCodes);

    /** Every place at the given levels ({@code district}, {@code street}, {@code town}…), by code: what a form offers. */
    List<Place> placesAtLevels(List<String> levels);

    /** Active accounts of a unit holding a role (e.g. the handling unit's staff), for notices. */
    List<Long> accountsOfUnit(UnitId unit, Role role);

    /** {@link #accountsOfUnit(UnitId, Role)} for a caller that holds the id as a number (from its own rows). */
    default List<Long> accountsOfUnit(long unitId, Role role) {
        return accountsOfUnit(new UnitId(unitId), role);
    }

    /** Active accounts holding a role anywhere (e.g. the congress office), for escalations. */
    List<Long> accountsWithRole(Role role);

    record UnitRef(long id, String name, String regionCode) {

        public UnitId unit() {
            return new UnitId(id);
        }
    }

    record Place(String code, String name, String level, String parentCode) {
    }
}
