package org.civicloop.services.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.junit.jupiter.api.Test;

/** Who may do what to an application, in memory; each action offered is also tried on the aggregate. */
class CasePermissionsTests {

    final CasePermissions permissions = new CasePermissions();
    static final Instant T0 = ServiceCaseTests.T0;

    static CivicUser user(long id, Long unit, Role role) {
        return new CivicUser(id, "u" + id, "U" + id, unit, null, Set.of(role), true, null, false, 0, null);
    }

    final CivicUser applicant = user(50, null, Role.ENTERPRISE);
    final CivicUser otherEnterprise = user(51, null, Role.ENTERPRISE);
    final CivicUser window = user(2, 1L, Role.WINDOW_CLERK);
    final CivicUser market = user(3, 7L, Role.DEPT_APPROVER);
    final CivicUser tax = user(4, 8L, Role.DEPT_APPROVER);
    final CivicUser unrelatedApprover = user(5, 99L, Role.DEPT_APPROVER);
    final CivicUser leader = user(6, null, Role.LEADER);
    final CivicUser admin = user(7, null, Role.ADMIN);

    @Test
    void onlyTheApplicantTheWindowAndItsDepartmentsSeeIt() {
        ServiceCase c = ServiceCaseTests.newCase();
        for (CivicUser u : List.of(applicant, window, market, tax)) {
            assertThat(permissions.canView(u, c)).as(u.getUsername()).isTrue();
            assertThat(permissions.canSeeApplicant(u, c)).isTrue();
            assertThat(permissions.canReadMaterials(u, c)).isTrue();
        }
        for (CivicUser u : List.of(otherEnterprise, unrelatedApprover, leader, admin)) {
            assertThat(permissions.canView(u, c)).as(u.getUsername()).isFalse();
            assertThat(permissions.canReadMaterials(u, c)).isFalse();
        }
        assertThat(permissions.mayApplyOnline(applicant)).isTrue();
        assertThat(permissions.mayApplyOnline(window)).isFalse();
        assertThat(permissions.mayApplyAtWindow(window)).isTrue();
        assertThat(permissions.mayApplyAtWindow(applicant)).isFalse();
    }

    @Test
    void theWindowChecksAndTheDepartmentsDecideTheirOwnParts() {
        ServiceCase c = ServiceCaseTests.newCase();
        assertThat(permissions.actionsFor(window, c).check()).isTrue();
        assertThat(permissions.actionsFor(applicant, c).check()).isFalse();
        assertThat(permissions.actionsFor(market, c).part("registration").any()).isFalse();
        c.accept(T0);
        assertThat(permissions.actionsFor(window, c).check()).isFalse();
        CaseActions m = permissions.actionsFor(market, c);
        assertThat(m.part("registration").approve()).isTrue();
        assertThat(m.part("tax").any()).isFalse();
        assertThat(permissions.actionsFor(unrelatedApprover, c).parts().values()).noneMatch(CaseActions.PartActions::any);
        c.approvePart("registration", null, T0);
        assertThat(permissions.actionsFor(market, c).part("registration").any()).isFalse();
        CaseActions t = permissions.actionsFor(tax, c);
        assertThat(t.part("tax").returnForCorrection()).isTrue();
        c.returnPart("tax", new Correction("tax", List.of("x"), List.of(), "", 4, T0), T0);
        assertThat(permissions.actionsFor(tax, c).part("tax").any()).isFalse();
        assertThat(permissions.actionsFor(applicant, c).correct()).isTrue();
        assertThat(permissions.actionsFor(otherEnterprise, c).correct()).isFalse();
        assertThat(permissions.actionsFor(window, c).correct()).isFalse();
        c.correct(java.util.Map.of(), T0);
        c.approvePart("tax", null, T0);
        assertThat(permissions.actionsFor(window, c).issue()).isFalse();
        c.approvePart("seal", null, T0);
        assertThat(permissions.actionsFor(window, c).issue()).isTrue();
        assertThat(permissions.actionsFor(applicant, c).issue()).isFalse();
        c.issueResults(T0);
        assertThat(permissions.actionsFor(applicant, c).rate()).isTrue();
        assertThat(permissions.actionsFor(window, c).rate()).isFalse();
        c.rate(RatingLevel.SATISFIED, null, T0);
        assertThat(permissions.actionsFor(applicant, c).rate()).isFalse();
    }
}
