package org.civicloop.deputies.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.civicloop.deputies.domain.DeputyDetails;
import org.civicloop.deputies.domain.DeputyLevel;
import org.civicloop.deputies.domain.DeputyQueries.DeputyRow;
import org.civicloop.deputies.domain.DeputyStatus;

/**
 * The deputy form. The login is entered by username (what the office knows) and resolved to an
 * account id through the organisation's directory.
 */
record DeputyForm(@NotBlank @Size(max = 50) String name,
                  @NotNull DeputyLevel level,
                  @NotBlank @Size(max = 100) String constituency,
                  @NotBlank @Size(max = 12) String regionCode,
                  @Size(max = 100) String sector,
                  @Pattern(regexp = "|1\\d{10}|0\\d{2,3}-?\\d{7,8}") String phone,
                  @NotNull DeputyStatus status,
                  @Size(max = 50) String accountUsername) {

    static DeputyForm empty() {
        return new DeputyForm("", null, "", "", "", "", DeputyStatus.ACTIVE, "");
    }

    static DeputyForm of(DeputyRow row, String accountUsername) {
        return new DeputyForm(row.name(), DeputyLevel.valueOf(row.level()), row.constituency(), row.regionCode(),
                row.sector() == null ? "" : row.sector(), row.phone() == null ? "" : row.phone(),
                DeputyStatus.valueOf(row.status()), accountUsername == null ? "" : accountUsername);
    }

    boolean hasAccount() {
        return accountUsername != null && !accountUsername.isBlank();
    }

    DeputyDetails details(Long accountId) {
        return new DeputyDetails(name, level, constituency, regionCode, sector, phone, status, accountId);
    }
}
