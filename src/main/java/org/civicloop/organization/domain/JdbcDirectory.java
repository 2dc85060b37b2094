package org.civicloop.organization.domain;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.civicloop.organization.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JdbcDirectory implements Directory {

    private final JdbcClient jdbc;

    @Override
    public Optional<Long> accountIdByUsername(String username) {
        return jdbc.sql("select id from account where lower(username) = lower(:u)").param("u", username)
                .query(Long.class).optional();
    }

    @Override
    public Optional<String> accountDisplayName(long accountId) {
        return jdbc.sql("select display_name from account where id = :id").param("id", accountId).query(String.class).optional();
    }

    @Override
    public Optional<String> accountUsername(long accountId) {
        return jdbc.sql("select username from account where id = :id").param("id", accountId).query(String.class).optional();
    }

    @Override
    public Optional<UnitId> unitIdByName(String name) {
        return jdbc.sql("select id from org_unit where name = :n order by id limit 1").param("n", name).query(Long.class).optional()
                .map(UnitId::new);
    }

    @Override
    public Optional<String> unitName(UnitId unit) {
        return jdbc.sql("select name from org_unit where id = :id").param("id", unit.value()).query(String.class).optional();
    }

    @Override
    public List<UnitRef> handlingUnits() {
        return jdbc.sql("select id, name, region_code from org_unit where handles_items and active order by kind, name")
                .query(UnitRef.class).list();
    }

    @Override
    public Optional<UnitRef> unitForRegion(String regionCode) {
        return jdbc.sql("""
                        with recursive up(code, parent_code, depth) as (
                            select code, parent_code, 0 from region where code = :code
                            union all
                            select r.code, r.parent_code, up.depth + 1 from region r join up on r.code = up.parent_code)
                        select u.id, u.name, u.region_code
                        from up join org_unit u on u.region_code = up.code and u.kind = 'TOWN_GOVERNMENT' and u.active
                        order by up.depth, u.id limit 1""")
                .param("code", regionCode).query(UnitRef.class).optional();
    }

    @Override
    public Optional<Place> place(String regionCode) {
        return jdbc.sql("select code, name, level, parent_code from region where code = :c").param("c", regionCode)
                .query(Place.class).optional();
    }

    @Override
    public List<Place> placesUnder(java.util.Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select code, name, level, parent_code from region where parent_code in (:c) order by code")
                .param("c", regionCodes).query(Place.class).list();
    }

    @Override
    public List<Place> placesUnder(String regionCode) {
        return jdbc.sql("select code, name, level, parent_code from region where parent_code = :c order by code")
                .param("c", regionCode).query(Place.class).list();
    }

    @Override
    public List<Place> placesAtLevels(List<String> levels) {
        if (levels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select code, name, level, parent_code from region where level in (:levels) order by code")
                .param("levels", levels).query(Place.class).list();
    }

    @Override
    public List<Long> accountsOfUnit(UnitId unit, org.civicloop.organization.Role role) {
        return jdbc.sql("""
                        select a.id from account a join account_role r on r.account_id = a.id
                        where a.unit_id = :unit and r.role = :role and a.enabled order by a.id""")
                .param("unit", unit.value()).param("role", role.name()).query(Long.class).list();
    }

    @Override
    public List<Long> accountsWithRole(org.civicloop.organization.Role role) {
        return jdbc.sql("""
                        select a.id from account a join account_role r on r.account_id = a.id
                        where r.role = :role and a.enabled order by a.id""")
                .param("role", role.name()).query(Long.class).list();
    }
}
