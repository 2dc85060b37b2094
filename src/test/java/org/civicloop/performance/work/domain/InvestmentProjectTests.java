package org.civicloop.performance.work.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.civicloop.performance.work.WorkEvents.ProjectMoved;
import org.civicloop.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The investment project's state machine (招、落、服), in memory, times passed in. */
class InvestmentProjectTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-06-10T02:00:00Z");
    static final BigDecimal VALUE = new BigDecimal("50000");

    static InvestmentProject at(ProjectStage stage) {
        InvestmentProject p = InvestmentProject.open(7, "贵州数联科技有限公司", "BIG_DATA", NOW);
        for (ProjectStage s : ProjectStage.values()) {
            if (p.stage() == stage || !s.onLine()) {
                break;
            }
            if (s.ordinal() > p.stage().ordinal()) {
                p.advance(s, VALUE, null, "invest", NOW, ZONE);
            }
        }
        assertThat(p.stage()).isEqualTo(stage);
        return p;
    }

    @Test
    void walksTheWholeLineOneStepAtATimeAndRecordsTheSigning() {
        InvestmentProject p = at(ProjectStage.IN_OPERATION);
        assertThat(p.contractValue()).isEqualByComparingTo("50000");
        assertThat(p.signedOn()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(p.takeNewMoves()).hasSize(8);
    }

    @Test
    void aMoveReturnsThePastTenseEventWithFromAndTo() {
        InvestmentProject p = at(ProjectStage.SIGNED);
        ProjectMoved moved = p.advance(ProjectStage.REGISTERED, null, "公司已注册", "invest", NOW, ZONE);
        assertThat(moved.itemId()).isEqualTo(7);
        assertThat(moved.change().from()).isEqualTo("SIGNED");
        assertThat(moved.change().to()).isEqualTo("REGISTERED");
        assertThat(moved.before()).containsEntry("status", "SIGNED");
        assertThat(moved.after()).containsEntry("status", "REGISTERED").containsEntry("note", "公司已注册");
    }

    @Test
    void refusesSkippingAStageAndGoingBack() {
        InvestmentProject p = at(ProjectStage.SIGNED);
        assertThatThrownBy(() -> p.advance(ProjectStage.STARTED, null, null, "invest", NOW, ZONE))
                .isInstanceOf(BusinessException.class).extracting(e -> ((BusinessException) e).messageKey())
                .isEqualTo("performance.work.error.move");
        assertThatThrownBy(() -> p.advance(ProjectStage.NEGOTIATING, null, null, "invest", NOW, ZONE))
                .isInstanceOf(BusinessException.class);
        assertThat(p.stage()).isEqualTo(ProjectStage.SIGNED);
        assertThat(p.takeNewMoves()).hasSize(2); // only the walk to SIGNED
    }

    @Test
    void signingNeedsAPositiveContractValue() {
        InvestmentProject p = at(ProjectStage.NEGOTIATING);
        for (BigDecimal bad : new BigDecimal[] {null, BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("1.234")}) {
            assertThatThrownBy(() -> p.advance(ProjectStage.SIGNED, bad, null, "invest", NOW, ZONE))
                    .isInstanceOf(BusinessException.class).extracting(e -> ((BusinessException) e).messageKey())
                    .isEqualTo("performance.work.error.contractValue");
        }
        assertThat(p.stage()).isEqualTo(ProjectStage.NEGOTIATING);
        assertThat(p.signedOn()).isNull();
    }

    @Test
    void pausedResumesOnlyToTheStageItWasPausedAt() {
        InvestmentProject p = at(ProjectStage.PREPARING);
        p.pause("用地指标未落实", "invest", NOW);
        assertThat(p.stage()).isEqualTo(ProjectStage.ON_HOLD);
        assertThat(p.pausedFrom()).isEqualTo(ProjectStage.PREPARING);
        assertThat(p.offeredMoves()).containsExactlyInAnyOrder(ProjectStage.PREPARING, ProjectStage.TERMINATED);
        assertThatThrownBy(() -> p.moveTo(ProjectStage.STARTED, null, null, "invest", NOW, ZONE)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> p.advance(ProjectStage.STARTED, null, null, "invest", NOW, ZONE)).isInstanceOf(BusinessException.class);
        p.moveTo(ProjectStage.PREPARING, null, "已落实", "invest", NOW, ZONE);
        assertThat(p.stage()).isEqualTo(ProjectStage.PREPARING);
        assertThat(p.pausedFrom()).isNull();
        p.advance(ProjectStage.STARTED, null, null, "invest", NOW, ZONE);
        assertThat(p.stage()).isEqualTo(ProjectStage.STARTED);
    }

    @Test
    void pausingAndTerminatingNeedAReason() {
        InvestmentProject p = at(ProjectStage.SIGNED);
        assertThatThrownBy(() -> p.pause(" ", "invest", NOW)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> p.terminate(null, "invest", NOW)).isInstanceOf(BusinessException.class);
        assertThat(p.stage()).isEqualTo(ProjectStage.SIGNED);
    }

    @Test
    void aPausedProjectCanBeTerminatedAndATerminatedOneNeverMovesAgain() {
        InvestmentProject p = at(ProjectStage.STARTED);
        p.pause("资金链紧张", "invest", NOW);
        p.terminate("企业撤资", "invest", NOW);
        assertThat(p.stage()).isEqualTo(ProjectStage.TERMINATED);
        assertThat(p.offeredMoves()).isEmpty();
        for (ProjectStage s : ProjectStage.values()) {
            assertThatThrownBy(() -> p.moveTo(s, VALUE, "x", "invest", NOW, ZONE)).isInstanceOf(BusinessException.class);
        }
        assertThatThrownBy(() -> p.resume(null, "invest", NOW)).isInstanceOf(BusinessException.class);
    }

    @Test
    void inOperationIsFinal() {
        InvestmentProject p = at(ProjectStage.IN_OPERATION);
        assertThat(ProjectStage.IN_OPERATION.next()).isEmpty();
        assertThatThrownBy(() -> p.pause("x", "invest", NOW)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> p.terminate("x", "invest", NOW)).isInstanceOf(BusinessException.class);
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStage.class, names = {"CLUE", "NEGOTIATING", "SIGNED", "REGISTERED", "PREPARING", "STARTED", "BUILDING", "COMPLETED"})
    void everyStageBeforeOperationMayGoOneForwardPauseOrTerminateAndNothingElse(ProjectStage stage) {
        ProjectStage forward = ProjectStage.values()[stage.ordinal() + 1];
        for (ProjectStage to : ProjectStage.values()) {
            boolean allowed = to == forward || to == ProjectStage.ON_HOLD || to == ProjectStage.TERMINATED;
            assertThat(stage.canTransitionTo(to)).as(stage + " -> " + to).isEqualTo(allowed);
        }
    }

    @Test
    void fundsOnlyForASignedProjectOnADayBetweenSigningAndToday() {
        InvestmentProject unsigned = at(ProjectStage.NEGOTIATING);
        assertThatThrownBy(() -> unsigned.recordFunds(LocalDate.of(2026, 6, 1), VALUE, null, "invest", NOW, ZONE))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("performance.work.error.notSigned");
        InvestmentProject p = at(ProjectStage.STARTED);
        assertThatThrownBy(() -> p.recordFunds(LocalDate.of(2026, 6, 11), VALUE, null, "invest", NOW, ZONE))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("performance.work.error.receivedOn");
        assertThatThrownBy(() -> p.recordFunds(LocalDate.of(2026, 6, 9), VALUE, null, "invest", NOW, ZONE))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("performance.work.error.receivedOn");
        assertThatThrownBy(() -> p.recordFunds(LocalDate.of(2026, 6, 10), BigDecimal.ZERO, null, "invest", NOW, ZONE))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("performance.work.error.amount");
        var e = p.recordFunds(LocalDate.of(2026, 6, 10), new BigDecimal("1200.5"), "首期", "invest", NOW, ZONE);
        assertThat(e.amount()).isEqualByComparingTo("1200.50");
        assertThat(p.takeNewFunds()).hasSize(1);
    }
}
