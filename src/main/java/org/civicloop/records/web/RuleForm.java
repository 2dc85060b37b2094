package org.civicloop.records.web;

import java.time.LocalDate;
import org.civicloop.records.domain.DutyRecordService;
import org.springframework.format.annotation.DateTimeFormat;

/** A points rule change: nothing is filled in beforehand (the kind, the points and the date are the office's to choose). */
record RuleForm(String kind, Integer points, Integer yearlyCap,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, String note) {

    static RuleForm empty() {
        return new RuleForm("", null, null, null, "");
    }

    DutyRecordService.RuleChange change() {
        return new DutyRecordService.RuleChange(kind, points, yearlyCap, validFrom, note);
    }
}
