package org.civicloop.organization.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models for the organisation pages and API. Every query that returns units or their staff
 * takes the caller's {@link DataScope}, so a unit's staff cannot read another unit's rows even by
 * guessing ids.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OrganizationQueries {

    private static final String SCOPE = "(:allUnits or u.id in (:unitIds))";

    private final JdbcClient jdbc;

    public record UnitRow(long id, String name, String kind, String regionCode, String regionName, Long parentId,
                          String parentName, boolean handlesItems, boolean active, int staffCount) {
    }

    public record AccountRow(long id, String username, String displayName, String phone, Long unitId, String unitName,
                             List<String> roles, boolean enabled, Instant lockedUntil, int failedLogins,
                             Instant lastLoginAt) {
        public boolean locked() {
            return lockedUntil != null && lockedUntil.isAfter(Instant.now());
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page<UnitRow> units(String query, String kind, DataScope scope, int page, int size) {
        String where = " where " + SCOPE + " and (:q = '' or u.name ilike '%' || :q || '%') and (:kind = '' or u.kind = :kind)";
        long total = jdbc.sql("select count(*) from org_unit u" + where)
                .param("allUnits", scope.allUnits()).param("unitIds", scope.unitIdsForSql())
                .param("q", query == null ? "" : query.strip()).param("kind", kind == null ? "" : kind)
                .query(Long.class).single();
        List<UnitRow> items = jdbc.sql(UNIT_SELECT + where + " order by u.kind, u.name limit :size offset :offset")
                .param("allUnits", scope.allUnits()).param("unitIds", scope.unitIdsForSql())
                .param("q", query == null ? "" : query.strip()).param("kind", kind == null ? "" : kind)
                .param("size", size).param("offset", (long) page * size)
                .query(UnitRow.class).list();
        return new Page<>(items, page, size, total);
    }

    public Optional<UnitRow> unit(long id, DataScope scope) {
        return jdbc.sql(UNIT_SELECT + " where u.id = :id and " + SCOPE)
                .param("id", id).param("allUnits", scope.allUnits()).param("unitIds", scope.unitIdsForSql())
                .query(UnitRow.class).optional();
    }

    /** Units a form may offer (parents, an account's unit); administrators' pages only. */
    public List<UnitRow> allUnits() {
        return jdbc.sql(UNIT_SELECT + " order by u.kind, u.name").query(UnitRow.class).list();
    }

    public Page<AccountRow> accounts(String query, String role, Long unitId, DataScope scope, int page, int size) {
        String where = " where (:allUnits or a.unit_id in (:unitIds))"
                + " and (:q = '' or a.username ilike '%' || :q || '%' or a.display_name ilike '%' || :q || '%')"
                + " and (:role = '' or exists (select 1 from account_role r where r.account_id = a.id and r.role = :role))"
                + " and (cast(:unitId as bigint) is null or a.unit_id = :unitId)";
        long total = bindAccounts(jdbc.sql("select count(*) from account a" + where), query, role, unitId, scope)
                .query(Long.class).single();
        List<AccountRow> items = bindAccounts(jdbc.sql(ACCOUNT_SELECT + where + " order by a.username limit :size offset :offset"),
                query, role, unitId, scope)
                .param("size", size).param("offset", (long) page * size)
                .query(this::accountRow).list();
        return new Page<>(items, page, size, total);
    }

    public Optional<AccountRow> account(long id) {
        return jdbc.sql(ACCOUNT_SELECT + " where a.id = :id").param("id", id).query(this::accountRow).optional();
    }

    public List<Region> regions() {
        return jdbc.sql("select code, name, level, parent_code from region order by code").query(Region.class).list();
    }

    public List<Region> regionsAtLevels(List<String> levels) {
        return jdbc.sql("select code, name, level, parent_code from region where level in (:levels) order by code")
                .param("levels", levels).query(Region.class).list();
    }

    public Optional<Region> region(String code) {
        return jdbc.sql("select code, name, level, parent_code from region where code = :code")
                .param("code", code).query(Region.class).optional();
    }

    private JdbcClient.StatementSpec bindAccounts(JdbcClient.StatementSpec spec, String query, String role, Long unitId,
                                                  DataScope scope) {
        return spec.param("allUnits", scope.allUnits()).param("unitIds", scope.unitIdsForSql())
                .param("q", query == null ? "" : query.strip()).param("role", role == null ? "" : role)
                .param("unitId", unitId);
    }

    private AccountRow accountRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Array roles = rs.getArray("roles");
        return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("phone"), (Long) rs.getObject("unit_id"), rs.getString("unit_name"),
                roles == null ? List.of() : List.of((String[]) roles.getArray()),
                rs.getBoolean("enabled"), toInstant(rs.getTimestamp("locked_until")), rs.getInt("failed_logins"),
                toInstant(rs.getTimestamp("last_login_at")));
    }

    private static Instant toInstant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static final String UNIT_SELECT = """
            select u.id, u.name, u.kind, u.region_code, r.name as region_name, u.parent_id, p.name as parent_name,
                   u.handles_items, u.active,
                   (select count(*) from account a where a.unit_id = u.id) as staff_count
            from org_unit u
            join region r on r.code = u.region_code
            left join org_unit p on p.id = u.parent_id""";

    private static final String ACCOUNT_SELECT = """
            select a.id, a.username, a.display_name, a.phone, a.unit_id, u.name as unit_name, a.enabled, a.locked_until,
                   a.failed_logins, a.last_login_at,
                   array(select r.role from account_role r where r.account_id = a.id order by r.role) as roles
            from account a
            left join org_unit u on u.id = a.unit_id""";
}
