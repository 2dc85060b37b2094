package org.civicloop.liaison.matters;

import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The matter lists. Who reads which rows is decided in SQL, as {@link MatterPermissions} says: the
 * office, leaders and administrators all; station staff their unit's sites; a unit the matters sent to it.
 * Rows carry no personal data.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MatterQueries {

    private final JdbcClient jdbc;

    public record MatterRow(long id, long siteId, String siteName, String enterpriseName, long unitId, String status,
                            LocalDate openedOn, int round) {
    }

    /** Filters; null means "any". */
    public record Filter(Long siteId, MatterStatus status, Long unitId) {
    }

    public record Page(List<MatterRow> items, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page matters(CivicUser user, Filter filter, int page, int size) {
        String where = """
                 where (:all or (:staff and s.staff_unit_id = :myUnit) or (:unitStaff and m.unit_id = :myUnit))
                   and (cast(:site as bigint) is null or m.site_id = :site)
                   and (cast(:status as varchar) is null or m.status = :status)
                   and (cast(:unit as bigint) is null or m.unit_id = :unit)""";
        String from = " from enterprise_matter m join liaison_site s on s.id = m.site_id";
        long total = bind(jdbc.sql("select count(*)" + from + " " + where), user, filter).query(Long.class).single();
        List<MatterRow> rows = bind(jdbc.sql("""
                        select m.id, m.site_id, s.name as site_name, m.enterprise_name, m.unit_id, m.status, m.opened_on, m.round"""
                        + from + " " + where + " order by case when m.status in ('AT_UNIT', 'ANSWERED') then 0 else 1 end,"
                        + " m.opened_on desc, m.id desc limit :size offset :offset"), user, filter)
                .param("size", size).param("offset", (long) page * size).query(MatterRow.class).list();
        return new Page(rows, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, CivicUser user, Filter f) {
        return spec.param("all", MatterPermissions.viewsAll(user))
                .param("staff", user.hasRole(Role.STATION_STAFF))
                .param("unitStaff", user.hasRole(Role.HANDLING_UNIT))
                .param("myUnit", user.unitId() == null ? -1L : user.unitId())
                .param("site", f.siteId()).param("status", f.status() == null ? null : f.status().name())
                .param("unit", f.unitId());
    }
}
