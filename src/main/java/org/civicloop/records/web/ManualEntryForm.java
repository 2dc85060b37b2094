package org.civicloop.records.web;

import java.time.LocalDate;
import org.civicloop.records.domain.DutyRecordService;
import org.springframework.format.annotation.DateTimeFormat;

/** A manual entry (a publicity session, a survey); the deputy is chosen only by the office. */
record ManualEntryForm(Long deputyId, String kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
                       String title, String description) {

    static ManualEntryForm empty() {
        return new ManualEntryForm(null, "", null, "", "");
    }

    DutyRecordService.ManualDraft draft() {
        return new DutyRecordService.ManualDraft(deputyId, kind, occurredOn, title, description);
    }
}
