package org.civicloop.services.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicloop.services.ServiceCaseEvents.PartTime;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCompleted;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseFailed;
import org.civicloop.services.ServiceCaseEvents.ServiceCasePartRejected;
import org.civicloop.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** The application's moves, in memory. */
class ServiceCaseTests {

    static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    static ServiceCase newCase() {
        ServiceCase c = ServiceCase.submit("YJS-20261207-0001", "enterprise-migration", 1,
                new ServiceCase.Applicant(Channel.ONLINE, 50L, "name", "13800000000", true), "k1", 50L,
                Map.of("tax-registered", "yes"), Map.of("company-name", "A"),
                List.of(new ServiceCase.PartPlan("registration", 7, "market", "item", 3, true),
                        new ServiceCase.PartPlan("tax", 8, "tax", "item", 3, true),
                        new ServiceCase.PartPlan("seal", 9, "police", "item", 1, false)), T0);
        c.assignId(1);
        return c;
    }

    @Test
    void acceptingStartsEveryPartAtTheSameMoment() {
        ServiceCase c = newCase();
        assertThat(c.submitted().change().to()).isEqualTo("SUBMITTED");
        c.accept(T0.plusSeconds(60));
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.parts()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(PartStatus.IN_REVIEW);
            assertThat(p.startedAt()).isEqualTo(T0.plusSeconds(60));
        });
    }

    @Test
    void windowCorrectionNeedsSomethingAndComesBackToTheWindow() {
        ServiceCase c = newCase();
        assertThatThrownBy(() -> c.requestCorrection(new Correction(null, List.of(), List.of(), " ", 2, T0), T0))
                .isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("messageKey", "services.window.error.nothingAsked");
        c.requestCorrection(new Correction(null, List.of("resolution"), List.of("new-address"), "", 2, T0), T0);
        assertThat(c.openCorrection()).isPresent();
        assertThatThrownBy(() -> c.accept(T0)).isInstanceOf(BusinessException.class);
        c.correct(Map.of("new-address", "B"), T0.plus(Duration.ofHours(5)));
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.values()).containsEntry("new-address", "B");
        assertThat(c.waited()).isEqualTo(Duration.ofHours(5));
        assertThat(c.openCorrection()).isEmpty();
    }

    @Test
    void refusalNeedsAReasonAndIsFinal() {
        ServiceCase c = newCase();
        assertThatThrownBy(() -> c.refuse(null, T0)).isInstanceOf(BusinessException.class);
        c.refuse(RefusalReason.NOT_ELIGIBLE, T0);
        assertThat(c.status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(c.parts()).allSatisfy(p -> assertThat(p.status()).isEqualTo(PartStatus.CANCELLED));
        assertThatThrownBy(() -> c.accept(T0)).isInstanceOf(BusinessException.class);
    }

    @Test
    void aReturnStopsEveryPartAndTheWaitCountsForEveryOpenPart() {
        ServiceCase c = newCase();
        c.accept(T0);
        c.approvePart("seal", null, T0.plus(Duration.ofHours(1)));
        c.returnPart("tax", new Correction("tax", List.of(), List.of("tax-authority"), "", 3, T0), T0.plus(Duration.ofHours(2)));
        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_APPLICANT);
        assertThatThrownBy(() -> c.approvePart("registration", null, T0.plus(Duration.ofHours(3))))
                .isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("messageKey", "services.approval.error.notRunning");
        c.correct(Map.of("tax-authority", "X"), T0.plus(Duration.ofHours(26)));
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.part("tax").orElseThrow().status()).isEqualTo(PartStatus.IN_REVIEW);
        assertThat(c.part("tax").orElseThrow().waited()).isEqualTo(Duration.ofHours(24));
        assertThat(c.part("registration").orElseThrow().waited()).isEqualTo(Duration.ofHours(24));
        assertThat(c.part("seal").orElseThrow().waited()).isZero();
        assertThat(c.waited()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void anOptionalRejectionLeavesTheApplicationAndResultsCarryEveryTime() {
        ServiceCase c = newCase();
        c.accept(T0);
        assertThatThrownBy(() -> c.rejectPart("seal", " ", T0)).isInstanceOf(BusinessException.class);
        var rejected = c.rejectPart("seal", "no seal shop licence", T0.plusSeconds(10));
        assertThat(rejected).singleElement().isInstanceOf(ServiceCasePartRejected.class);
        c.approvePart("registration", null, T0.plusSeconds(20));
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThatThrownBy(() -> c.issueResults(T0)).isInstanceOf(BusinessException.class);
        c.approvePart("tax", "ok", T0.plusSeconds(30));
        assertThat(c.status()).isEqualTo(CaseStatus.READY);
        ServiceCaseCompleted done = c.issueResults(T0.plusSeconds(40));
        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(done.submittedAt()).isEqualTo(T0);
        assertThat(done.acceptedAt()).isEqualTo(T0);
        assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(done.parts()).extracting(PartTime::partCode, PartTime::approved, PartTime::decidedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("registration", true, T0.plusSeconds(20)),
                org.assertj.core.groups.Tuple.tuple("tax", true, T0.plusSeconds(30)),
                org.assertj.core.groups.Tuple.tuple("seal", false, T0.plusSeconds(10)));
    }

    @Test
    void aRequiredRejectionFailsTheApplication() {
        ServiceCase c = newCase();
        c.accept(T0);
        var events = c.rejectPart("tax", "arrears", T0);
        assertThat(events).hasSize(2).last().isInstanceOf(ServiceCaseFailed.class);
        assertThat(c.status()).isEqualTo(CaseStatus.FAILED);
        assertThat(c.part("registration").orElseThrow().status()).isEqualTo(PartStatus.CANCELLED);
        assertThatThrownBy(() -> c.approvePart("registration", null, T0)).isInstanceOf(BusinessException.class);
    }

    @Test
    void ratingOnceAfterCompletionAndLowLevelsNeedAReason() {
        ServiceCase c = newCase();
        assertThatThrownBy(() -> c.rate(RatingLevel.SATISFIED, null, T0))
                .hasFieldOrPropertyWithValue("messageKey", "services.rating.error.notCompleted");
        c.accept(T0);
        c.parts().forEach(p -> c.approvePart(p.code(), null, T0));
        c.issueResults(T0);
        assertThatThrownBy(() -> c.rate(RatingLevel.DISSATISFIED, " ", T0))
                .hasFieldOrPropertyWithValue("messageKey", "services.rating.error.reasonRequired");
        assertThatThrownBy(() -> c.rate(null, null, T0)).isInstanceOf(BusinessException.class);
        c.rate(RatingLevel.VERY_DISSATISFIED, "slow", T0);
        assertThat(c.rating().level()).isEqualTo(RatingLevel.VERY_DISSATISFIED);
        assertThatThrownBy(() -> c.rate(RatingLevel.SATISFIED, null, T0))
                .hasFieldOrPropertyWithValue("messageKey", "services.rating.error.alreadyRated");
    }

    @Test
    void statusTablesAllowOnlyTheDocumentedMoves() {
        assertThat(CaseStatus.READY.canTransitionTo(CaseStatus.COMPLETED)).isTrue();
        assertThat(CaseStatus.SUBMITTED.canTransitionTo(CaseStatus.COMPLETED)).isFalse();
        for (CaseStatus s : CaseStatus.values()) {
            if (s.isFinal()) {
                for (CaseStatus n : CaseStatus.values()) {
                    assertThat(s.canTransitionTo(n)).isFalse();
                }
            }
        }
        assertThat(PartStatus.APPROVED.canTransitionTo(PartStatus.IN_REVIEW)).isFalse();
        assertThat(CasePart.ruleKey(3)).isEqualTo("services.part.3wd");
    }
}
