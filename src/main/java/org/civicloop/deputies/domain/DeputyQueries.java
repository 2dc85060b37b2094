package org.civicloop.deputies.domain;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models for the roster pages. The phone number is personal data: the caller says whether
 * it may be shown and the SQL leaves it out otherwise, so no page can print it by mistake.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DeputyQueries {

    private final JdbcClient jdbc;

    public record DeputyRow(long id, String name, String level, String constituency, String regionCode, String sector,
                            String phone, String status, Long accountId, String dutyToken) {
        public boolean active() {
            return DeputyStatus.ACTIVE.name().equals(status);
        }
    }

    /** List filters; empty strings mean "any". */
    public record Filter(String query, String level, String status, String regionCode) {
        public Filter {
            query = query == null ? "" : query.strip();
            level = level == null ? "" : level;
            status = status == null ? "" : status;
            regionCode = regionCode == null ? "" : regionCode;
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page<DeputyRow> deputies(Filter filter, boolean showPhone, int page, int size) {
        // a region filter takes the places below it too: a town's code is a prefix of its villages'
        String where = " " + """
                where (:q = '' or d.name ilike '%' || :q || '%' or d.constituency ilike '%' || :q || '%'
                                or d.sector ilike '%' || :q || '%')
                   and (:level = '' or d.level = :level)
                   and (:status = '' or d.status = :status)
                   and (:region = '' or d.region_code like :region || '%')""";
        long total = bind(jdbc.sql("select count(*) from deputy d" + where), filter).query(Long.class).single();
        List<DeputyRow> items = bind(jdbc.sql(select(showPhone) + where
                        + " order by d.status <> 'ACTIVE', d.region_code, d.name, d.id limit :size offset :offset"), filter)
                .param("size", size).param("offset", (long) page * size)
                .query(DeputyRow.class).list();
        return new Page<>(items, page, size, total);
    }

    public Optional<DeputyRow> deputy(long id, boolean showPhone) {
        return jdbc.sql(select(showPhone) + " where d.id = :id").param("id", id).query(DeputyRow.class).optional();
    }

    public Optional<DeputyRow> forAccount(long accountId, boolean showPhone) {
        return jdbc.sql(select(showPhone) + " where d.account_id = :a").param("a", accountId).query(DeputyRow.class).optional();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter) {
        return spec.param("q", filter.query()).param("level", filter.level()).param("status", filter.status())
                .param("region", filter.regionCode());
    }

    private static String select(boolean showPhone) {
        return "select d.id, d.name, d.level, d.constituency, d.region_code, d.sector, "
                + (showPhone ? "d.phone" : "cast(null as varchar) as phone")
                + ", d.status, d.account_id, d.duty_token from deputy d";
    }
}
