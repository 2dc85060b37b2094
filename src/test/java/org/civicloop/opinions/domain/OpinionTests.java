package org.civicloop.opinions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.civicloop.opinions.OpinionEvents.OpinionAccepted;
import org.civicloop.opinions.OpinionEvents.OpinionAnswered;
import org.civicloop.opinions.OpinionEvents.OpinionClosedUnrated;
import org.civicloop.opinions.OpinionEvents.OpinionEvent;
import org.civicloop.opinions.OpinionEvents.OpinionMerged;
import org.civicloop.opinions.OpinionEvents.OpinionMovedToSuggestion;
import org.civicloop.opinions.OpinionEvents.OpinionRated;
import org.civicloop.opinions.OpinionEvents.OpinionRejected;
import org.civicloop.opinions.OpinionEvents.OpinionReopened;
import org.civicloop.opinions.OpinionEvents.OpinionSubmitted;
import org.civicloop.opinions.OpinionEvents.OpinionSuggestionClosed;
import org.civicloop.opinions.OpinionEvents.OpinionSuggestionLinked;
import org.civicloop.opinions.OpinionEvents.OpinionSuggestionRefused;
import org.civicloop.opinions.OpinionEvents.OpinionUnmerged;
import org.civicloop.opinions.OpinionEvents.WorkOrderAssigned;
import org.civicloop.opinions.OpinionEvents.WorkOrderEvent;
import org.civicloop.opinions.OpinionEvents.WorkOrderExtensionApproved;
import org.civicloop.opinions.OpinionEvents.WorkOrderReplied;
import org.civicloop.opinions.OpinionEvents.WorkOrderReturnDeclined;
import org.civicloop.opinions.OpinionEvents.WorkOrderSigned;
import org.civicloop.opinions.OpinionId;
import org.civicloop.organization.UnitId;
import org.civicloop.shared.BusinessException;
import org.junit.jupiter.api.Test;

/**
 * An opinion's and a work order's moves in memory, no Spring and no database: the status each move
 * reaches, the moves it refuses, the time it takes from the caller, and the event it returns with
 * what the audit records of it.
 */
class OpinionTests {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-03T02:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-09T03:00:00Z");

    @Test
    void aSubmittedOpinionIsAuditedAsACreationWithoutTheVotersContact() {
        Opinion o = saved(Opinion.submit("K7Q2-M4XP", SubmitOpinion.of(Channel.ONLINE).category("URBAN")
                .content("路灯坏了三个月没人修").place("520111103201", null).voter("张三", "13800138000", null)
                .consent(true).build(), "520111", T0), 42);

        OpinionSubmitted e = o.submitted();

        assertThat(o.status()).isEqualTo(OpinionStatus.SUBMITTED);
        assertThat(o.submittedAt()).isEqualTo(T0);
        assertThat(e.opinion()).isEqualTo(new OpinionId(42));
        assertThat(e.subjectType()).isEqualTo("opinion");
        assertThat(e.subjectId()).isEqualTo("42");
        assertThat(e.action()).isEqualTo("opinion.submitted");
        assertThat(e.before()).isEmpty();
        assertThat(e.after()).isEqualTo(Map.of("channel", "ONLINE", "category", "URBAN", "placeCode", "520111103201",
                "status", "SUBMITTED", "receiptCode", "K7Q2-M4XP"));
        assertThat(e.after().toString()).doesNotContain("13800138000", "张三");
    }

    @Test
    void acceptedThenAnsweredWaitsForTheRatingAtTheGivenTime() {
        Opinion o = opinion(OpinionStatus.SUBMITTED);

        OpinionAccepted accepted = o.accept(T1);
        OpinionAnswered answered = o.answerDirectly("已修复", "人大办", T2);

        assertThat(o.status()).isEqualTo(OpinionStatus.REPLIED);
        assertThat(o.reply()).isEqualTo("已修复");
        assertThat(o.repliedAt()).isEqualTo(T2);
        assertThat(o.updatedAt()).isEqualTo(T2);
        assertThat(accepted.action()).isEqualTo("opinion.accepted");
        assertThat(accepted.before()).isEqualTo(Map.of("status", "SUBMITTED"));
        assertThat(accepted.after()).isEqualTo(Map.of("status", "ACCEPTED", "receiptCode", "K7Q2-M4XP"));
        assertThat(answered.action()).isEqualTo("opinion.answered");
        assertThat(answered.before()).isEqualTo(Map.of("status", "ACCEPTED"));
        assertThat(answered.after()).isEqualTo(Map.of("by", "人大办", "status", "REPLIED", "receiptCode", "K7Q2-M4XP"));
    }

