package org.civicloop.suggestions.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.poll.PollEvents.PollBallotCast;
import org.civicloop.suggestions.poll.PollEvents.PollClosed;
import org.civicloop.suggestions.poll.PollEvents.PollCreated;
import org.civicloop.suggestions.poll.PollEvents.PollOpened;
import org.civicloop.suggestions.poll.PollEvents.PollPublished;
import org.junit.jupiter.api.Test;

/** A poll's life in memory: draft, open, closed, published, and every move out of turn refused. */
class PollTests {

    private static final Instant T0 = Instant.parse("2026-03-01T01:00:00Z");

    private static Poll draft() {
        Poll p = Poll.create("2026年度承办单位满意度测评", Electorate.CHOSEN,
                List.of(new Poll.Unit(4, "区住建局"), new Poll.Unit(2, "区教育局")), 9, T0);
        p.assignId(31);
        return p;
    }

    private static void refused(Runnable move, String key) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.status()).isEqualTo(409);
        });
    }

    @Test
    void aNewPollIsADraftAndItsEventListsItsUnitsInOrder() {
        Poll p = draft();
        assertThat(p.status()).isEqualTo(PollStatus.DRAFT);
        PollCreated e = p.created(3);
        assertThat(e.action()).isEqualTo("poll.created");
        assertThat(e.subjectType()).isEqualTo("poll");
        assertThat(e.subjectId()).isEqualTo("31");
        assertThat(e.after()).isEqualTo(Map.of("title", "2026年度承办单位满意度测评", "electorate", "CHOSEN",
                "unitIds", List.of(4L, 2L), "chosenVoters", 3, "status", "DRAFT"));
    }

    @Test
    void openCloseAndPublishInTurnWithTheirTimesAndEvents() {
        Poll p = draft();
        PollOpened opened = p.open(12, T0.plusSeconds(60));
        assertThat(p.status()).isEqualTo(PollStatus.OPEN);
        assertThat(p.openedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(opened.before()).isEqualTo(Map.of("status", "DRAFT"));
        assertThat(opened.after()).isEqualTo(Map.of("status", "OPEN", "voters", 12));
        PollBallotCast ballot = p.acceptBallot();
        assertThat(ballot.after()).isEqualTo(Map.of("ballot", "cast"));

        PollClosed closed = p.close(7, 12, T0.plusSeconds(120));
        assertThat(p.status()).isEqualTo(PollStatus.CLOSED);
        assertThat(p.closedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(closed.before()).isEqualTo(Map.of("status", "OPEN"));
        assertThat(closed.after()).isEqualTo(Map.of("status", "CLOSED", "ballots", 7L, "voters", 12L));

        assertThat(p.published()).isFalse();
        PollPublished published = p.publish(T0.plusSeconds(180));
        assertThat(p.published()).isTrue();
        assertThat(p.publishedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(published.action()).isEqualTo("poll.published");
        assertThat(published.after()).isEqualTo(Map.of("published", true));
    }

    @Test
    void onlyADraftForAllDeputiesTakesTheDeputiesAsVotersWhenItOpens() {
        assertThat(draft().takesDeputiesOnOpen()).isFalse();
        Poll all = Poll.create("代表测评", Electorate.ALL_DEPUTIES, List.of(new Poll.Unit(4, "区住建局")), 9, T0);
        all.assignId(32);
        assertThat(all.takesDeputiesOnOpen()).isTrue();
        all.open(40, T0);
        assertThat(all.takesDeputiesOnOpen()).isFalse();
    }

    @Test
    void aPollWithNobodyToVoteDoesNotOpen() {
        Poll p = draft();
        refused(() -> p.open(0, T0), "poll.error.noVoters");
    }

    @Test
    void movesOutOfTurnAreRefusedWithTheirMessages() {
        Poll p = draft();
        refused(() -> p.close(0, 0, T0), "poll.error.transition.CLOSED");
        refused(() -> p.publish(T0), "poll.error.notPublishable");
        refused(p::acceptBallot, "poll.error.notOpen");
        assertThat(p.status()).isEqualTo(PollStatus.DRAFT);

        p.open(5, T0);
        refused(() -> p.open(5, T0), "poll.error.transition.OPEN");
        refused(() -> p.publish(T0), "poll.error.notPublishable");

        p.close(5, 5, T0);
        refused(() -> p.open(5, T0), "poll.error.transition.OPEN");
        refused(() -> p.close(5, 5, T0), "poll.error.transition.CLOSED");
        refused(p::acceptBallot, "poll.error.notOpen");

        p.publish(T0);
        refused(() -> p.publish(T0.plusSeconds(1)), "poll.error.notPublishable");
        assertThat(p.publishedAt()).isEqualTo(T0);
    }

    @Test
    void theStatusHoldsTheOnlyTwoMoves() {
        for (PollStatus from : PollStatus.values()) {
            for (PollStatus to : PollStatus.values()) {
                boolean allowed = from == PollStatus.DRAFT && to == PollStatus.OPEN || from == PollStatus.OPEN && to == PollStatus.CLOSED;
                assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(allowed);
            }
        }
    }
}
