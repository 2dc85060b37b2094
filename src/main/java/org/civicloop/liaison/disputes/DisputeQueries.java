package org.civicloop.liaison.disputes;

import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dispute list: the office, leaders and administrators all; station staff their unit's sites. No parties. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DisputeQueries {

    private final JdbcClient jdbc;

    public record DisputeRow(long id, long siteId, String siteName, String subject, String status, LocalDate openedOn,
                             LocalDate closedOn) {
    }

    public record Filter(Long siteId, DisputeStatus status) {
    }

    public record Page(List<DisputeRow> items, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page disputes(CivicUser user, Filter f, int page, int size) {
        String from = " from dispute d join liaison_site s on s.id = d.site_id";
        String where = """
                 where (:all or (:staff and s.staff_unit_id = :myUnit))
                   and (cast(:site as bigint) is null or d.site_id = :site)
                   and (cast(:status as varchar) is null or d.status = :status)""";
        long total = bind(jdbc.sql("select count(*)" + from + " " + where), user, f).query(Long.class).single();
        List<DisputeRow> rows = bind(jdbc.sql("select d.id, d.site_id, s.name as site_name, d.subject, d.status, d.opened_on, d.closed_on"
                        + from + " " + where + " order by case when d.status = 'MEDIATING' then 0 else 1 end, d.opened_on desc, d.id desc"
                        + " limit :size offset :offset"), user, f)
                .param("size", size).param("offset", (long) page * size).query(DisputeRow.class).list();
        return new Page(rows, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, CivicUser user, Filter f) {
        return spec.param("all", DisputePermissions.viewsAll(user)).param("staff", user.hasRole(Role.STATION_STAFF))
                .param("myUnit", user.unitId() == null ? -1L : user.unitId())
                .param("site", f.siteId()).param("status", f.status() == null ? null : f.status().name());
    }
}
