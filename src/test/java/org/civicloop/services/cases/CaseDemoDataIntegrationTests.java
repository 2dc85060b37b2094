package org.civicloop.services.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo applications: every state for the demo accounts, and about forty completed enterprise
 * migrations over six months whose parallel handling takes three to four working days against the
 * twenty before (about 80% less), as the efficiency page will show.
 */
@IntegrationTest
class CaseDemoDataIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendars calendars;

    @Test
    void everyStateIsThereAndTheCompletedOnesTakeAboutAFifthOfTheOldTime() {
        Map<String, Long> byStatus = new java.util.HashMap<>();
        jdbc.sql("select status, count(*) from service_case where submission_key like '%:demo-%' group by status")
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(byStatus).containsKeys("SUBMITTED", "CORRECTION_REQUESTED", "IN_PROGRESS", "AWAITING_APPLICANT", "READY",
                "COMPLETED", "REFUSED", "FAILED");
        assertThat(byStatus.get("COMPLETED")).isBetween(35L, 45L);

        var calendar = calendars.current();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<Double> days = jdbc.sql("""
                        select submitted_at, completed_at, waited_seconds from service_case
                         where status = 'COMPLETED' and submission_key like '%:demo-done-%' and submission_key not like '%unrated'""")
                .query((rs, n) -> {
                    var from = rs.getTimestamp(1).toInstant();
                    var to = rs.getTimestamp(2).toInstant();
                    double waitedDays = rs.getLong(3) / 86400.0;
                    return calendar.workingDaysBetween(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate()) - waitedDays * 5 / 7;
                }).list();
        double average = days.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(average).as("average working days from submission to results").isBetween(2.5, 4.5);
        assertThat(1 - average / 20).as("time saved against the 20 working days before").isBetween(0.75, 0.9);
        long rated = jdbc.sql("select count(*) from service_case where rating_level is not null").query(Long.class).single();
        assertThat(rated).isGreaterThan(15);
    }
}
