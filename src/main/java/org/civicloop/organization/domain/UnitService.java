package org.civicloop.organization.domain;

import java.util.HashSet;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.OrganizationEvents.UnitCreated;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing organisation units. */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UnitService {

    private final OrgUnitRepository units;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public long create(UnitDetails details) {
        check(null, details);
        OrgUnit unit = units.save(OrgUnit.create(details));
        events.publishEvent(new UnitCreated(unit.id(), unit.summary()));
        return unit.id();
    }

    public void update(long unitId, UnitDetails details) {
        OrgUnit unit = units.findById(unitId).orElseThrow(() -> new NotFoundException("unit", unitId));
        check(unitId, details);
        var event = unit.update(details);
        units.save(unit);
        if (!event.before().equals(event.after())) {
            events.publishEvent(event);
        }
    }

    private void check(Long unitId, UnitDetails details) {
        boolean regionExists = jdbc.sql("select exists (select 1 from region where code = :code)")
                .param("code", details.regionCode()).query(Boolean.class).single();
        if (!regionExists) {
            throw BusinessException.invalid("unit.error.unknownRegion", details.regionCode());
        }
        boolean nameTaken = jdbc.sql("""
                        select exists (select 1 from org_unit where region_code = :region and name = :name
                                       and (cast(:id as bigint) is null or id <> :id))""")
                .param("region", details.regionCode()).param("name", details.name().strip()).param("id", unitId)
                .query(Boolean.class).single();
        if (nameTaken) {
            throw BusinessException.conflict("unit.error.nameTaken", details.name().strip());
        }
        if (details.parentId() != null) {
            if (!units.existsById(details.parentId())) {
                throw new NotFoundException("unit", details.parentId());
            }
            // walking up from the new parent must never reach this unit
            Set<Long> seen = new HashSet<>();
            Long cursor = details.parentId();
            while (cursor != null && seen.add(cursor)) {
                if (cursor.equals(unitId)) {
                    throw BusinessException.invalid("unit.error.parentCycle");
                }
                cursor = units.findById(cursor).map(OrgUnit::parentId).orElse(null);
            }
        }
    }
}
