package org.civicloop.liaison.domain;

import java.util.Set;

/** What the office writes about a site; the duty token is never part of it (it is generated). */
public record SiteDetails(String name, SiteType type, String regionCode, String address, Long staffUnitId,
                          String receptionSchedule, boolean active, Set<Long> deputyIds) {

    public SiteDetails {
        deputyIds = deputyIds == null ? Set.of() : Set.copyOf(deputyIds);
    }
}
