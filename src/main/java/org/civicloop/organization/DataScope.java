package org.civicloop.organization;

import java.util.Set;

/**
 * Which units' items a user may see. Queries take it as parameters
 * ({@code (:allUnits or unit_id in (:unitIds))}) so the rule is enforced in the database, not
 * only in menus.
 *
 * @param allUnits true for district-wide roles
 * @param unitIds  otherwise the units whose items are visible (never empty in SQL: -1 stands in)
 */
public record DataScope(boolean allUnits, Set<Long> unitIds) {

    public static final DataScope NONE = new DataScope(false, Set.of());

    public static DataScope all() {
        return new DataScope(true, Set.of());
    }

    public static DataScope units(Set<Long> ids) {
        return new DataScope(false, Set.copyOf(ids));
    }

    public boolean allows(Long unitId) {
        return allUnits || (unitId != null && unitIds.contains(unitId));
    }

    /** For {@code in (:unitIds)}: PostgreSQL rejects an empty list, so an empty scope becomes {-1}. */
    public Set<Long> unitIdsForSql() {
        return unitIds.isEmpty() ? Set.of(-1L) : unitIds;
    }
}
