package org.civicloop.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.civicloop.deadlines.domain.DeadlineScanner;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The scan, driven with the test's own "now". Each test uses its own subject type, so clocks that
 * other tests left running in the shared database do not count here.
 */
@IntegrationTest
@RecordApplicationEvents
class DeadlineScanIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Deadlines deadlines;
    @Autowired
    DeadlineScanner scanner;
    @Autowired
    ApplicationEvents events;
    @Autowired
    JdbcClient jdbc;

    private static Instant beijing(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, SHANGHAI).toInstant();
    }

    private static Instant endOf(int month, int day) {
        return ZonedDateTime.of(2026, month, day, 23, 59, 59, 999_999_000, SHANGHAI).toInstant();
    }

    private List<DeadlineApproaching> approaching(String type) {
        return events.stream(DeadlineApproaching.class).filter(e -> e.subjectType().equals(type)).toList();
    }

    private List<DeadlineMissed> missed(String type) {
        return events.stream(DeadlineMissed.class).filter(e -> e.subjectType().equals(type)).toList();
    }

    @Test
    void eachClockIsAnnouncedOnceWhenItsWindowOpensAndOnceWhenItIsMissed() {
        String type = "scan" + System.nanoTime();
        // Fri 13 Feb + 15 working days: due Thu 12 Mar; warning window opens at the end of Mon 9 Mar
        deadlines.start(type, "a", "opinion.default", "opinion.default", beijing(2, 13, 10));
        // the same, stopped (done) on Fri 6 Mar: never announced
        deadlines.start(type, "done", "opinion.default", "opinion.default", beijing(2, 13, 10));
        deadlines.stop(type, "done", beijing(3, 6, 9));
        // the same, paused on Fri 6 Mar: a paused clock is not announced either
        deadlines.start(type, "paused", "opinion.default", "opinion.default", beijing(2, 13, 10));
        deadlines.pause(type, "paused", beijing(3, 6, 9));

        scanner.scan(beijing(3, 9, 18)); // Mon 9 Mar, before the window opens
        assertThat(approaching(type)).isEmpty();
        assertThat(missed(type)).isEmpty();

        scanner.scan(beijing(3, 10, 0)); // Tue 10 Mar, midnight: inside the window
        assertThat(approaching(type)).containsExactly(new DeadlineApproaching(type, "a", endOf(3, 12)));
        scanner.scan(beijing(3, 10, 9));
        scanner.scan(beijing(3, 12, 23)); // the last evening: still only the one warning, no miss
        assertThat(approaching(type)).hasSize(1);
        assertThat(missed(type)).isEmpty();

        scanner.scan(beijing(3, 13, 0)); // Fri 13 Mar: missed
        assertThat(missed(type)).containsExactly(new DeadlineMissed(type, "a", endOf(3, 12)));
        scanner.scan(beijing(3, 13, 1));
        scanner.scan(beijing(4, 30, 9));
        assertThat(missed(type)).hasSize(1);
        assertThat(approaching(type)).hasSize(1);
        assertThat(approaching(type)).noneMatch(e -> !e.subjectId().equals("a"));

        // both announcements are in the audit trail, under the subject
        assertThat(jdbc.sql("select action from audit_entry where subject_type = :t and action in "
                        + "('deadline.approaching', 'deadline.missed') order by id")
                .param("t", type).query(String.class).list())
                .containsExactly("deadline.approaching", "deadline.missed");
    }

    @Test
    void aClockFoundAlreadyPastDueIsMissedWithoutALateWarning() {
        String type = "scan" + System.nanoTime();
        deadlines.start(type, "late", "opinion.default", "opinion.default", beijing(2, 13, 10)); // due Thu 12 Mar
        scanner.scan(beijing(3, 20, 9));
        assertThat(missed(type)).containsExactly(new DeadlineMissed(type, "late", endOf(3, 12)));
        assertThat(approaching(type)).isEmpty();
        scanner.scan(beijing(3, 21, 9));
        assertThat(missed(type)).hasSize(1);
        assertThat(approaching(type)).isEmpty();
    }

    @Test
    void anExtensionAfterAMissGivesTheNewDeadlineItsOwnWarningAndMiss() {
        String type = "scan" + System.nanoTime();
        deadlines.start(type, "x", "opinion.default", "opinion.default", beijing(2, 13, 10)); // due Thu 12 Mar
        scanner.scan(beijing(3, 10, 9));
        scanner.scan(beijing(3, 13, 9));
        assertThat(approaching(type)).hasSize(1);
        assertThat(missed(type)).hasSize(1);

        // extension approved on Fri 13 Mar: Thu 12 + 5 working days = Fri 13, Mon 16, Tue 17, Wed 18, Thu 19 Mar;
        // its window (Tue 17, Wed 18, Thu 19) opens at the end of Mon 16
        deadlines.extend(type, "x", 5, beijing(3, 13, 10));
        scanner.scan(beijing(3, 16, 9));
        assertThat(approaching(type)).hasSize(1);
        scanner.scan(beijing(3, 17, 9));
        assertThat(approaching(type)).containsExactly(new DeadlineApproaching(type, "x", endOf(3, 12)),
                new DeadlineApproaching(type, "x", endOf(3, 19)));
        scanner.scan(beijing(3, 20, 9));
        assertThat(missed(type)).containsExactly(new DeadlineMissed(type, "x", endOf(3, 12)),
                new DeadlineMissed(type, "x", endOf(3, 19)));
        scanner.scan(beijing(3, 23, 9));
        assertThat(missed(type)).hasSize(2);
    }

    @Test
    void aResumedClockIsAnnouncedAgainstItsPushedDueTime() {
        String type = "scan" + System.nanoTime();
        deadlines.start(type, "p", "opinion.default", "opinion.default", beijing(2, 13, 10)); // due Thu 12 Mar
        deadlines.pause(type, "p", beijing(3, 2, 9));
        scanner.scan(beijing(3, 13, 9)); // paused: nothing, although Thu 12 has passed
        assertThat(missed(type)).isEmpty();
        // resumed Mon 16 Mar: paused after Mon 2 up to Mon 16 = Tue 3 … Fri 6 (4), Mon 9 … Fri 13 (9), Mon 16 (10);
        // Thu 12 + 10 working days = Fri 13, Mon 16 … Fri 20, Mon 23 … Thu 26 Mar
        ClockView resumed = deadlines.resume(type, "p", beijing(3, 16, 9));
        assertThat(resumed.dueAt()).isEqualTo(endOf(3, 26));
        scanner.scan(beijing(3, 24, 9)); // Tue 24: Tue, Wed, Thu left: inside the window
        assertThat(approaching(type)).containsExactly(new DeadlineApproaching(type, "p", endOf(3, 26)));
        scanner.scan(beijing(3, 27, 9));
        assertThat(missed(type)).containsExactly(new DeadlineMissed(type, "p", endOf(3, 26)));
    }
}
