package org.civicloop.liaison.domain;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.shared.DutyToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JdbcLiaisonSites implements LiaisonSites {

    private static final String SELECT =
            "select id, name, type, region_code, address, duty_token, staff_unit_id from liaison_site";

    private final JdbcClient jdbc;

    @Override
    public Optional<SiteSummary> byDutyToken(String token) {
        return DutyToken.normalise(token).flatMap(t -> jdbc.sql(SELECT + " where duty_token = :t and active")
                .param("t", t).query(SiteSummary.class).optional());
    }

    @Override
    public Optional<SiteSummary> find(long siteId) {
        return jdbc.sql(SELECT + " where id = :id").param("id", siteId).query(SiteSummary.class).optional();
    }

    @Override
    public List<SiteSummary> forStaffUnit(long unitId) {
        return jdbc.sql(SELECT + " where staff_unit_id = :u order by name, id").param("u", unitId)
                .query(SiteSummary.class).list();
    }

    @Override
    public List<SiteSummary> openOfType(String type) {
        return jdbc.sql(SELECT + " where type = :t and active order by name, id").param("t", type)
                .query(SiteSummary.class).list();
    }
}
