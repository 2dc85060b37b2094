package org.civicloop.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.civicloop.briefings.BriefingEvents.BriefingAttended;
import org.civicloop.liaison.LiaisonEvents.DisputeClosed;
import org.civicloop.liaison.LiaisonEvents.ReceptionHeld;
import org.civicloop.records.domain.ActivityKind;
import org.civicloop.records.domain.DutyRecordService;
import org.civicloop.records.domain.DutyRecordService.RuleChange;
import org.civicloop.records.domain.PointLine;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two deputies' points for 2019 against a fixture computed by hand. The events are published here, in
 * transactions, as liaison and briefings publish them (twice: a replay must count once); the rules are set
 * through the service as the office sets them. 2019 has no demo activity and no demo rule (the demo's start
 * last year), ids run from 919 000 001. X = 王建国, Y = 李秀英. The lines are written in the background:
 * the fixture waits for them.
 *
 * <pre>
 * rules      RECEPTION  3 pts, cap 10 a year, from 2019-01-01;  5 pts, cap 12, from 2019-07-01 (the change)
 *            BRIEFING   2 pts, no cap, from 2019-01-01
 *            DISPUTE    4 pts, no cap, from 2019-03-01 (none before)
 *
 * line                          X: rule      earned  (RECEPTION so far)   Y: rule     earned
 * reception 1  2019-02-01 X,Y   3/cap10      3       (3)                  3/cap10     3  (3)
 * dispute 1    2019-02-15 Y                                                none        0
 * reception 2  2019-03-01 X     3/cap10      3       (6)
 * dispute 2    2019-03-05 Y                                                4           4
 * briefing 1   2019-04-10 X,Y   2            2                            2           2
 * reception 3  2019-05-01 X     3/cap10      3       (9)
 * reception 4  2019-06-01 X     3/cap10      1 capped (10)
 * reception 5  2019-08-01 X,Y   5/cap12      2 capped (12)                5/cap12     5  (8)
 * reception 6  2019-09-01 X     5/cap12      0 capped (12)
 * briefing 2   2019-10-01 Y                                                2           2
 * reception 7  2020-01-05 Y     (next year: not in 2019; in 2020 it earns 5 under the rule of 2019-07-01)
 *                                            -----                                    --
 *                                            14                                       16
 * </pre>
 */
@IntegrationTest
class DutyPointsIntegrationTests {

    static final int YEAR = 2019;
    static final long BASE = 919_000_000L;

    @Autowired
    DemoFixture demo;
    @Autowired
    DutyRecordService records;
    @Autowired
    DutyRecords face;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    long x;
    long y;

    @BeforeEach
    void fixture() {
        x = demo.deputy("王建国");
        y = demo.deputy("李秀英");
        rule("RECEPTION", 3, 10, LocalDate.of(YEAR, 1, 1));
        rule("RECEPTION", 5, 12, LocalDate.of(YEAR, 7, 1));
        rule("BRIEFING", 2, null, LocalDate.of(YEAR, 1, 1));
        rule("DISPUTE", 4, null, LocalDate.of(YEAR, 3, 1));
        for (int replay = 0; replay < 2; replay++) {
            reception(1, "2019-02-01", x, y);
            reception(2, "2019-03-01", x);
            reception(3, "2019-05-01", x);
            reception(4, "2019-06-01", x);
            reception(5, "2019-08-01", x, y);
            reception(6, "2019-09-01", x);
            reception(7, "2020-01-05", y);
            publish(new DisputeClosed(BASE + 1, site(), LocalDate.parse("2019-02-15"), true, List.of(y)));
            publish(new DisputeClosed(BASE + 2, site(), LocalDate.parse("2019-03-05"), false, List.of(y)));
            publish(new BriefingAttended(BASE + 1, "BRIEFING", "区政府半年工作情况通报会", LocalDate.parse("2019-04-10"), x));
            publish(new BriefingAttended(BASE + 1, "BRIEFING", "区政府半年工作情况通报会", LocalDate.parse("2019-04-10"), y));
            publish(new BriefingAttended(BASE + 2, "TRAINING", "代表履职专题培训", LocalDate.parse("2019-10-01"), y));
        }
        demo.recordsSettled();
    }

