package org.civicloop.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.OrganizationQueries.AccountRow;

/**
 * The account editing form; the username is fixed once created. Checkboxes are {@code Boolean}:
 * an unticked box sends nothing, which must read as false rather than fail the whole form.
 */
record AccountForm(@Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{2,49}") String username,
                   @NotBlank @Size(max = 50) String displayName,
                   @Pattern(regexp = "|1\\d{10}|0\\d{2,3}-?\\d{7,8}") String phone,
                   Long unitId,
                   @NotEmpty Set<Role> roles,
                   Boolean enabled) {

    static AccountForm empty() {
        return new AccountForm("", "", "", null, EnumSet.noneOf(Role.class), true);
    }

    static AccountForm of(AccountRow row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        row.roles().forEach(r -> roles.add(Role.valueOf(r)));
        return new AccountForm(row.username(), row.displayName(), row.phone() == null ? "" : row.phone(),
                row.unitId(), roles, row.enabled());
    }

    AccountDetails details() {
        return new AccountDetails(displayName, phone, unitId, roles == null ? Set.of() : roles, Boolean.TRUE.equals(enabled));
    }
}
