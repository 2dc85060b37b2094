package org.civicloop.records;

import java.time.LocalDate;
import java.util.List;

/** The duty records as other modules (the typical-deputy campaigns) see them. */
public interface DutyRecords {

    /** One counted line of a deputy's record: what, when, and the points it earned under the rule then in force. */
    record DutyEntry(LocalDate on, String kind, String title, int points) {
    }

    /** The deputy's points for a calendar year (caps applied); 0 for a deputy with no record. */
    int points(long deputyId, int year);

    /** The counted lines of a deputy's record for a year, newest first (manual entries only once reviewed). */
    List<DutyEntry> entries(long deputyId, int year);
}
