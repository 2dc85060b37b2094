package org.civicloop.deputies.domain;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.shared.DutyToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JdbcDeputies implements Deputies, DeputyRoster {

    private static final String SELECT =
            "select id, name, level, constituency, region_code, duty_token, account_id from deputy";

    private final JdbcClient jdbc;

    @Override
    public Optional<DeputySummary> byDutyToken(String token) {
        return DutyToken.normalise(token).flatMap(t -> jdbc.sql(SELECT + " where duty_token = :t and status = 'ACTIVE'")
                .param("t", t).query(DeputySummary.class).optional());
    }

    @Override
    public Optional<DeputySummary> find(long deputyId) {
        return jdbc.sql(SELECT + " where id = :id").param("id", deputyId).query(DeputySummary.class).optional();
    }

    @Override
    public Optional<String> phoneForMessage(long deputyId) {
        return jdbc.sql("select phone from deputy where id = :id and phone is not null and phone <> ''").param("id", deputyId)
                .query(String.class).optional();
    }

    @Override
    public Optional<DeputySummary> forAccount(long accountId) {
        return jdbc.sql(SELECT + " where account_id = :a").param("a", accountId).query(DeputySummary.class).optional();
    }

    @Override
    public List<DeputySummary> active() {
        return jdbc.sql(SELECT + " where status = 'ACTIVE' order by region_code, name, id").query(DeputySummary.class).list();
    }
}
