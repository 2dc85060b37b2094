package org.civicloop.liaison.domain;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models for the site pages. Every query takes the caller's {@link DataScope}: station staff
 * read only the sites their unit runs, and another unit's site answers like one that does not exist.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SiteQueries {

    private static final String SCOPE = "(:allUnits or s.staff_unit_id in (:unitIds))";
    private static final String SELECT = """
            select s.id, s.name, s.type, s.region_code, s.address, s.staff_unit_id, s.reception_schedule, s.active,
                   s.duty_token, (select count(*) from liaison_site_deputy r where r.site_id = s.id) as resident_count
            from liaison_site s""";

    private final JdbcClient jdbc;

    public record SiteRow(long id, String name, String type, String regionCode, String address, Long staffUnitId,
                          String receptionSchedule, boolean active, String dutyToken, int residentCount) {
    }

    /** List filters; empty strings mean "any". */
    public record Filter(String query, String type, String regionCode) {
        public Filter {
            query = query == null ? "" : query.strip();
            type = type == null ? "" : type;
            regionCode = regionCode == null ? "" : regionCode;
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page<SiteRow> sites(Filter filter, DataScope scope, int page, int size) {
        String where = " where " + SCOPE + " " + """
                 and (:q = '' or s.name ilike '%' || :q || '%' or s.address ilike '%' || :q || '%')
                 and (:type = '' or s.type = :type)
                 and (:region = '' or s.region_code like :region || '%')""";
        long total = bind(jdbc.sql("select count(*) from liaison_site s" + where), filter, scope).query(Long.class).single();
        List<SiteRow> items = bind(jdbc.sql(SELECT + where
                        + " order by s.active desc, s.type, s.region_code, s.name limit :size offset :offset"), filter, scope)
                .param("size", size).param("offset", (long) page * size)
                .query(SiteRow.class).list();
        return new Page<>(items, page, size, total);
    }

    public Optional<SiteRow> site(long id, DataScope scope) {
        return jdbc.sql(SELECT + " where s.id = :id and " + SCOPE)
                .param("id", id).param("allUnits", scope.allUnits()).param("unitIds", scope.unitIdsForSql())
                .query(SiteRow.class).optional();
    }

    public List<Long> residentIds(long siteId) {
        return jdbc.sql("select deputy_id from liaison_site_deputy where site_id = :id order by deputy_id")
                .param("id", siteId).query(Long.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter, DataScope scope) {
        return spec.param("allUnits", scope.allUnits()).param("unitIds", scope.unitIdsForSql())
                .param("q", filter.query()).param("type", filter.type()).param("region", filter.regionCode());
    }
}
