package org.civicloop.services.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.junit.jupiter.api.Test;

/** Who may read, write and measure the catalogue, every role once, without Spring. */
class CataloguePermissionsTests {

    private final CataloguePermissions permissions = new CataloguePermissions();

    private static CivicUser with(Role role) {
        return new CivicUser(1L, role.name().toLowerCase(), role.name(), null, null, Set.of(role), true, null, false, 0, null);
    }

    @Test
    void theAdministratorWritesTheWindowReadsLeadersAndEvaluatorsMeasureNobodyElse() {
        for (Role role : Role.values()) {
            var can = permissions.actionsFor(with(role));
            assertThat(can.view()).as(role + " view").isEqualTo(role == Role.ADMIN || role == Role.WINDOW_CLERK);
            assertThat(can.export()).as(role + " export").isEqualTo(can.view());
            assertThat(can.edit()).as(role + " edit").isEqualTo(role == Role.ADMIN);
            assertThat(can.withdraw()).as(role + " withdraw").isEqualTo(role == Role.ADMIN);
            assertThat(can.efficiency()).as(role + " efficiency").isEqualTo(EnumSet.of(Role.ADMIN, Role.WINDOW_CLERK,
                    Role.LEADER, Role.EVALUATION_OFFICE).contains(role));
        }
        assertThat(permissions.mayView(null)).isFalse();
        assertThat(permissions.mayEdit(null)).isFalse();
        assertThat(permissions.mayViewEfficiency(null)).isFalse();
    }
}
