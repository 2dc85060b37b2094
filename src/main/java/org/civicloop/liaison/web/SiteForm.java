package org.civicloop.liaison.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.liaison.domain.SiteDetails;
import org.civicloop.liaison.domain.SiteQueries.SiteRow;
import org.civicloop.liaison.domain.SiteType;

/** The site form; an unticked checkbox sends nothing and reads as false (or as no resident deputies). */
record SiteForm(@NotBlank @Size(max = 100) String name,
                @NotNull SiteType type,
                @NotBlank @Size(max = 12) String regionCode,
                @NotBlank @Size(max = 200) String address,
                Long staffUnitId,
                @Size(max = 200) String receptionSchedule,
                Boolean active,
                Set<Long> deputyIds) {

    static SiteForm empty() {
        return new SiteForm("", SiteType.STATION, "", "", null, "", true, new TreeSet<>());
    }

    static SiteForm of(SiteRow row, List<Long> residentIds) {
        return new SiteForm(row.name(), SiteType.valueOf(row.type()), row.regionCode(), row.address(), row.staffUnitId(),
                row.receptionSchedule() == null ? "" : row.receptionSchedule(), row.active(), new TreeSet<>(residentIds));
    }

    SiteDetails details() {
        return new SiteDetails(name, type, regionCode, address, staffUnitId, receptionSchedule,
                Boolean.TRUE.equals(active), deputyIds == null ? Set.of() : deputyIds);
    }
}
