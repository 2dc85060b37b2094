package org.civicloop.suggestions.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionClosed;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionFollowUpReported;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionRecorded;
import org.civicloop.suggestions.supervision.domain.Resolution.ResolutionDraft;
import org.junit.jupiter.api.Test;

/** A resolution's life in memory: what recording checks, follow-up reports, closing, and what a closed one refuses. */
class ResolutionTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant beijing(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, SHANGHAI).toInstant();
    }

    private static ResolutionDraft draft(LocalDate adopted, LocalDate due, List<Long> suggestions, List<Long> units) {
        return new ResolutionDraft(" 常决〔2026〕3号 ", "关于农村饮水安全的决议", adopted, "决议全文", suggestions, "半年内报告落实情况",
                due, units, null);
    }

    private static Resolution recorded() {
        Resolution r = Resolution.record(draft(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 6, 30),
                Arrays.asList(5L, null, 4L, 5L), Arrays.asList(9L, 8L, 9L)), "office", beijing(1, 10, 9));
        r.assignId(21);
        return r;
    }

    @Test
    void recordingDropsRepeatsAndBlanksAndKeepsTheOrderGiven() {
        Resolution r = recorded();
        assertThat(r.number()).isEqualTo("常决〔2026〕3号");
        assertThat(r.status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(r.suggestionIds()).containsExactly(5L, 4L);
        assertThat(r.unitIds()).containsExactly(9L, 8L);
        ResolutionRecorded e = r.recorded();
        assertThat(e.subjectType()).isEqualTo("resolution");
        assertThat(e.subjectId()).isEqualTo("21");
        assertThat(e.action()).isEqualTo("supervision.resolutionRecorded");
        assertThat(e.after()).isEqualTo(Map.of("number", "常决〔2026〕3号", "adoptedOn", "2026-01-10", "dueOn", "2026-06-30",
                "suggestionIds", List.of(5L, 4L), "unitIds", List.of(9L, 8L)));
    }

    @Test
    void recordingRefusesADueDayNotAfterAdoptionButTakesNoSuggestion() {
        assertThatThrownBy(() -> Resolution.record(draft(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 10), List.of(1L),
                List.of(2L)), "office", Instant.EPOCH))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("supervision.error.dueBeforeAdopted"));
        // a matter the people raised (a hot spot) that no suggestion covers yet: units follow it up
        Resolution topic = Resolution.record(draft(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 10),
                Arrays.asList((Long) null), List.of(2L)), "office", Instant.EPOCH);
        assertThat(topic.suggestionIds()).isEmpty();
        assertThat(topic.unitIds()).containsExactly(2L);
        assertThatThrownBy(() -> Resolution.record(draft(null, LocalDate.of(2026, 2, 10), List.of(1L), List.of(2L)), "office",
                Instant.EPOCH))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("supervision.error.dateRequired"));
    }

    @Test
    void aNamedUnitReportsOnTimeUntilTheDueDayAndLateAfter() {
        Resolution r = recorded();
        Resolution.Report onTime = r.reportFollowUp(9, " 已完成管网改造 ", "unit9", beijing(6, 30, 22), SHANGHAI);
        Resolution.Report late = r.reportFollowUp(8, "补报", "unit8", beijing(7, 1, 7), SHANGHAI);
        assertThat(onTime.late()).isFalse();
        assertThat(onTime.text()).isEqualTo("已完成管网改造");
        assertThat(late.late()).isTrue();
        assertThat(r.takeNewReports()).containsExactly(onTime, late);
        late.assignId(77);
        ResolutionFollowUpReported e = r.followUpReported(late);
        assertThat(e.action()).isEqualTo("supervision.resolutionFollowUpReported");
        assertThat(e.after()).isEqualTo(Map.of("reportId", 77L, "unitId", 8L, "late", true));
    }

    @Test
    void aUnitTheResolutionDoesNotNameCannotReport() {
        Resolution r = recorded();
        assertThat(r.names(8L)).isTrue();
        assertThat(r.names(3L)).isFalse();
        assertThat(r.names(null)).isFalse();
        assertThatThrownBy(() -> r.reportFollowUp(3, "报告", "unit3", beijing(2, 1, 9), SHANGHAI))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("supervision.error.notNamed"));
        assertThat(r.newReports()).isEmpty();
    }

    @Test
    void closingAuditsOpenToClosedAndAClosedOneRefusesReportsAndASecondClose() {
        Resolution r = recorded();
        ResolutionClosed e = r.close("", "office", beijing(7, 2, 9));
        assertThat(e.before()).isEqualTo(Map.of("status", "OPEN"));
        assertThat(e.after()).isEqualTo(Map.of("status", "CLOSED"));
        assertThat(e.action()).isEqualTo("supervision.resolutionClosed");
        assertThat(r.status()).isEqualTo(FollowUpStatus.CLOSED);
        assertThat(r.closeNote()).isNull();
        assertThat(r.closedBy()).isEqualTo("office");
        assertThatThrownBy(() -> r.reportFollowUp(9, "报告", "unit9", beijing(7, 3, 9), SHANGHAI))
                .isInstanceOfSatisfying(BusinessException.class, x -> assertThat(x.messageKey()).isEqualTo("supervision.error.closed"));
        assertThatThrownBy(() -> r.close("again", "office", beijing(7, 3, 9)))
                .isInstanceOfSatisfying(BusinessException.class, x -> assertThat(x.messageKey()).isEqualTo("supervision.error.closed"));
    }
}
