package org.civicloop.briefings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** The briefing's moves without a database: the sign-in window's edges, once only, leave and its decision. */
class BriefingTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration OPENS_BEFORE = Duration.ofMinutes(30);
    static final LocalDateTime START = LocalDateTime.of(2026, 7, 8, 9, 0);
    static final Instant STARTS_AT = START.atZone(ZONE).toInstant();

    private Briefing briefing() {
        Briefing b = Briefing.schedule(new BriefingDraft(BriefingKind.BRIEFING, " 上半年区政府工作情况通报会 ", START,
                START.plusHours(2), "第一会议室", "区政府办公室", Set.of(1L, 2L)), "abcdefghjkmn", 9L, STARTS_AT.minusSeconds(86400), ZONE);
        b.assignId(7);
        return b;
    }

    @Test
    void signInOpensThirtyMinutesBeforeTheStartAndClosesAtTheEnd() {
        Briefing b = briefing();
        assertThat(b.title()).isEqualTo("上半年区政府工作情况通报会");
        assertThatThrownBy(() -> b.signIn(1, STARTS_AT.minus(OPENS_BEFORE).minusSeconds(1), OPENS_BEFORE, ZONE))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("briefing.signIn.notYet"));
        var attended = b.signIn(1, STARTS_AT.minus(OPENS_BEFORE), OPENS_BEFORE, ZONE);
        assertThat(attended.heldOn()).isEqualTo(START.toLocalDate());
        assertThat(attended.kind()).isEqualTo("BRIEFING");
        assertThat(b.invitation(1).status()).isEqualTo(InvitationStatus.PRESENT);
        assertThatThrownBy(() -> b.signIn(1, STARTS_AT, OPENS_BEFORE, ZONE))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("briefing.signIn.already"));
        assertThatThrownBy(() -> b.signIn(2, START.plusHours(2).atZone(ZONE).toInstant(), OPENS_BEFORE, ZONE))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("briefing.signIn.closed"));
        assertThatThrownBy(() -> b.signIn(3, STARTS_AT, OPENS_BEFORE, ZONE))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("briefing.signIn.notInvited"));
        // the office may record the absent-looking deputy after the end
        b.recordPresent(2, START.plusHours(3).atZone(ZONE).toInstant(), OPENS_BEFORE, ZONE);
        assertThat(b.attendance(START.plusHours(3).atZone(ZONE).toInstant())).isEqualTo(new Briefing.Attendance(2, 2, 0, 0));
    }

    @Test
    void leaveIsAskedWithAReasonAndDecidedOnce() {
        Briefing b = briefing();
        Instant before = STARTS_AT.minusSeconds(3600);
        assertThatThrownBy(() -> b.requestLeave(1, " ", before)).isInstanceOf(InvalidInput.class);
        assertThat(b.invitation(1).status()).isEqualTo(InvitationStatus.INVITED);
        b.requestLeave(1, "村里开会", before);
        assertThatThrownBy(() -> b.requestLeave(1, "再请一次", before))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("briefing.leave.error.notOpen"));
        var declined = b.decideLeave(1, false, 9L, before);
        assertThat(declined.action()).isEqualTo("briefing.leaveDeclined");
        assertThat(b.invitation(1).status()).isEqualTo(InvitationStatus.INVITED);
        assertThat(b.invitation(1).leaveDeclined()).isTrue();
        assertThatThrownBy(() -> b.decideLeave(1, true, 9L, before)).isInstanceOf(BusinessException.class);
        b.requestLeave(2, "出差", before);
        b.decideLeave(2, true, 9L, before);
        Instant after = START.plusHours(2).atZone(ZONE).toInstant();
        assertThat(b.attendance(after)).isEqualTo(new Briefing.Attendance(2, 0, 1, 1));
        assertThatThrownBy(() -> b.requestLeave(1, "太晚了", after))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("briefing.leave.error.over"));
    }

    @Test
    void aDraftWithProblemsListsThemAllAndARevisionKeepsThoseWhoCame() {
        assertThatThrownBy(() -> Briefing.schedule(new BriefingDraft(null, "", START, START.minusHours(1), "x", "y", Set.of()),
                "abcdefghjkmn", 9L, STARTS_AT, ZONE))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("kind", "title", "endsAt", "deputyIds"));
        Briefing b = briefing();
        b.signIn(1, STARTS_AT, OPENS_BEFORE, ZONE);
        assertThatThrownBy(() -> b.revise(new BriefingDraft(BriefingKind.TRAINING, "培训", START, START.plusHours(1), "x", "y",
                Set.of(2L)), STARTS_AT, ZONE))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("briefing.error.cannotUninvite"));
        assertThat(b.kind()).isEqualTo(BriefingKind.BRIEFING);
        b.revise(new BriefingDraft(BriefingKind.TRAINING, "培训", START, START.plusHours(1), "x", "y", Set.of(1L, 3L)), STARTS_AT, ZONE);
        assertThat(b.invitations()).extracting(Invitation::deputyId).containsExactlyInAnyOrder(1L, 3L);
        assertThat(b.invitation(1).status()).isEqualTo(InvitationStatus.PRESENT);
    }
}
