package org.civicloop.campaigns.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** A campaign's whole life in memory: the moves, their order, their events, the time passed in. */
class CampaignTests {

    private static final LocalDate D = LocalDate.of(2026, 5, 1);
    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    private static CampaignDraft draft(int minPoints) {
        return new CampaignDraft("five-type", "criteria", "A\nB\nC", minPoints, 2026, D, D.plusDays(2), D.plusDays(3),
                D.plusDays(10), D.plusDays(11), D.plusDays(13));
    }

    private static Campaign saved(Campaign c) {
        c.assignId(7);
        return c;
    }

    private static void nominate(Campaign c, long deputyId, long nomineeId, LocalDate on) {
        Nominee n = c.nominate(deputyId, "A", "reason enough", "OFFICE", null, 1, on, NOW);
        c.nominated(new Nominee(nomineeId, n.deputyId(), n.group(), n.reason(), n.nominatedBy(), null, 1, NOW,
                n.eligibility(), null, false));
    }

    @Test
    void shouldRunFromNominationToAnnouncementWithAnEventForEveryMove() {
        Campaign c = saved(Campaign.create(draft(5), 1, NOW));
        nominate(c, 100, 1, D);
        nominate(c, 200, 2, D.plusDays(2));

        List<AuditableEvent> checked = c.closeNominations(Map.of(100L, 5, 200L, 4), NOW);
        assertThat(checked).extracting(AuditableEvent::action)
                .containsExactly("campaign.nominationsClosed", "campaign.nomineeChecked", "campaign.nomineeChecked");
        assertThat(c.nominees()).extracting(Nominee::eligibility).containsExactly(Nominee.ELIGIBLE, Nominee.INELIGIBLE);

        assertThat(c.openVoting(NOW).after()).containsEntry("status", "VOTING");
        assertThat(c.ballot(1, D.plusDays(3)).deputyId()).isEqualTo(100);
        assertThatThrownBy(() -> c.ballot(2, D.plusDays(3))).extracting("messageKey").isEqualTo("campaign.error.noSuchNominee");
        assertThatThrownBy(() -> c.ballot(1, D.plusDays(11))).extracting("messageKey").isEqualTo("campaign.error.votingClosed");
        assertThatThrownBy(() -> c.closeVoting(Set.of(2L), Map.of(), NOW)).isInstanceOf(InvalidInput.class);

        c.closeVoting(Set.of(1L), Map.of(1L, 3L), NOW);
        assertThat(c.status()).isEqualTo(CampaignStatus.PUBLICITY);
        assertThatThrownBy(() -> c.announce(D.plusDays(13), NOW)).extracting("messageKey")
                .isEqualTo("campaign.error.publicityRunning");
        assertThat(c.announce(D.plusDays(14), NOW).action()).isEqualTo("campaign.announced");
        assertThat(c.status()).isEqualTo(CampaignStatus.ANNOUNCED);
    }

    @Test
    void shouldRefuseNominationsOutsideTheirWindowTwiceOrInAnUnknownGroup() {
        Campaign c = saved(Campaign.create(draft(0), 1, NOW));
        assertThatThrownBy(() -> c.nominate(100, "A", "reason", "OFFICE", null, 1, D.plusDays(3), NOW))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("campaign.error.nominationWindow");
        assertThatThrownBy(() -> c.nominate(100, "Z", "reason", "OFFICE", null, 1, D, NOW)).isInstanceOf(InvalidInput.class);
        nominate(c, 100, 1, D);
        assertThatThrownBy(() -> c.nominate(100, "B", "reason", "OFFICE", null, 1, D, NOW)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void shouldKeepTheMovesInOrder() {
        Campaign c = saved(Campaign.create(draft(0), 1, NOW));
        assertThatThrownBy(() -> c.closeNominations(Map.of(), NOW)).extracting("messageKey").isEqualTo("campaign.error.noNominees");
        assertThatThrownBy(() -> c.openVoting(NOW)).extracting("messageKey").isEqualTo("campaign.error.notChecked");
        assertThatThrownBy(() -> c.announce(D.plusDays(20), NOW)).extracting("messageKey").isEqualTo("campaign.error.notInPublicity");
        assertThat(c.status()).isEqualTo(CampaignStatus.NOMINATION);
        for (CampaignStatus s : CampaignStatus.values()) {
            assertThat(CampaignStatus.allowedNext(s)).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void shouldRefuseADraftWithoutItsConsequentialChoices() {
        var empty = new CampaignDraft("", "", "", null, null, null, D, null, null, null, null);
        assertThat(empty.problems()).extracting(InvalidInput.Problem::field)
                .contains("title", "criteria", "groups", "minPoints", "pointsYear", "nominationFrom", "votingFrom");
        var disorder = new CampaignDraft("t", "c", "A\nA", 0, 2026, D, D.minusDays(1), D, D, D, D);
        assertThat(disorder.problems()).extracting(InvalidInput.Problem::messageKey)
                .contains("campaign.error.groupTwice", "campaign.error.dateOrder");
    }
}
