package org.civicloop.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.civicloop.organization.domain.OrganizationQueries.UnitRow;
import org.civicloop.organization.domain.UnitDetails;
import org.civicloop.organization.domain.UnitKind;

/** The unit editing form; an unticked checkbox sends nothing and reads as false. */
record UnitForm(@NotBlank @Size(max = 100) String name,
                @NotNull UnitKind kind,
                @NotBlank @Size(max = 12) String regionCode,
                Long parentId,
                Boolean handlesItems,
                Boolean active) {

    static UnitForm empty() {
        return new UnitForm("", UnitKind.GOVERNMENT_DEPARTMENT, "", null, true, true);
    }

    static UnitForm of(UnitRow row) {
        return new UnitForm(row.name(), UnitKind.valueOf(row.kind()), row.regionCode(), row.parentId(),
                row.handlesItems(), row.active());
    }

    UnitDetails details() {
        return new UnitDetails(name, kind, regionCode, parentId, Boolean.TRUE.equals(handlesItems), Boolean.TRUE.equals(active));
    }
}
