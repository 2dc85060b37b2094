package org.civicloop.campaigns;

import java.util.List;
import org.civicloop.records.DutyRecords;
import org.springframework.stereotype.Component;

/**
 * Stands in for the records module while it is built in parallel: nobody has points or entries.
 * Delete at merge, when the real {@code DutyRecords} arrives; the campaign tests use deputies they
 * create themselves, who have no record with either.
 */
@Component
class StandInDutyRecords implements DutyRecords {

    @Override
    public int points(long deputyId, int year) {
        return 0;
    }

    @Override
    public List<DutyEntry> entries(long deputyId, int year) {
        return List.of();
    }
}
