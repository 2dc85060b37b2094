package org.civicloop.records.web;

import org.civicloop.records.domain.DutyRecordService;

/**
 * A manual entry (a publicity session, a survey) as typed; the deputy is chosen only by the office. The deputy
 * and the date stay text here, so that a wrong one is refused beside its field with every other problem.
 */
record ManualEntryForm(String deputyId, String kind, String occurredOn, String title, String description) {

    static ManualEntryForm empty() {
        return new ManualEntryForm("", "", "", "", "");
    }

    DutyRecordService.ManualDraft draft() {
        Integer deputy = RuleForm.number(deputyId);
        return new DutyRecordService.ManualDraft(deputy == null ? null : deputy.longValue(), kind, RuleForm.date(occurredOn),
                title, description);
    }
}
