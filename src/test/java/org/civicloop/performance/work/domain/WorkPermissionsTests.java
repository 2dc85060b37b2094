package org.civicloop.performance.work.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.junit.jupiter.api.Test;

/** Who may do what with tracked work, in memory; every move offered is also accepted by the aggregate. */
class WorkPermissionsTests {

    static final long OWNER = 19;
    static final Instant NOW = Instant.parse("2026-06-10T02:00:00Z");
    final WorkPermissions permissions = new WorkPermissions();

    static CivicUser user(long id, Role role, Long unit) {
        return new CivicUser(id, "u" + id, "u" + id, unit, null, Set.of(role), true, null, false, 0, null);
    }

    final CivicUser evaluation = user(1, Role.EVALUATION_OFFICE, 21L);
    final CivicUser leader = user(2, Role.LEADER, 22L);
    final CivicUser ownerUnit = user(3, Role.HANDLING_UNIT, OWNER);
    final CivicUser otherUnit = user(4, Role.HANDLING_UNIT, 5L);
    final CivicUser congressOffice = user(5, Role.CONGRESS_OFFICE, 1L);
    final CivicUser deputy = user(6, Role.DEPUTY, null);

    final WorkItem item = new WorkItem(7L, WorkKind.INVESTMENT, 2026, "测试项目", null, OWNER, 2, NOW, "evaluation", Set.of());

    static InvestmentProject signed() {
        InvestmentProject p = InvestmentProject.open(7, "投资方", "BIG_DATA", NOW);
        p.advance(ProjectStage.NEGOTIATING, null, null, "x", NOW, ZoneId.of("Asia/Shanghai"));
        p.advance(ProjectStage.SIGNED, new BigDecimal("100"), null, "x", NOW, ZoneId.of("Asia/Shanghai"));
        return p;
    }

    @Test
    void theEvaluationOfficeCreatesMilestonesMovesAndRecordsButDoesNotReportOrInstruct() {
        WorkActions can = permissions.actionsFor(evaluation, item, signed());
        assertThat(can.addMilestone()).isTrue();
        assertThat(can.completeMilestone()).isTrue();
        assertThat(can.moves()).containsExactlyInAnyOrder(ProjectStage.REGISTERED, ProjectStage.ON_HOLD, ProjectStage.TERMINATED);
        assertThat(can.recordFunds()).isTrue();
        assertThat(can.fileReport()).isFalse();
        assertThat(can.instruct()).isFalse();
        assertThat(permissions.isOffice(evaluation)).isTrue();
    }

    @Test
    void theOwnerUnitReportsMovesAndRecordsButSetsNoMilestone() {
        WorkActions can = permissions.actionsFor(ownerUnit, item, signed());
        assertThat(can.fileReport()).isTrue();
        assertThat(can.completeMilestone()).isTrue();
        assertThat(can.move()).isTrue();
        assertThat(can.recordFunds()).isTrue();
        assertThat(can.addMilestone()).isFalse();
        assertThat(can.instruct()).isFalse();
    }

    @Test
    void aLeaderReadsEverythingAndInstructsOnly() {
        WorkActions can = permissions.actionsFor(leader, item, signed());
        assertThat(permissions.maySee(leader, OWNER)).isTrue();
        assertThat(can).isEqualTo(new WorkActions(false, false, false, true, java.util.List.of(), false));
    }

    @Test
    void othersSeeNothingAndMayDoNothing() {
        for (CivicUser u : new CivicUser[] {otherUnit, congressOffice, deputy}) {
            assertThat(permissions.maySee(u, OWNER)).as(u.getUsername()).isFalse();
            assertThat(permissions.actionsFor(u, item, signed())).isEqualTo(WorkActions.NONE);
        }
        assertThat(permissions.mayUse(congressOffice)).isFalse();
        assertThat(permissions.mayUse(deputy)).isFalse();
    }

    @Test
    void everyMoveOfferedIsOneTheProjectAcceptsAndFundsOnlyOnceSigned() {
        for (ProjectStage s : permissions.actionsFor(ownerUnit, item, signed()).moves()) {
            InvestmentProject p = signed();
            p.moveTo(s, new BigDecimal("100"), "原因", "x", NOW, ZoneId.of("Asia/Shanghai"));
            assertThat(p.stage()).isEqualTo(s);
        }
        InvestmentProject unsigned = InvestmentProject.open(7, "投资方", "BIG_DATA", NOW);
        assertThat(permissions.actionsFor(ownerUnit, item, unsigned).recordFunds()).isFalse();
        assertThat(permissions.actionsFor(ownerUnit, item, null).move()).as("not a project").isFalse();
    }
}
