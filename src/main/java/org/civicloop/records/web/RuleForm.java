package org.civicloop.records.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.civicloop.records.domain.DutyRecordService;
import org.civicloop.shared.InvalidInput.Problem;

/**
 * A points rule change, as typed: nothing is filled in beforehand (the kind, the points and the date are the
 * office's to choose). Numbers and the date stay text here, so that a wrong one is refused beside its field
 * together with every other problem of the form.
 */
record RuleForm(String kind, String points, String yearlyCap, String validFrom, String note) {

    static RuleForm empty() {
        return new RuleForm("", "", "", "", "");
    }

    /** The change, with null for a number or date that could not be read; those are added to {@code problems}. */
    DutyRecordService.RuleChange change(List<Problem> problems) {
        Integer p = number(points);
        if (p == null && !blank(points)) {
            problems.add(new Problem("points", "record.error.points", DutyRecordService.POINTS_MAX));
        }
        Integer cap = number(yearlyCap);
        if (cap == null && !blank(yearlyCap)) {
            problems.add(new Problem("yearlyCap", "record.error.cap", DutyRecordService.CAP_MAX));
        }
        LocalDate from = date(validFrom);
        return new DutyRecordService.RuleChange(kind, p, cap, from, note);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Integer number(String s) {
        if (blank(s) || !s.strip().matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(s.strip());
    }

    static LocalDate date(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
