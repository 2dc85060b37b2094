package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A handling unit's worklist is read from its work orders in the order of their opinions' time (V178): page after
 * page it is exactly the unit's opinions, newest first, each once however many orders it has, and an opinion whose
 * time changes moves with it.
 */
@IntegrationTest
class UnitWorklistIntegrationTests {

    @Autowired
    OpinionService service;
    @Autowired
    OpinionQueries queries;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesAreTheUnitsOpinionsNewestFirstEachOnce() {
        OpinionFixtures f = new OpinionFixtures(service, users, jdbc);
        CivicUser unit = f.user("unit");
        assertThat(unit.unitId()).isEqualTo(f.unitId("花溪区住房和城乡建设局"));
        List<Opinion> mine = List.of(f.submitted("单位工作台测试：第一件"), f.submitted("单位工作台测试：第二件"),
                f.submitted("单位工作台测试：第三件"));
        mine.forEach(f::forwardedToHousing);
        // the first sent to the unit a second time (a new round's order): listed once
        jdbc.sql("""
                        insert into work_order (opinion_id, unit_id, round, status, assigned_at, assigned_by)
                        values (:o, :u, 2, 'SIGNED', now(), 'office')""")
                .param("o", mine.get(0).id()).param("u", unit.unitId()).update();
        // the second moved 400 days back: the orders' copy of its time follows it
        jdbc.sql("update opinion set submitted_at = submitted_at - interval '400 days' where id = :id")
                .param("id", mine.get(1).id()).update();

        for (String status : List.of("", "HANDLING")) {
            var filter = new OpinionQueries.QueueFilter(status, "", "", "", "", null, null, null);
            List<Long> expected = jdbc.sql("""
                            select o.id from opinion o
                             where exists (select 1 from work_order w where w.opinion_id = o.id and w.unit_id = :u)
                               and (:status = '' or o.status = :status)
                             order by o.submitted_at desc, o.id desc""")
                    .param("u", unit.unitId()).param("status", status).query(Long.class).list();
            List<Long> paged = new ArrayList<>();
            Instant at = null;
            Long id = null;
            for (int page = 0; page < 1_000; page++) {
                var rows = queries.queue(filter, unit, at, id, 3);
                rows.forEach(r -> paged.add(r.id()));
                if (rows.size() < 3) {
                    break;
                }
                at = rows.get(2).submittedAt();
                id = rows.get(2).id();
            }
            assertThat(paged).as("status '" + status + "'").containsExactlyElementsOf(expected);
            assertThat(paged).contains(mine.get(0).id(), mine.get(1).id(), mine.get(2).id());
            assertThat(paged.indexOf(mine.get(1).id())).isGreaterThan(paged.indexOf(mine.get(2).id()));
        }
    }
}