    @Test
    void twoDeputiesPointsMatchTheFixtureComputedByHandWithTheCapAndTheMidYearRuleChange() {
        assertThat(face.points(x, YEAR)).isEqualTo(14);
        assertThat(face.points(y, YEAR)).isEqualTo(16);

        List<PointLine> xs = records.lines(x, YEAR);
        assertThat(xs).extracting(l -> l.on() + " " + l.kind() + " " + l.rulePoints() + "/" + l.ruleCap() + " from "
                + l.ruleValidFrom() + " = " + l.points() + (l.capped() ? " capped" : ""))
                .containsExactly(
                        "2019-02-01 RECEPTION 3/10 from 2019-01-01 = 3",
                        "2019-03-01 RECEPTION 3/10 from 2019-01-01 = 3",
                        "2019-04-10 BRIEFING 2/null from 2019-01-01 = 2",
                        "2019-05-01 RECEPTION 3/10 from 2019-01-01 = 3",
                        "2019-06-01 RECEPTION 3/10 from 2019-01-01 = 1 capped",
                        "2019-08-01 RECEPTION 5/12 from 2019-07-01 = 2 capped",
                        "2019-09-01 RECEPTION 5/12 from 2019-07-01 = 0 capped");
        assertThat(xs).extracting(PointLine::source, PointLine::sourceId).contains(
                org.assertj.core.groups.Tuple.tuple("reception", BASE + 4), org.assertj.core.groups.Tuple.tuple("briefing", BASE + 1));

        List<PointLine> ys = records.lines(y, YEAR);
        assertThat(ys).extracting(l -> l.on() + " " + l.kind() + " = " + l.points() + (l.ruleId() == null ? " no rule" : ""))
                .containsExactly(
                        "2019-02-01 RECEPTION = 3",
                        "2019-02-15 DISPUTE = 0 no rule",
                        "2019-03-05 DISPUTE = 4",
                        "2019-04-10 BRIEFING = 2",
                        "2019-08-01 RECEPTION = 5",
                        "2019-10-01 BRIEFING = 2");
    }

    @Test
    void theFaceListsTheCountedLinesNewestFirstAndTheRankingAgrees() {
        assertThat(face.entries(x, YEAR)).extracting(DutyRecords.DutyEntry::on).first().isEqualTo(LocalDate.parse("2019-09-01"));
        assertThat(face.entries(x, YEAR)).extracting(DutyRecords.DutyEntry::points).containsExactly(0, 2, 1, 3, 2, 3, 3);
        assertThat(face.entries(y, YEAR)).extracting(DutyRecords.DutyEntry::kind).contains(ActivityKind.DISPUTE.name());
        assertThat(face.points(y, YEAR + 1)).as("reception 7 counts in 2020 under the rule of 2019-07-01, with a fresh cap").isEqualTo(5);
        var ranking = records.ranking(YEAR);
        assertThat(ranking).filteredOn(s -> s.deputy().id() == y).singleElement()
                .satisfies(s -> assertThat(s.points()).isEqualTo(16));
        assertThat(ranking.get(0).points()).isGreaterThanOrEqualTo(16);
        assertThat(face.points(Long.MAX_VALUE, YEAR)).as("a deputy with no record").isZero();
    }

    void rule(String kind, int points, Integer cap, LocalDate from) {
        boolean exists = jdbc.sql("select exists (select 1 from record_point_rule where kind = :k and valid_from = :f)")
                .param("k", kind).param("f", java.sql.Date.valueOf(from)).query(Boolean.class).single();
        if (!exists) {
            records.addRule(new RuleChange(kind, points, cap, from, null), "test");
        }
    }

    void reception(int n, String day, Long... deputies) {
        publish(new ReceptionHeld(BASE + n, site(), LocalDate.parse(day), false, "", 10, List.of(deputies)));
    }

    long site() {
        return demo.site("青岩镇人大代表联络站");
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }
}
