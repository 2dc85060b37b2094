package org.civicloop.liaison.receptions;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.liaison.ReceptionSummary;
import org.civicloop.liaison.Receptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JdbcReceptions implements Receptions {

    private static final String SELECT = """
            select r.id, r.site_id, s.name as site_name, r.held_on, r.starts_at, r.ends_at, r.place, r.mobile, r.status
            from reception r join liaison_site s on s.id = r.site_id""";

    private final JdbcClient jdbc;

    @Override
    public Optional<ReceptionSummary> find(long receptionId) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", receptionId).query(ReceptionSummary.class).optional();
    }

    @Override
    public List<ReceptionSummary> openFor(Long staffUnitId, LocalDate day) {
        return jdbc.sql(SELECT + " " + """
                         where r.held_on = :day and r.status <> 'CANCELLED'
                           and (cast(:unit as bigint) is null or s.staff_unit_id = :unit)
                         order by r.starts_at, s.name, r.id""")
                .param("day", Date.valueOf(day)).param("unit", staffUnitId)
                .query(ReceptionSummary.class).list();
    }

    @Override
    public List<ReceptionSummary> openAtSite(long siteId, LocalDate day) {
        return jdbc.sql(SELECT + " where r.held_on = :day and r.status <> 'CANCELLED' and r.site_id = :s"
                        + " order by r.starts_at, r.id")
                .param("day", Date.valueOf(day)).param("s", siteId)
                .query(ReceptionSummary.class).list();
    }
}
