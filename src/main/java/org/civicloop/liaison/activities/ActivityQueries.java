package org.civicloop.liaison.activities;

import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Activities by site, newest first, with the filter's totals; station staff read their unit's sites only. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActivityQueries {

    private final JdbcClient jdbc;

    public record ActivityRow(long id, long siteId, String siteName, LocalDate heldOn, String theme, int visitors,
                              Long incomeYuan, String deputyIds) {
    }

    public record Totals(long activities, long visitors, long incomeYuan) {
    }

    public record Page(List<ActivityRow> items, int page, int size, Totals totals) {
        public int pages() {
            return (int) Math.max(1, (totals.activities() + size - 1) / size);
        }

        public long total() {
            return totals.activities();
        }
    }

    public Page activities(CivicUser user, Long siteId, int page, int size) {
        String from = " from site_activity a join liaison_site s on s.id = a.site_id";
        String where = " where (:all or (:staff and s.staff_unit_id = :myUnit)) and (cast(:site as bigint) is null or a.site_id = :site)";
        Totals totals = bind(jdbc.sql("select count(*), coalesce(sum(a.visitors), 0), coalesce(sum(a.income_yuan), 0)" + from + where),
                user, siteId).query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        List<ActivityRow> rows = bind(jdbc.sql("""
                        select a.id, a.site_id, s.name as site_name, a.held_on, a.theme, a.visitors, a.income_yuan,
                               (select string_agg(cast(d.deputy_id as varchar), ',' order by d.deputy_id)
                                from site_activity_deputy d where d.activity_id = a.id) as deputy_ids"""
                        + from + where + " order by a.held_on desc, a.id desc limit :size offset :offset"), user, siteId)
                .param("size", size).param("offset", (long) page * size).query(ActivityRow.class).list();
        return new Page(rows, page, size, totals);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, CivicUser user, Long siteId) {
        boolean all = user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN);
        return spec.param("all", all).param("staff", user.hasRole(Role.STATION_STAFF))
                .param("myUnit", user.unitId() == null ? -1L : user.unitId()).param("site", siteId);
    }
}
