package org.civicloop.liaison.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.civicloop.liaison.matters.MatterDraft;
import org.springframework.format.annotation.DateTimeFormat;

/** The form a site fills in when it takes up an enterprise's matter; the unit and deputies start empty. */
record MatterForm(Long siteId,
                  @Size(max = MatterDraft.NAME_MAX) String enterpriseName,
                  @Size(max = 18) String creditCode,
                  @Size(max = MatterDraft.CONTACT_MAX) String contactName,
                  @Size(max = 20) String contactPhone,
                  Boolean consent,
                  @Size(max = MatterDraft.PROBLEM_MAX) String problem,
                  Long unitId,
                  Set<Long> deputyIds,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn) {

    static MatterForm empty(Long siteId, LocalDate today) {
        return new MatterForm(siteId, "", "", "", "", false, "", null, Set.of(), today);
    }

    MatterDraft draft() {
        return new MatterDraft(siteId, enterpriseName, creditCode, contactName, contactPhone, Boolean.TRUE.equals(consent),
                problem, unitId, deputyIds, openedOn);
    }
}
