package org.civicloop.performance.work.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicloop.performance.work.domain.WorkRag.MilestoneTimes;
import org.civicloop.shared.Rag;
import org.junit.jupiter.api.Test;

/** The red/yellow/green rule of tracked work, with every time passed in. */
class WorkRagTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-06-10T02:00:00Z");
    static final Instant CREATED_LAST_YEAR = Instant.parse("2025-12-01T02:00:00Z");
    static final Set<YearMonth> MAY_REPORTED = Set.of(YearMonth.of(2026, 5));

    static MilestoneTimes due(String dueAt, String warnAt, String doneAt) {
        return new MilestoneTimes(Instant.parse(dueAt), warnAt == null ? null : Instant.parse(warnAt),
                doneAt == null ? null : Instant.parse(doneAt));
    }

    static final MilestoneTimes FAR = due("2026-09-30T15:59:59Z", "2026-09-23T16:00:00Z", null);
    static final MilestoneTimes IN_WINDOW = due("2026-06-12T15:59:59Z", "2026-06-05T16:00:00Z", null);
    static final MilestoneTimes OVERDUE = due("2026-06-09T15:59:59Z", "2026-06-02T16:00:00Z", null);

    @Test
    void greenWhenNothingIsLateOrNearAndLastMonthWasReported() {
        assertThat(WorkRag.of(List.of(FAR), CREATED_LAST_YEAR, MAY_REPORTED, NOW, ZONE)).isEqualTo(Rag.GREEN);
        assertThat(WorkRag.of(List.of(), CREATED_LAST_YEAR, MAY_REPORTED, NOW, ZONE)).isEqualTo(Rag.GREEN);
    }

    @Test
    void yellowWhenAMilestoneIsInsideItsWarningWindow() {
        assertThat(WorkRag.of(List.of(FAR, IN_WINDOW), CREATED_LAST_YEAR, MAY_REPORTED, NOW, ZONE)).isEqualTo(Rag.YELLOW);
        // the warning opens exactly at warnAt
        Instant atWarn = IN_WINDOW.warnAt();
        assertThat(WorkRag.of(List.of(IN_WINDOW), CREATED_LAST_YEAR, MAY_REPORTED, atWarn, ZONE)).isEqualTo(Rag.YELLOW);
        assertThat(WorkRag.of(List.of(IN_WINDOW), CREATED_LAST_YEAR, Set.of(YearMonth.of(2026, 5)), atWarn.minusNanos(1000), ZONE))
                .isEqualTo(Rag.GREEN);
    }

    @Test
    void yellowWhenLastMonthsReportIsMissingButOnlyForAnItemThatExistedThen() {
        assertThat(WorkRag.of(List.of(FAR), CREATED_LAST_YEAR, Set.of(YearMonth.of(2026, 4)), NOW, ZONE)).isEqualTo(Rag.YELLOW);
        Instant createdThisMonth = Instant.parse("2026-06-01T01:00:00Z");
        assertThat(WorkRag.of(List.of(FAR), createdThisMonth, Set.of(), NOW, ZONE)).isEqualTo(Rag.GREEN);
        // 1 June 00:30 in Beijing is still 31 May in UTC: months are counted in the district's zone
        Instant firstOfJuneBeijing = Instant.parse("2026-05-31T16:30:00Z");
        assertThat(WorkRag.reportMissing(firstOfJuneBeijing, Set.of(), NOW, ZONE)).isFalse();
    }

    @Test
    void redWhenAMilestoneNotReachedIsPastItsDueTimeWhateverElse() {
        assertThat(WorkRag.of(List.of(FAR, OVERDUE), CREATED_LAST_YEAR, MAY_REPORTED, NOW, ZONE)).isEqualTo(Rag.RED);
        assertThat(WorkRag.of(List.of(IN_WINDOW, OVERDUE), CREATED_LAST_YEAR, Set.of(), NOW, ZONE)).isEqualTo(Rag.RED);
        // the due time itself is still on time
        assertThat(WorkRag.of(List.of(OVERDUE), CREATED_LAST_YEAR, MAY_REPORTED, OVERDUE.dueAt(), ZONE)).isEqualTo(Rag.YELLOW);
    }

    @Test
    void aReachedMilestoneNeverColoursTheItem() {
        MilestoneTimes reachedLate = due("2026-06-09T15:59:59Z", "2026-06-02T16:00:00Z", "2026-06-10T01:00:00Z");
        MilestoneTimes reachedEarly = due("2026-06-12T15:59:59Z", "2026-06-05T16:00:00Z", "2026-06-08T01:00:00Z");
        assertThat(WorkRag.of(List.of(reachedLate, reachedEarly, FAR), CREATED_LAST_YEAR, MAY_REPORTED, NOW, ZONE))
                .isEqualTo(Rag.GREEN);
    }
}