    @Test
    void aRejectionClosesTheOpinionWithItsReason() {
        Opinion o = opinion(OpinionStatus.SUBMITTED);

        OpinionRejected e = o.reject("NOT_OUR_MATTER", "转12345", T1);

        assertThat(o.status()).isEqualTo(OpinionStatus.REJECTED);
        assertThat(o.closedAt()).isEqualTo(T1);
        assertThat(e.action()).isEqualTo("opinion.rejected");
        assertThat(e.after()).isEqualTo(Map.of("reason", "NOT_OUR_MATTER", "status", "REJECTED", "receiptCode", "K7Q2-M4XP"));
    }

    @Test
    void aMoveTheStatusDoesNotAllowIsRefusedAndChangesNothing() {
        Opinion o = opinion(OpinionStatus.SUBMITTED);
        o.reject("NOT_OUR_MATTER", null, T1);

        assertThatThrownBy(() -> o.accept(T2)).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "opinion.error.transition");
        assertThatThrownBy(() -> o.rate(Rating.SATISFIED, 1, false, T2)).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "opinion.error.notAwaitingRating");
        assertThat(o.status()).isEqualTo(OpinionStatus.REJECTED);
        assertThat(o.updatedAt()).isEqualTo(T1);
        assertThat(o.rating()).isNull();
    }

    @Test
    void aDuplicateIsMergedAndUnmergedButNeverIntoItself() {
        Opinion o = opinion(OpinionStatus.SUBMITTED);
        Opinion target = saved(opinion(OpinionStatus.ACCEPTED), 7);

        assertThatThrownBy(() -> o.mergeInto(o, T1)).isInstanceOf(BusinessException.class);
        OpinionMerged merged = o.mergeInto(target, T1);
        assertThat(o.status()).isEqualTo(OpinionStatus.MERGED);
        assertThat(o.duplicateOf()).isEqualTo(7L);
        assertThat(merged.after()).containsEntry("duplicateOf", 7L);

        OpinionUnmerged unmerged = o.unmerge(T2);
        assertThat(o.status()).isEqualTo(OpinionStatus.SUBMITTED);
        assertThat(o.duplicateOf()).isNull();
        assertThat(unmerged.action()).isEqualTo("opinion.unmerged");
        assertThat(unmerged.before()).isEqualTo(Map.of("status", "MERGED"));
        assertThat(unmerged.after()).containsEntry("wasDuplicateOf", 7L).containsEntry("status", "SUBMITTED");
    }

    @Test
    void dissatisfactionReopensWhileReopensAreLeftThenTheRatingCloses() {
        Opinion o = opinion(OpinionStatus.ACCEPTED);
        o.forwarded(30, T0);
        o.repliedByUnit("已安排维修", "住建局", T1);

        OpinionEvent reopened = o.rate(Rating.DISSATISFIED, 1, true, T2);

        assertThat(reopened).isInstanceOf(OpinionReopened.class);
        assertThat(o.status()).isEqualTo(OpinionStatus.HANDLING);
        assertThat(o.reopenCount()).isEqualTo(1);
        assertThat(o.reply()).isNull();
        assertThat(o.repliedAt()).isNull();
        assertThat(reopened.action()).isEqualTo("opinion.reopened");
        assertThat(reopened.after()).isEqualTo(Map.of("rating", "DISSATISFIED", "reopenCount", 1, "status", "HANDLING",
                "receiptCode", "K7Q2-M4XP"));

        o.repliedByUnit("已修复", "住建局", T2);
        OpinionEvent rated = o.rate(Rating.DISSATISFIED, 1, true, T2.plusSeconds(60));

        assertThat(rated).isInstanceOf(OpinionRated.class);
        assertThat(o.status()).isEqualTo(OpinionStatus.CLOSED);
        assertThat(o.rating()).isEqualTo(Rating.DISSATISFIED);
        assertThat(o.ratedAt()).isEqualTo(T2.plusSeconds(60));
        assertThat(o.closedAt()).isEqualTo(T2.plusSeconds(60));
        assertThat(rated.action()).isEqualTo("opinion.rated");
    }

    @Test
    void withoutAUnitADissatisfiedVoterSendsItBackToRouting() {
        Opinion o = opinion(OpinionStatus.ACCEPTED);
        o.answerDirectly("已答复", "人大办", T1);

        assertThat(o.rate(Rating.DISSATISFIED, 1, false, T2)).isInstanceOf(OpinionReopened.class);
        assertThat(o.status()).isEqualTo(OpinionStatus.ACCEPTED);
    }

    @Test
    void anUnratedReplyClosesAsNotRated() {
        Opinion o = opinion(OpinionStatus.ACCEPTED);
        o.answerDirectly("已答复", "人大办", T1);

        OpinionClosedUnrated e = o.closeUnrated(T2);

        assertThat(o.status()).isEqualTo(OpinionStatus.CLOSED);
        assertThat(o.rating()).isEqualTo(Rating.NOT_RATED);
        assertThat(o.closedAt()).isEqualTo(T2);
        assertThat(e.action()).isEqualTo("opinion.closedUnrated");
        assertThat(e.before()).isEqualTo(Map.of("status", "REPLIED"));
    }

    @Test
    void anOpinionFollowsTheSuggestionItWasFoldedInto() {
        Opinion o = opinion(OpinionStatus.ACCEPTED);

        OpinionMovedToSuggestion moved = o.toSuggestion(T0);
        OpinionSuggestionLinked linked = o.linkSuggestion(9);
        assertThat(moved.action()).isEqualTo("opinion.toSuggestion");
        assertThat(o.suggestionId()).isEqualTo(9L);
        assertThat(linked.action()).isEqualTo("opinion.suggestionLinked");
        assertThat(linked.before()).isEqualTo(Map.of("status", "IN_SUGGESTION"));
        assertThat(linked.after()).isEqualTo(Map.of("suggestionId", 9L, "status", "IN_SUGGESTION", "receiptCode", "K7Q2-M4XP"));

        OpinionSuggestionRefused refused = o.suggestionRefused(9, T1);
        assertThat(o.status()).isEqualTo(OpinionStatus.ACCEPTED);
        assertThat(o.suggestionId()).isNull();
        assertThat(refused.action()).isEqualTo("opinion.suggestionRefused");

        o.toSuggestion(T1);
        o.linkSuggestion(11);
        OpinionSuggestionClosed closed = o.suggestionClosed(11, T2);
        assertThat(o.status()).isEqualTo(OpinionStatus.CLOSED);
        assertThat(o.closedAt()).isEqualTo(T2);
        assertThat(closed.after()).containsEntry("suggestionId", 11L).containsEntry("status", "CLOSED");
    }

    /** Each state a suggestion cannot take an opinion up in names its own one reason, never a list of maybes. */
    @Test
    void aSuggestionTakesUpOnlyAnAcceptedOpinionAndOtherwiseSaysTheOneReasonWhyNot() {
        Map<OpinionStatus, String> expected = new java.util.EnumMap<>(OpinionStatus.class);
        expected.put(OpinionStatus.SUBMITTED, "opinion.error.link.notAccepted");
        expected.put(OpinionStatus.MERGED, "opinion.error.link.merged");
        expected.put(OpinionStatus.REJECTED, "opinion.error.link.rejected");
        expected.put(OpinionStatus.HANDLING, "opinion.error.link.handling");
        expected.put(OpinionStatus.REPLIED, "opinion.error.link.replied");
        expected.put(OpinionStatus.CLOSED, "opinion.error.link.closed");
        for (OpinionStatus st : OpinionStatus.values()) {
            Opinion o = opinion(st);
            assertThat(o.linkRefusal(null).orElse(null)).as(st.name()).isEqualTo(expected.get(st));
            if (expected.containsKey(st)) {
                assertThatThrownBy(() -> o.linkSuggestion(9)).as(st.name()).isInstanceOf(BusinessException.class)
                        .extracting("messageKey", "arguments").containsExactly(expected.get(st), new Object[] {"K7Q2-M4XP"});
                assertThat(o.suggestionId()).isNull();
            }
        }
        Opinion taken = opinion(OpinionStatus.ACCEPTED);
        taken.toSuggestion(T0);
        taken.linkSuggestion(9);
        assertThat(taken.linkRefusal(9L)).as("its own suggestion, edited").isEmpty();
        assertThat(taken.linkRefusal(10L)).contains("opinion.error.link.taken");
        assertThat(taken.linkRefusal(null)).contains("opinion.error.link.taken");
    }

    @Test
    void aWorkOrderIsSignedExtendedAndRepliedAtTheGivenTimes() {
        WorkOrder w = new WorkOrder(5L, 42L, 30L, 1, WorkOrderStatus.ASSIGNED, null, T0, "人大办", null, null, null, null,
                null, null, null, null);

        WorkOrderAssigned assigned = w.assigned();
        WorkOrderSigned signed = w.sign(T1);
        w.requestExtension(5, "需要预算");
        WorkOrderEvent extension = w.decideExtension(true);
        w.requestReturn("不属我单位");
        WorkOrderReturnDeclined declined = w.declineReturn();
        WorkOrderReplied replied = w.reply("已修复", T2);

        assertThat(w.status()).isEqualTo(WorkOrderStatus.REPLIED);
        assertThat(w.signedAt()).isEqualTo(T1);
        assertThat(w.closedAt()).isEqualTo(T2);
        assertThat(assigned.subjectType()).isEqualTo("work-order");
        assertThat(assigned.subjectId()).isEqualTo("5");
        assertThat(assigned.opinion()).isEqualTo(new OpinionId(42));
        assertThat(assigned.unit()).isEqualTo(new UnitId(30));
        assertThat(assigned.before()).isEmpty();
        assertThat(assigned.after()).isEqualTo(Map.of("round", 1, "status", "ASSIGNED", "opinionId", 42L, "unitId", 30L));
        assertThat(signed.action()).isEqualTo("workOrder.signed");
        assertThat(extension).isInstanceOf(WorkOrderExtensionApproved.class);
        assertThat(extension.action()).isEqualTo("workOrder.extensionApproved");
        assertThat(extension.after()).containsEntry("workingDays", 5);
        assertThat(declined.before()).isEqualTo(Map.of("status", "RETURN_REQUESTED"));
        assertThat(declined.after()).containsEntry("status", "SIGNED");
        assertThat(replied.action()).isEqualTo("workOrder.replied");
        assertThatThrownBy(() -> w.sign(T2)).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "workOrder.error.transition");
    }

    /** An opinion as stored, with id 42, in the given status. */
    private static Opinion opinion(OpinionStatus status) {
        return new Opinion(42L, "K7Q2-M4XP", Channel.ONLINE, null, null, "URBAN", "路灯坏了三个月没人修", "520111103201", null,
                "520111", null, null, null, null, status, null, null, null, null, null, null, null, null, null, 0, null, null,
                null, T0, T0, null, 0);
    }

    /** The same opinion once the repository gave it an id. */
    private static Opinion saved(Opinion o, long id) {
        return new Opinion(id, o.receiptCode(), o.channel(), o.addresseeKind(), o.addresseeId(), o.category(), o.content(),
                o.placeCode(), null, o.districtCode(), null, o.voterPhone(), o.voterEmail(), o.consented() ? T0 : null,
                o.status(), null, null, null, null, null, null, null, null, null, 0, null, null, null, o.submittedAt(), T0,
                null, 0);
    }
}
